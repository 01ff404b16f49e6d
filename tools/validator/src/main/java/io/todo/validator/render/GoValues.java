package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Applies the value changes of kustomize's output path: every resource goes YAML (yaml.v3) → JSON
 * (encoding/json) → YAML (yaml.v2). Integral values print as integers (1.0 → 1, 1e3 → 1000),
 * other floats in Go's shortest {@code 'g'} form (6.02e+23, 1e-07).
 */
public final class GoValues {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  private GoValues() {}

  /** A normalised copy of the tree; {@code NaN}/{@code Inf} are errors in encoding/json. */
  public static JsonNode normalise(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = F.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().indexOf(NEL) >= 0) {
          // the JSON key spans two lines for yaml.v2, which a flow mapping's simple key cannot
          throw new UnsupportedValueException("yaml: line 1: did not find expected ',' or '}'");
        }
        out.set(e.getKey(), normalise(e.getValue()));
      }
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = F.arrayNode();
      n.forEach(v -> out.add(normalise(v)));
      return out;
    }
    if (n.isIntegralNumber()) {
      return integral(n.bigIntegerValue());
    }
    if (n.isNumber()) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new UnsupportedValueException("json: unsupported value: " + (Double.isNaN(d) ? "NaN" : (d > 0 ? "+Inf" : "-Inf")));
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e21) {
        // Go prints the shortest decimal of the float64 (1.2345678901234567e19 is 12345678901234567000)
        return integral(BigDecimal.valueOf(d).toBigInteger());
      }
      return F.numberNode(d);
    }
    if (n instanceof io.todo.validator.load.PlainTimestamp) {
      String t = rfc3339(n.asText());
      return t == null ? n : F.textNode(t);
    }
    if (n.isTextual() && n.asText().indexOf(NEL) >= 0) {
      return F.textNode(foldNel(n.asText()));
    }
    return n;
  }

  private static final char NEL = '\u0085';

  /**
   * encoding/json leaves U+0085 raw (it escapes every other line break), and yaml.v2 reads it in the
   * double-quoted JSON string as a line break that folds: spaces before it are dropped, spaces after
   * it skipped, one break becomes a space and n breaks n-1 newlines.
   */
  static String foldNel(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && s.charAt(i) != ' ' && s.charAt(i) != NEL) {
        out.append(s.charAt(i++));
      }
      if (i == n) {
        break;
      }
      StringBuilder spaces = new StringBuilder();
      boolean folded = false;
      int breaks = 0;
      boolean lineStart = false;
      while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == NEL)) {
        if (s.charAt(i) == NEL) {
          breaks += folded ? 1 : 0;
          folded = true;
          lineStart = true;
        } else {
          if (!folded) {
            spaces.append(' ');
          }
          lineStart = false;
        }
        i++;
      }
      if (lineStart && (s.startsWith("---", i) || s.startsWith("...", i))
          && i + 3 < n && (s.charAt(i + 3) == ' ' || s.charAt(i + 3) == NEL)) {
        throw new UnsupportedValueException("yaml: line 2: found unexpected document indicator");
      }
      out.append(!folded ? spaces : breaks == 0 ? " " : "\n".repeat(breaks));
    }
    return out.toString();
  }

  private static final java.util.regex.Pattern TS = java.util.regex.Pattern.compile(
      "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:([Tt])|( ))([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.([0-9]{1,9}))?"
          + "(Z|[+-][0-9]{2}:[0-9]{2})?)?");

  /** yaml.v3 decodes a plain timestamp to time.Time; encoding/json prints it as RFC 3339 with nanoseconds. */
  static String rfc3339(String s) {
    java.util.regex.Matcher m = TS.matcher(s);
    if (!m.matches()) {
      return null;
    }
    boolean time = m.group(6) != null;
    if (time && m.group(4) != null && m.group(10) == null) {
      return null; // the T layouts require a zone
    }
    if (time && m.group(5) != null && m.group(10) != null) {
      return null; // the space layout has no zone
    }
    try {
      java.time.LocalDateTime ldt = java.time.LocalDateTime.of(Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          time ? Integer.parseInt(m.group(6)) : 0, time ? Integer.parseInt(m.group(7)) : 0,
          time ? Integer.parseInt(m.group(8)) : 0);
      String frac = m.group(9) == null ? "" : m.group(9).replaceAll("0+$", "");
      String zone = m.group(10) == null || m.group(10).equals("Z") || m.group(10).equals("+00:00")
          || m.group(10).equals("-00:00") ? "Z" : m.group(10);
      return String.format("%04d-%02d-%02dT%02d:%02d:%02d", ldt.getYear(), ldt.getMonthValue(), ldt.getDayOfMonth(),
          ldt.getHour(), ldt.getMinute(), ldt.getSecond()) + (frac.isEmpty() ? "" : "." + frac) + zone;
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** yaml.v2 reads an integer literal as int64, else uint64, else float64. */
  private static JsonNode integral(BigInteger b) {
    if (b.bitLength() < 64) {
      return F.numberNode(b.longValue());
    }
    if (b.signum() > 0 && b.compareTo(UINT64_MAX) <= 0) {
      return F.numberNode(b);
    }
    if (b.compareTo(INT64_MIN) == 0) {
      return F.numberNode(Long.MIN_VALUE);
    }
    return F.numberNode(b.doubleValue());
  }

  /** Go's {@code strconv.FormatFloat(d, 'g', -1, 64)}. */
  public static String formatFloat(double d) {
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    BigDecimal bd = shortest(Math.abs(d));
    String digits = bd.unscaledValue().toString();
    int nd = digits.length();
    int dp = nd - bd.scale(); // value = 0.digits × 10^dp
    int exp = dp - 1;
    StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
    if (exp < -4 || exp >= 6) {
      sb.append(digits.charAt(0));
      if (nd > 1) {
        sb.append('.').append(digits, 1, nd);
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int ae = Math.abs(exp);
      if (ae < 10) {
        sb.append('0');
      }
      sb.append(ae);
    } else if (dp <= 0) {
      sb.append("0.").append("0".repeat(-dp)).append(digits);
    } else if (dp >= nd) {
      sb.append(digits).append("0".repeat(dp - nd));
    } else {
      sb.append(digits, 0, dp).append('.').append(digits, dp, nd);
    }
    return sb.toString();
  }

  /**
   * The fewest significant digits that read back as {@code d}, the nearest among them, trailing
   * zeros stripped (Java 17's Double.toString can give more: 4.9E-324).
   */
  public static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        return r.stripTrailingZeros();
      }
    }
    return exact.round(new java.math.MathContext(17, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /** A value encoding/json refuses (kustomize fails the build). */
  public static final class UnsupportedValueException extends RuntimeException {
    UnsupportedValueException(String message) {
      super(message);
    }
  }
}
