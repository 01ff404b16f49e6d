package io.todo.validator.policy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 500m}, {@code 1Gi}, {@code 1e3}) as exact decimals. */
final class Quantities {
  private static final Pattern FORM =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))((?:[KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?");
  private static final Map<String, BigDecimal> SUFFIX = Map.ofEntries(
      Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
      Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
      Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
      Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
      Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
      Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
      Map.entry("E", new BigDecimal("1e18")));

  private Quantities() {}

  /** The value, or null when the text is not a quantity. */
  static BigDecimal parse(String text) {
    if (text == null || text.length() > 64) {
      return null; // real quantities are short; a huge mantissa or exponent would only cost time
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    BigDecimal v = new BigDecimal(m.group(1));
    String s = m.group(2);
    if (s == null) {
      return v;
    }
    BigDecimal factor = SUFFIX.get(s);
    if (factor != null) {
      return v.multiply(factor); // before the exponent: "Ei" and "E" are suffixes, "E3" an exponent
    }
    Integer exp = exponent(s);
    return exp == null || Math.abs(exp) > 30 ? null : v.scaleByPowerOfTen(exp);
  }

  /** The exponent of an {@code e3}/{@code E-2} suffix, or null when it does not fit an int. */
  static Integer exponent(String suffix) {
    try {
      return Integer.parseInt(suffix.substring(1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code 2.5} CPUs → "2500m"; memory → "1536Mi". */
  static String cpu(BigDecimal v) {
    return v.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).toPlainString() + "m";
  }

  static String memory(BigDecimal v) {
    return v.divide(BigDecimal.valueOf(1L << 20), 0, java.math.RoundingMode.CEILING).toPlainString() + "Mi";
  }
}
