package io.todo.validator.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 1e3}, {@code 9Ei})
 * for the policy rules, and its grammar for the schema stage: a sign, digits with an optional
 * fraction, then an optional binary or decimal SI suffix or an integer exponent. CEL's
 * {@code quantity()} does not use this class: it models apimachinery's {@code ParseQuantity}, which
 * also accepts forms this grammar refuses ({@code e3}, {@code -}).
 */
public final class QuantitySyntax {
  /** The whole text must match; group 1 is the signed number, group 2 the suffix or exponent. */
  public static final Pattern FORM =
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

  /** Larger decimal exponents are refused: real quantities never need them. */
  private static final int MAX_EXPONENT = 30;

  private QuantitySyntax() {}

  /**
   * The exact value of {@code text}, or null when it is no quantity, or its decimal exponent is
   * larger in magnitude than {@value #MAX_EXPONENT}.
   */
  public static BigDecimal value(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return null;
    }
    BigDecimal v = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return v;
    }
    BigDecimal factor = SUFFIX.get(suffix);
    if (factor != null) {
      return v.multiply(factor); // before the exponent: "Ei" and "E" are suffixes, "E3" an exponent
    }
    try {
      int exp = Integer.parseInt(suffix.substring(1));
      return Math.abs(exp) > MAX_EXPONENT ? null : v.scaleByPowerOfTen(exp);
    } catch (NumberFormatException e) {
      return null; // beyond an int
    }
  }
}
