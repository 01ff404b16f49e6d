package io.todo.validator.admission;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers converted to and from text as cel-go does it (Go's strconv), where cel-java's standard
 * functions follow Java: {@code string(100.0)} is {@code "100"} and {@code string(1e6)} is
 * {@code "1e+06"}, {@code double('inf')} and {@code double('1_000')} parse, {@code double(' 1')}
 * and {@code double('1e400')} do not.
 */
final class GoNumbers {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?");
  private static final Pattern HEX = Pattern.compile(
      "[+-]?0[xX](?:_?[0-9a-fA-F])*(?:\\.[0-9a-fA-F]*)?[pP][+-]?\\d+");

  private GoNumbers() {}

  /** {@code strconv.FormatFloat(d, 'g', -1, 64)}: the shortest digits, in %e form below 1e-4 or from 1e6. */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d) < 0 ? "-0" : "0";
    }
    BigDecimal shortest = shortest(d);
    String digits = shortest.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - shortest.scale(); // exponent of the first digit
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) { // Go decides with precision 6 when the digits are the shortest
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = String.valueOf(Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    return sign + shortest.abs().toPlainString();
  }

  /** The decimal with the fewest digits that reads back as {@code d}, the nearest one among them. */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        return r.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /** {@code strconv.ParseFloat(s, 64)}; cel-go's conversion error for bad syntax and for values beyond a double. */
  static double parseFloat(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        break;
    }
    double v;
    if (DECIMAL.matcher(s).matches()) {
      v = new BigDecimal(s.replace("_", "")).doubleValue();
    } else if (HEX.matcher(s).matches()) {
      v = Double.parseDouble(s.replace("_", ""));
    } else {
      throw conversion("double");
    }
    if (Double.isInfinite(v)) {
      throw conversion("double");
    }
    return v;
  }

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  /** {@code strconv.ParseInt(s, 10, 64)}: ASCII digits only (Java would take other scripts' digits). */
  static long parseInt(String s) {
    if (!INTEGER.matcher(s).matches()) {
      throw conversion("int");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw conversion("int");
    }
  }

  /** {@code strconv.ParseUint(s, 10, 64)}: no sign at all. */
  static com.google.common.primitives.UnsignedLong parseUint(String s) {
    if (!INTEGER.matcher(s).matches() || s.charAt(0) == '+' || s.charAt(0) == '-') {
      throw conversion("uint");
    }
    try {
      return com.google.common.primitives.UnsignedLong.valueOf(s);
    } catch (NumberFormatException e) {
      throw conversion("uint");
    }
  }

  /** cel-go's int modulo: errors for a zero divisor and for the one overflowing case. */
  static long modulo(Long a, Long b) {
    if (b == 0) {
      throw new IllegalArgumentException("modulus by zero");
    }
    if (a == Long.MIN_VALUE && b == -1) {
      throw new IllegalArgumentException("integer overflow");
    }
    return a % b;
  }

  static com.google.common.primitives.UnsignedLong modulo(com.google.common.primitives.UnsignedLong a,
      com.google.common.primitives.UnsignedLong b) {
    if (b.longValue() == 0) {
      throw new IllegalArgumentException("modulus by zero");
    }
    return a.mod(b);
  }

  private static IllegalArgumentException conversion(String type) {
    return new IllegalArgumentException("type conversion error from 'string' to '" + type + "'");
  }

  /** cel-go's {@code string(duration)}: seconds in Go's shortest 'f' form, then "s". */
  static String formatDuration(java.time.Duration d) {
    BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    double f = seconds.doubleValue();
    return shortest(f).toPlainString() + "s";
  }
}
