package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.PlainTimestamp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Go's encoding/json Marshal / MarshalIndent(v, "", "  "): HTML characters escaped, floats in Go's
 * format; map keys sorted, struct fields in declaration order. Replacements rewrite JSON held in a
 * string field this way (every object a map), the name hash hashes it, and kubeseal prints its
 * objects with it (structs whose Go maps are named by JSON pointer).
 */
public final class GoJson {
  static String marshal(JsonNode n, boolean indent) {
    StringBuilder sb = new StringBuilder();
    new GoJson(false, EVERY_OBJECT).write(sb, n, indent, 0, "");
    return sb.toString();
  }

  /**
   * MarshalIndent of a Go struct, as kubeseal prints: objects keep the tree's order (struct
   * fields) except those {@code isMap} accepts by JSON pointer, whose keys are sorted.
   */
  public static String marshalIndentStruct(JsonNode n, Predicate<String> isMap) {
    StringBuilder sb = new StringBuilder();
    new GoJson(false, isMap).write(sb, n, true, 0, "");
    return sb.toString();
  }

  /**
   * Compact JSON of a value that went through Go's {@code map[string]interface{}}: every number is a
   * float64 there (the name-hash input).
   */
  static String marshalDecoded(JsonNode n) {
    StringBuilder sb = new StringBuilder();
    new GoJson(true, EVERY_OBJECT).write(sb, n, false, 0, "");
    return sb.toString();
  }

  /** Every object is a Go map (a decoded value): no pointers need to be built. */
  private static final Predicate<String> EVERY_OBJECT = ptr -> true;

  private final boolean float64Numbers;
  private final Predicate<String> isMap;

  private GoJson(boolean float64Numbers, Predicate<String> isMap) {
    this.float64Numbers = float64Numbers;
    this.isMap = isMap;
  }

  private void write(StringBuilder sb, JsonNode n, boolean indent, int depth, String ptr) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      sb.append("null");
    } else if (n.isObject()) {
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      if (isMap.test(ptr)) {
        keys.sort(io.todo.validator.model.GoText::compareUtf8);
      }
      if (keys.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        newline(sb, indent, depth + 1);
        string(sb, keys.get(i));
        sb.append(indent ? ": " : ":");
        write(sb, n.get(keys.get(i)), indent, depth + 1, child(ptr, keys.get(i)));
      }
      newline(sb, indent, depth);
      sb.append('}');
    } else if (n.isArray()) {
      if (n.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        newline(sb, indent, depth + 1);
        write(sb, n.get(i), indent, depth + 1, child(ptr, Integer.toString(i)));
      }
      newline(sb, indent, depth);
      sb.append(']');
    } else if (n.isBoolean()) {
      sb.append(n.asBoolean());
    } else if (n.isIntegralNumber() && !float64Numbers) {
      sb.append(n.bigIntegerValue());
    } else if (n.isNumber()) {
      sb.append(number(n.doubleValue()));
    } else if (n instanceof PlainTimestamp) {
      String t = GoValues.rfc3339(n.asText());
      string(sb, t == null ? n.asText() : t);
    } else {
      string(sb, n.asText());
    }
  }

  private String child(String ptr, String token) {
    return isMap == EVERY_OBJECT ? ptr : ptr + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  private static void newline(StringBuilder sb, boolean indent, int depth) {
    if (indent) {
      sb.append('\n').append("  ".repeat(depth));
    }
  }

  /** encoding/json's float64 format: 'f' in [1e-6, 1e21), else 'e' with a two-digit minimum exponent trimmed. */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new RenderException("json: unsupported value: " + GoValues.formatFloat(d));
    }
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String g = GoValues.formatFloat(d); // shortest digits, exponent form here
      return g.replaceFirst("e([-+])0(\\d)$", "e$1$2");
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  private static void string(StringBuilder sb, String s) {
    GoJsonText.quote(s, sb);
  }
}
