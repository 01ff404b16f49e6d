package io.todo.validator.admission.cel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A Kubernetes resource quantity as CEL's {@code quantity()} sees it: apimachinery's
 * {@code resource.Quantity}, modelled with its two representations, because the library's results
 * depend on them, not only on the value. A quantity is either a small one (an int64 times a power of
 * ten, what {@code ParseQuantity} builds when the digits fit) or a decimal (rounded up to 1e-9 when it
 * is parsed, capped at the largest int64 for binary suffixes). So {@code isInteger()} is false for
 * {@code 1.0}, {@code 1000m} and {@code 1Pi} (not small integers), {@code asApproximateFloat()} is
 * the mantissa times {@code math.Pow10} of the exponent, and {@code 9Ei} is 2^63-1. Comparisons and
 * {@code ==} are by exact value. CelPeerDiffTest checks all of it against k8s.io/apiserver.
 *
 * <p>Go computes some values with work proportional to an exponent ({@code 1234567890123456789e99999});
 * where that would take more than {@link #MAX_DIGITS} digits we fail with an evaluation error instead.
 */
final class Quantity implements Comparable<Quantity> {
  static final String FORMAT_ERROR = "quantities must match the regular expression "
      + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  private static final int NANO = -9;
  private static final int MAX_DIGITS = 1_000_000;
  private static final BigDecimal MAX_INT64 = BigDecimal.valueOf(Long.MAX_VALUE);

  /** Small form: {@code value × 10^scale}; used when {@link #dec} is null. */
  private final long value;
  private final int scale;
  /** Decimal form, or null. */
  private final BigDecimal dec;

  private Quantity(long value, int scale) {
    this.value = value;
    this.scale = scale;
    this.dec = null;
  }

  private Quantity(BigDecimal dec) {
    this.value = 0;
    this.scale = 0;
    this.dec = dec;
  }

  static boolean isQuantity(String s) {
    try {
      parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code resource.ParseQuantity}. */
  static Quantity parse(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException(FORMAT_ERROR);
    }
    if (s.equals("0")) {
      return new Quantity(0, 0);
    }
    Parts p = Parts.of(s);
    int base;
    int exponent;
    boolean binary = false;
    switch (p.suffix) {
      case "" -> { base = 10; exponent = 0; }
      case "n" -> { base = 10; exponent = -9; }
      case "u" -> { base = 10; exponent = -6; }
      case "m" -> { base = 10; exponent = -3; }
      case "k" -> { base = 10; exponent = 3; }
      case "M" -> { base = 10; exponent = 6; }
      case "G" -> { base = 10; exponent = 9; }
      case "T" -> { base = 10; exponent = 12; }
      case "P" -> { base = 10; exponent = 15; }
      case "E" -> { base = 10; exponent = 18; }
      case "Ki" -> { base = 2; exponent = 10; binary = true; }
      case "Mi" -> { base = 2; exponent = 20; binary = true; }
      case "Gi" -> { base = 2; exponent = 30; binary = true; }
      case "Ti" -> { base = 2; exponent = 40; binary = true; }
      case "Pi" -> { base = 2; exponent = 50; binary = true; }
      case "Ei" -> { base = 2; exponent = 60; binary = true; }
      default -> {
        base = 10;
        exponent = decimalExponent(p.suffix);
      }
    }
    int precision;
    int scale = 0;
    long mantissa = 1;
    if (binary) {
      if (p.denom.isEmpty()) {
        mantissa = 1L << exponent;
        precision = 15 - p.num.length() - (int) ((float) exponent * 3 / 10) - 1;
      } else {
        precision = -1;
      }
    } else {
      scale = exponent;
      precision = 18 - (p.num.length() + p.denom.length());
    }
    if (precision >= 0) {
      scale -= p.denom.length();
      if (scale >= NANO) {
        long digits = Long.parseLong(p.num + p.denom);
        try {
          long r = Math.multiplyExact(digits, mantissa); // Go's int64Multiply
          return new Quantity(p.positive ? r : -r, scale);
        } catch (ArithmeticException e) {
          // overflow: the decimal form takes over
        }
      }
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(p.value.startsWith("+") ? p.value.substring(1) : p.value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unable to parse quantity's numeric part");
    }
    if (base == 10) {
      amount = new BigDecimal(amount.unscaledValue(), amount.scale() - exponent);
    } else {
      amount = new BigDecimal(amount.unscaledValue().shiftLeft(exponent), amount.scale());
    }
    boolean negative = amount.signum() < 0;
    amount = amount.abs();
    if (amount.signum() != 0) {
      amount = roundUpToNano(amount);
    }
    if (binary && amount.compareTo(MAX_INT64) > 0) {
      amount = MAX_INT64;
    }
    return new Quantity(negative ? amount.negate() : amount);
  }

  /** The exponent of an {@code e<n>} suffix, truncated to 32 bits as Go's {@code int32(parsed)}. */
  private static int decimalExponent(String suffix) {
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      try {
        return (int) Long.parseLong(suffix.substring(1));
      } catch (NumberFormatException e) {
        // out of int64 range, as strconv.ParseInt refuses it
      }
    }
    throw new IllegalArgumentException("unable to parse quantity's suffix");
  }

  /** inf.Dec's Round(x, 9, RoundUp) of a positive amount, without building 10^exponent digits. */
  private static BigDecimal roundUpToNano(BigDecimal amount) {
    long adjusted = (long) amount.precision() - amount.scale(); // digits before the point
    if (adjusted < NANO + 1) {
      return BigDecimal.valueOf(1, 9); // below 1e-9: rounded away from zero to 1n
    }
    if (adjusted > MAX_DIGITS) {
      throw new IllegalArgumentException("quantity too large to evaluate: more than " + MAX_DIGITS + " digits");
    }
    return amount.setScale(9, RoundingMode.UP);
  }

  /** The pieces apimachinery's {@code parseQuantityString} cuts a quantity into. */
  private record Parts(boolean positive, String value, String num, String denom, String suffix) {
    static Parts of(String s) {
      boolean positive = true;
      int pos = 0;
      int end = s.length();
      if (s.charAt(0) == '-') {
        positive = false;
        pos++;
      } else if (s.charAt(0) == '+') {
        pos++;
      }
      while (pos < end && s.charAt(pos) == '0') {
        pos++;
      }
      if (pos >= end) {
        return new Parts(positive, "0", "0", "", "");
      }
      int start = pos;
      while (pos < end && isDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos >= end) {
        return new Parts(positive, s, s.substring(start), "", "");
      }
      String num = pos == start ? "0" : s.substring(start, pos);
      String denom = "";
      if (s.charAt(pos) == '.') {
        int d = ++pos;
        while (pos < end && isDigit(s.charAt(pos))) {
          pos++;
        }
        denom = s.substring(d, pos);
        if (pos >= end) {
          return new Parts(positive, s, num, denom, "");
        }
      }
      String value = s.substring(0, pos);
      int suffixStart = pos;
      while (pos < end && "eEinumkKMGTP".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      if (pos < end && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
        pos++;
      }
      while (pos < end && isDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos < end) {
        throw new IllegalArgumentException(FORMAT_ERROR);
      }
      return new Parts(positive, value, num, denom, s.substring(suffixStart));
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }

  long sign() {
    return dec != null ? dec.signum() : Long.signum(value);
  }

  boolean isInteger() {
    return asInt64() != null;
  }

  long asInteger() {
    Long l = asInt64();
    if (l == null) {
      throw new IllegalArgumentException("cannot convert value to integer");
    }
    return l;
  }

  /** {@code Quantity.AsInt64}: only a small quantity with a scale of zero or more. */
  private Long asInt64() {
    if (dec != null || scale < 0) {
      return null;
    }
    try {
      return scaleUp(value, scale);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** {@code Quantity.AsApproximateFloat64}: the mantissa times Go's {@code math.Pow10(exponent)}. */
  double asApproximateFloat() {
    double base = dec != null ? dec.unscaledValue().doubleValue() : (double) value;
    int exponent = dec != null ? -dec.scale() : scale;
    return exponent == 0 ? base : base * pow10(exponent);
  }

  private static final double[] POW10 = new double[32];
  private static final double[] POW10_POS32 = new double[10];
  private static final double[] POW10_NEG32 = new double[11];

  static {
    for (int i = 0; i < 32; i++) {
      POW10[i] = Double.parseDouble("1e" + i);
    }
    for (int i = 0; i < 10; i++) {
      POW10_POS32[i] = Double.parseDouble("1e" + (32 * i));
    }
    for (int i = 0; i < 11; i++) {
      POW10_NEG32[i] = Double.parseDouble("1e-" + (32 * i));
    }
  }

  /** Go's {@code math.Pow10}, table for table, so the rounding is the same. */
  static double pow10(int n) {
    if (n >= 0 && n <= 308) {
      return POW10_POS32[n / 32] * POW10[n % 32];
    }
    if (n >= -323 && n <= 0) {
      return POW10_NEG32[-n / 32] / POW10[-n % 32];
    }
    return n > 0 ? Double.POSITIVE_INFINITY : 0;
  }

  Quantity add(Quantity o) {
    if (dec == null && o.dec == null) {
      Quantity small = addSmall(value, scale, o.value, o.scale);
      if (small != null) {
        return small;
      }
    }
    return new Quantity(checked(asDec(), o.asDec()).add(o.asDec()));
  }

  Quantity add(long o) {
    return add(new Quantity(o, 0));
  }

  Quantity sub(Quantity o) {
    if (dec == null && o.dec == null) {
      Quantity small = addSmall(value, scale, -o.value, o.scale);
      if (small != null) {
        return small;
      }
    }
    return new Quantity(checked(asDec(), o.asDec()).subtract(o.asDec()));
  }

  Quantity sub(long o) {
    return sub(new Quantity(o, 0));
  }

  /** {@code int64Amount.Add}: null when it overflows (and the decimal form takes over). */
  private static Quantity addSmall(long a, int aScale, long b, int bScale) {
    if (b == 0) {
      return new Quantity(a, aScale);
    }
    if (a == 0) {
      return new Quantity(b, bScale);
    }
    // Go's int64Add and int64Multiply(Scale) fail exactly when the int64 result would overflow, as
    // Math.addExact and Math.multiplyExact do. The scale difference wraps like Go's int32 one.
    try {
      if (aScale == bScale) {
        return new Quantity(Math.addExact(a, b), aScale);
      }
      if (aScale > bScale) {
        return new Quantity(Math.addExact(scaleUp(a, aScale - bScale), b), bScale);
      }
      return new Quantity(Math.addExact(a, scaleUp(b, bScale - aScale)), aScale);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private BigDecimal asDec() {
    return dec != null ? dec : new BigDecimal(BigInteger.valueOf(value), -scale);
  }

  /** Refuses a sum whose exact digits would not fit in memory (Go would run out of it). */
  private static BigDecimal checked(BigDecimal a, BigDecimal b) {
    if (a.signum() != 0 && b.signum() != 0 && Math.abs((long) a.scale() - b.scale()) > MAX_DIGITS) {
      throw new IllegalArgumentException("quantity too large to evaluate: more than " + MAX_DIGITS + " digits");
    }
    return a;
  }

  /**
   * Go's {@code positiveScaleInt64}: {@code base × 10^scale} (just {@code base} for a scale below
   * one), or an ArithmeticException on overflow.
   */
  private static long scaleUp(long base, int scale) {
    long v = base;
    for (int i = 0; i < scale && v != 0; i++) {
      v = Math.multiplyExact(v, 10L); // int64MultiplyScale(v, 10)
    }
    return v;
  }

  /**
   * By exact value. BigDecimal compares signs, then adjusted exponents, before it aligns scales, so a
   * large exponent's digits are never built.
   */
  @Override
  public int compareTo(Quantity o) {
    return asDec().compareTo(o.asDec());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity q && compareTo(q) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sign());
  }

  @Override
  public String toString() {
    return asDec().toString();
  }
}
