package io.todo.validator.policy;

import io.todo.validator.model.QuantitySyntax;
import java.math.BigDecimal;

/** Kubernetes resource quantities ({@code 500m}, {@code 1Gi}, {@code 1e3}) as exact decimals. */
final class Quantities {
  private Quantities() {}

  /** The value, or null when the text is not a quantity. */
  static BigDecimal parse(String text) {
    if (text == null || text.length() > 64) {
      return null; // real quantities are short; a huge mantissa or exponent would only cost time
    }
    return QuantitySyntax.value(text.trim());
  }

  /** {@code 2.5} CPUs → "2500m"; memory → "1536Mi". */
  static String cpu(BigDecimal v) {
    return v.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).toPlainString() + "m";
  }

  static String memory(BigDecimal v) {
    return v.divide(BigDecimal.valueOf(1L << 20), 0, java.math.RoundingMode.CEILING).toPlainString() + "Mi";
  }
}
