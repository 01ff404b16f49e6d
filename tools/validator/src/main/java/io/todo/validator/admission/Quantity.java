package io.todo.validator.admission;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 1e3}), compared by value. */
final class Quantity implements Comparable<Quantity> {
  private static final Pattern FORM =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))((?:[KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?");
  private static final Map<String, BigDecimal> SUFFIX =
      Map.ofEntries(
          Map.entry("Ki", BigDecimal.valueOf(1024)),
          Map.entry("Mi", BigDecimal.valueOf(1024L * 1024)),
          Map.entry("Gi", BigDecimal.valueOf(1024L * 1024 * 1024)),
          Map.entry("Ti", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024)),
          Map.entry("Pi", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024)),
          Map.entry("Ei", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024 * 1024)),
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")));

  private final BigDecimal value;
  private final String text;

  private Quantity(BigDecimal value, String text) {
    this.value = value;
    this.text = text;
  }

  static boolean isQuantity(String s) {
    return parseOrNull(s) != null;
  }

  static Quantity parse(String s) {
    Quantity q = parseOrNull(s);
    if (q == null) {
      throw new IllegalArgumentException("quantities must match the regular expression "
          + "'^([+-]?[0-9.]+)([eEinumkKMGTPE]*[-+]?[0-9]*)$': " + s);
    }
    return q;
  }

  private static Quantity parseOrNull(String s) {
    Matcher m = FORM.matcher(s);
    if (!m.matches()) {
      return null;
    }
    BigDecimal v = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (suffix != null) {
      BigDecimal factor = SUFFIX.get(suffix);
      if (factor != null) {
        v = v.multiply(factor); // before the exponent: "Ei" and "E" are suffixes, "E3" an exponent
      } else {
        try {
          // an exponent that does not fit an int is no quantity, not a crash
          v = v.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        } catch (NumberFormatException | ArithmeticException e) {
          return null;
        }
      }
    }
    return new Quantity(v, s);
  }

  private static Quantity of(BigDecimal v) {
    return new Quantity(v, v.stripTrailingZeros().toPlainString());
  }

  long sign() {
    return value.signum();
  }

  boolean isInteger() {
    return integralOrNull() != null;
  }

  long asInteger() {
    Long l = integralOrNull();
    if (l == null) {
      throw new IllegalArgumentException("cannot convert value to integer: " + text);
    }
    return l;
  }

  private Long integralOrNull() {
    try {
      BigInteger i = value.toBigIntegerExact();
      return i.bitLength() < 64 ? i.longValue() : null;
    } catch (ArithmeticException e) {
      return null;
    }
  }

  double asApproximateFloat() {
    return value.doubleValue();
  }

  Quantity add(Quantity o) {
    return of(value.add(o.value));
  }

  Quantity add(long o) {
    return of(value.add(BigDecimal.valueOf(o)));
  }

  Quantity sub(Quantity o) {
    return of(value.subtract(o.value));
  }

  Quantity sub(long o) {
    return of(value.subtract(BigDecimal.valueOf(o)));
  }

  @Override
  public int compareTo(Quantity o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity q && value.compareTo(q.value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
