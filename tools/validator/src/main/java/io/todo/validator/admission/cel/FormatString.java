package io.todo.validator.admission.cel;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.types.TypeType;
import dev.cel.common.values.NullValue;
import io.todo.validator.render.GoValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The %s clause of {@link StringFormat} (cel-go's FormatString): a value as CEL's string() prints
 * it, lists and maps as CEL literals (strings Go-quoted, doubles as %.6f, map keys sorted).
 */
final class FormatString {
  private FormatString() {}

  static final String STRING_TYPES =
      "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps";

  /** The %s clause (cel-go's FormatString): each value as CEL's string() would print it. */
  static String string(Object a) {
    if (a instanceof List<?> l) {
      return list(l);
    } else if (a instanceof Map<?, ?> m) {
      return map(m);
    } else if (a instanceof Long || a instanceof UnsignedLong) {
      return a.toString();
    } else if (a instanceof Double d) {
      return GoValues.formatFloat(d);
    } else if (a instanceof Boolean || a instanceof String) {
      return a.toString();
    } else if (a instanceof NullValue || a instanceof com.google.protobuf.NullValue) {
      return "null";
    }
    String s = scalar(a);
    if (s == null) {
      throw StringFormat.formatting(STRING_TYPES + ", was given " + KubeCelLibrary.typeName(a));
    }
    return s;
  }

  /** Timestamps, durations, bytes and types as strings, or null for anything else. */
  private static String scalar(Object a) {
    if (a instanceof Instant t) {
      return GoTime.formatTimestamp(t);
    } else if (a instanceof com.google.protobuf.Timestamp t) {
      return GoTime.formatTimestamp(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
    } else if (a instanceof java.time.Duration d) {
      return GoNumbers.formatDuration(d);
    } else if (a instanceof com.google.protobuf.Duration d) {
      return GoNumbers.formatDuration(java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos()));
    } else if (a instanceof TypeType t && !t.parameters().isEmpty()) {
      return t.parameters().get(0).name();
    } else if (a instanceof CelType t) {
      return t.name();
    }
    byte[] b = bytes(a);
    if (b == null) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("invalid UTF-8 in bytes, cannot convert to string");
    }
  }

  static byte[] bytes(Object a) {
    if (a instanceof com.google.protobuf.ByteString b) {
      return b.toByteArray();
    } else if (a instanceof dev.cel.common.values.CelByteString b) {
      return b.toByteArray();
    }
    return null;
  }

  /** A list element or map value inside %s: as a CEL literal (cel-go's clauseForType and quoteForCEL). */
  private static String element(Object a) {
    if (a instanceof String s) {
      return io.todo.validator.model.GoText.quote(s);
    } else if (a instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return "\"" + (d.isNaN() ? "NaN" : d > 0 ? "+Inf" : "-Inf") + "\"";
      }
      String s = new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
      return 1 / d < 0 && s.startsWith("0") ? "-" + s : s; // -0.0: BigDecimal has no negative zero
    } else if (a instanceof List<?> || a instanceof Map<?, ?> || a instanceof Long || a instanceof UnsignedLong
        || a instanceof Boolean || a instanceof NullValue || a instanceof com.google.protobuf.NullValue) {
      return string(a);
    } else if (a instanceof Instant || a instanceof com.google.protobuf.Timestamp) {
      return "timestamp(\"" + scalar(a) + "\")";
    } else if (a instanceof java.time.Duration || a instanceof com.google.protobuf.Duration) {
      return "duration(\"" + scalar(a) + "\")";
    } else if (bytes(a) != null) {
      return "b" + io.todo.validator.model.GoText.quote(scalar(a));
    } else if (a instanceof CelType) {
      return scalar(a);
    }
    throw new IllegalArgumentException("no formatting function for " + KubeCelLibrary.typeName(a));
  }

  private static String list(List<?> l) {
    List<String> parts = new ArrayList<>();
    for (Object o : l) {
      parts.add(element(o));
    }
    return "[" + String.join(", ", parts) + "]";
  }

  private static String map(Map<?, ?> m) {
    List<String[]> pairs = new ArrayList<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object k = e.getKey();
      String key;
      if (k instanceof String s) {
        key = io.todo.validator.model.GoText.quote(s);
      } else if (k instanceof Boolean || k instanceof Long || k instanceof UnsignedLong) {
        key = k.toString();
      } else {
        throw new IllegalArgumentException("no formatting function for map key of type " + KubeCelLibrary.typeName(k));
      }
      pairs.add(new String[] {key, element(e.getValue())});
    }
    // Go compares the keys' bytes: code point order is UTF-8 byte order
    pairs.sort((x, y) -> io.todo.validator.model.GoText.compareUtf8(x[0], y[0]));
    List<String> parts = new ArrayList<>();
    for (String[] p : pairs) {
      parts.add(p[0] + ":" + p[1]);
    }
    return "{" + String.join(", ", parts) + "}";
  }
}
