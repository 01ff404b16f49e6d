package io.todo.validator.admission.cel;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An expression's result in tools/scripts/cel-peer's format: {@code value: <value>}, {@code error}
 * (evaluation) or {@code compile}; values as that program prints them (see its main.go).
 */
final class CelPrinter {
  private CelPrinter() {}

  static String result(String expr) {
    return result(expr, false);
  }

  /** With {@code messages}, an evaluation error as {@code error: <message as the API server words it>}. */
  static String result(String expr, boolean messages) {
    CelEnvironment.Expression e;
    try {
      e = CelEnvironment.get().compile(expr, Location.of("t"), "expr", null);
    } catch (ValidatorException x) {
      return "compile";
    }
    Map<String, Object> act = new HashMap<>();
    act.put("object", Map.of("metadata", Map.of("name", "web")));
    for (String v : List.of("oldObject", "params", "request", "namespaceObject")) {
      act.put(v, NullValue.NULL_VALUE);
    }
    try {
      return "value: " + print(e.eval(act));
    } catch (CelEvaluationException x) {
      return messages ? "error: " + CelErrors.message(x) : "error";
    }
  }

  static String print(Object v) {
    if (v instanceof Boolean b) {
      return b.toString();
    } else if (v instanceof Long l) {
      return l.toString();
    } else if (v instanceof UnsignedLong u) {
      return u + "u";
    } else if (v instanceof Double d) {
      return d.isNaN() ? "nan" : String.format("d%016x", Double.doubleToRawLongBits(d));
    } else if (v instanceof String s) {
      return quote(s);
    } else if (v instanceof com.google.protobuf.ByteString b) {
      return bytes(b.toByteArray());
    } else if (v instanceof dev.cel.common.values.CelByteString b) {
      return bytes(b.toByteArray());
    } else if (v instanceof NullValue || v instanceof com.google.protobuf.NullValue) {
      return "null";
    } else if (v instanceof java.time.Instant t) {
      return String.format("timestamp(%d.%09d)", t.getEpochSecond(), t.getNano());
    } else if (v instanceof java.time.Duration d) {
      return "duration(" + d.toNanos() + ")";
    } else if (v instanceof Optional<?> o) {
      return o.isPresent() ? "optional(" + print(o.get()) + ")" : "optional.none";
    } else if (v instanceof dev.cel.common.types.TypeType t && !t.parameters().isEmpty()) {
      return "type(" + t.parameters().get(0).name() + ")";
    } else if (v instanceof CelType t) {
      return "type(" + t.name() + ")";
    } else if (v instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, x) -> parts.add(print(k) + ": " + print(x)));
      Collections.sort(parts);
      return "{" + String.join(", ", parts) + "}";
    } else if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(x -> parts.add(print(x)));
      return "[" + String.join(", ", parts) + "]";
    }
    return "opaque";
  }

  private static String bytes(byte[] b) {
    StringBuilder s = new StringBuilder("b\"");
    for (byte x : b) {
      s.append(String.format("%02x", x & 0xff));
    }
    return s.append('"').toString();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        b.appendCodePoint(c);
      } else {
        b.append("\\u{").append(Integer.toHexString(Character.isSurrogate((char) c) ? 0xfffd : c)).append('}');
      }
    });
    return b.append('"').toString();
  }
}
