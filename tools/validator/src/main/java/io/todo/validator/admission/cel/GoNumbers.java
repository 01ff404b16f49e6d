package io.todo.validator.admission.cel;

import java.math.BigDecimal;
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
      throw conversionError("double");
    }
    if (Double.isInfinite(v)) {
      throw conversionError("double");
    }
    return v == 0 && s.startsWith("-") ? -0.0 : v; // BigDecimal has no negative zero; Go keeps the sign
  }

  /** strconv.ParseInt(s, 10, 64): an optional sign and ASCII digits only (Java also takes other scripts' digits). */
  static long parseInt(String s) {
    String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    if (digits.isEmpty() || !isAsciiDigits(digits)) {
      throw conversionError("int");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw conversionError("int");
    }
  }

  /** strconv.ParseBool: cel-java lacks "T" and "F". */
  static boolean parseBool(String s) {
    switch (s) {
      case "1", "t", "T", "true", "TRUE", "True":
        return true;
      case "0", "f", "F", "false", "FALSE", "False":
        return false;
      default:
        throw conversionError("bool");
    }
  }

  static boolean isAsciiDigits(String p) {
    return p.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** cel-go's message for a string that does not convert (it does not repeat the string). */
  static IllegalArgumentException conversionError(String type) {
    return new IllegalArgumentException("type conversion error from 'string' to '" + type + "'");
  }

  /** strconv.ParseUint(s, 10, 64): ASCII digits only, no sign. */
  static com.google.common.primitives.UnsignedLong parseUint(String s) {
    if (s.isEmpty() || !isAsciiDigits(s)) {
      throw conversionError("uint");
    }
    try {
      return com.google.common.primitives.UnsignedLong.valueOf(s);
    } catch (NumberFormatException e) {
      throw conversionError("uint");
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

  /** cel-go's {@code string(duration)}: seconds in Go's shortest 'f' form, then "s". */
  static String formatDuration(java.time.Duration d) {
    double f;
    try {
      // Go's Duration.Seconds(): whole seconds plus the nanoseconds / 1e9, each a float64, so
      // 2562047us prints as 2.5620469999999997s
      long n = d.toNanos();
      f = (double) (n / 1_000_000_000L) + (double) (n % 1_000_000_000L) / 1e9;
    } catch (ArithmeticException e) {
      f = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).doubleValue();
    }
    return io.todo.validator.render.GoValues.shortest(f).toPlainString() + "s";
  }

  /**
   * cel-go's ordering of a double against a double, int or uint: NaN cannot be ordered (an error),
   * an int or uint is compared as a double once the double is within its range (so -0.0 == 0u).
   */
  static int compareNumbers(Object a, Object b) {
    if (a instanceof Double x && Double.isNaN(x) || b instanceof Double y && Double.isNaN(y)) {
      throw new IllegalArgumentException("NaN values cannot be ordered");
    }
    if (a instanceof Double x) {
      return b instanceof Double y ? cmp(x, y) : compareDouble(x, b);
    }
    return -compareDouble((Double) b, a);
  }

  private static int compareDouble(double d, Object other) {
    if (other instanceof Long i) {
      if (d < 0x1p63 * -1) {
        return -1;
      }
      return d > 0x1p63 ? 1 : cmp(d, (double) i);
    }
    com.google.common.primitives.UnsignedLong u = (com.google.common.primitives.UnsignedLong) other;
    if (d < 0) {
      return -1;
    }
    return d > 0x1p64 ? 1 : cmp(d, u.doubleValue());
  }

  private static int cmp(double a, double b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
}
