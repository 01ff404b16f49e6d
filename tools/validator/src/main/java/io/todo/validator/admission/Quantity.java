package io.todo.validator.admission;

import java.math.BigDecimal;
import java.math.BigInteger;
import io.todo.validator.model.QuantitySyntax;

/** A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 1e3}), compared by value. */
final class Quantity implements Comparable<Quantity> {
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
    BigDecimal v = QuantitySyntax.value(s, Integer.MAX_VALUE);
    return v == null ? null : new Quantity(v, s);
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
