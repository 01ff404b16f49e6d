package io.todo.validator.render;

import io.todo.validator.model.GoText;
import java.math.BigInteger;

/**
 * Go's strconv, as far as kustomize's messages show it: {@code Quote} (what {@code %q} prints for a
 * string) and {@code Atoi} with its {@code NumError} text.
 */
final class GoStrconv {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger INT64_CUTOFF = BigInteger.ONE.shiftLeft(63);

  private GoStrconv() {}

  /** strconv.Quote, shared with the other Go ports in {@link GoText}. */
  static String quote(String s) {
    return GoText.quote(s);
  }

  /**
   * strconv.Atoi on a 64-bit platform: an optional sign and decimal digits. Failures are
   * RenderExceptions carrying Go's NumError text, e.g. {@code strconv.Atoi: parsing "x": invalid syntax}.
   */
  static long atoi(String s) {
    String digits = s;
    boolean neg = false;
    if (!digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
      neg = digits.charAt(0) == '-';
      digits = digits.substring(1);
    }
    if (digits.isEmpty()) {
      throw numError(s, "invalid syntax");
    }
    // ParseUint: the first bad character or the first overflow, whichever comes first
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw numError(s, "invalid syntax");
      }
      n = n.multiply(BigInteger.TEN).add(BigInteger.valueOf(c - '0'));
      if (n.compareTo(UINT64_MAX) > 0) {
        throw numError(s, "value out of range");
      }
    }
    if (neg ? n.compareTo(INT64_CUTOFF) > 0 : n.compareTo(INT64_CUTOFF) >= 0) {
      throw numError(s, "value out of range");
    }
    return neg ? n.negate().longValue() : n.longValue();
  }

  private static RenderException numError(String s, String why) {
    return new RenderException("strconv.Atoi: parsing " + quote(s) + ": " + why);
  }
}
