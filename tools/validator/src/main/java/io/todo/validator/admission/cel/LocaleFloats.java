package io.todo.validator.admission.cel;

import io.todo.validator.render.GoValues;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The %f and %e clauses of {@link StringFormat}: cel-go prints them with golang.org/x/text's
 * message printer for en_US, not with Go's fmt.
 */
final class LocaleFloats {
  private LocaleFloats() {}

  private static String special(double d) {
    return Double.isNaN(d) ? "NaN" : d > 0 ? "\u221e" : "-\u221e";
  }

  /**
   * x/text's %.Nf: the exact value rounded half-even to N fraction digits (x/text keeps the count in
   * an int16), trailing zeros kept down to N mod 256 digits (a uint8), integer digits grouped by 3.
   * The sign is that of x &lt; 0, so -0.0 has none.
   */
  static String fixed(double d, long precision) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return special(d);
    }
    int maxFrac = (short) precision;
    int minFrac = (int) (precision & 0xff);
    BigDecimal v = maxFrac >= 0
        ? new BigDecimal(Math.abs(d)).setScale(maxFrac, RoundingMode.HALF_EVEN)
        : new BigDecimal(GoValues.formatFloat(Math.abs(d)));
    v = v.stripTrailingZeros();
    if (v.scale() < minFrac) {
      v = v.setScale(minFrac);
    }
    if (v.scale() < 0) {
      v = v.setScale(0);
    }
    String plain = v.toPlainString();
    int dot = plain.indexOf('.');
    String intPart = dot < 0 ? plain : plain.substring(0, dot);
    StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
    for (int i = 0; i < intPart.length(); i++) {
      if (i > 0 && (intPart.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(intPart.charAt(i));
    }
    return out.append(dot < 0 ? "" : plain.substring(dot)).toString();
  }

  private static final String SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

  /**
   * cel-go's %e prints with x/text's "%Ne" where N is the clause's precision: always 7 significant
   * digits, an exponent of at least two superscript digits, and N as the width (0 is the zero flag).
   */
  static String scientific(double d, long precision) {
    String s;
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      s = special(d);
    } else {
      BigDecimal v = new BigDecimal(Math.abs(d));
      int exp = 0;
      String digits = "0000000";
      if (d != 0) {
        v = v.round(new MathContext(7, RoundingMode.HALF_EVEN));
        digits = v.unscaledValue().toString();
        exp = digits.length() - 1 - v.scale();
        digits = (digits + "000000").substring(0, 7);
      }
      StringBuilder b = new StringBuilder(d < 0 ? "-" : "").append(digits.charAt(0)).append('.')
          .append(digits, 1, 7).append("\u00d710");
      if (exp < 0) {
        b.append('\u207b');
      }
      String e = String.valueOf(Math.abs(exp));
      if (e.length() < 2) {
        e = "0" + e;
      }
      for (char c : e.toCharArray()) {
        b.append(SUPERSCRIPTS.charAt(c - '0'));
      }
      s = b.toString();
    }
    long width = precision & 0xffff;
    int runes = s.codePointCount(0, s.length());
    return width > runes ? " ".repeat((int) (width - runes)) + s : s;
  }

}
