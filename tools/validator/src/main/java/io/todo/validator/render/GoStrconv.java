package io.todo.validator.render;

import java.math.BigInteger;

/**
 * Go's strconv, as far as kustomize's messages show it: {@code Quote} (what {@code %q} prints for a
 * string) and {@code Atoi} with its {@code NumError} text.
 */
final class GoStrconv {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger INT64_CUTOFF = BigInteger.ONE.shiftLeft(63);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoStrconv() {}

  /**
   * strconv.Quote: a double-quoted Go string literal; {@code "} and {@code \} are escaped, printable
   * runes (letters, marks, numbers, punctuation, symbols, ASCII space) kept, the rest escaped as
   * {@code \n}, {@code \x7f}, {@code \u00a0}, {@code \U0001f600}.
   */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (r == '"' || r == '\\') {
        sb.append('\\').appendCodePoint(r);
      } else if (isPrint(r)) {
        sb.appendCodePoint(r);
      } else {
        switch (r) {
          case 0x07 -> sb.append("\\a");
          case '\b' -> sb.append("\\b");
          case '\f' -> sb.append("\\f");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          case 0x0b -> sb.append("\\v");
          default -> {
            if (r < ' ' || r == 0x7f) {
              hex(sb, "\\x", r, 2);
            } else if (r < 0x10000) {
              hex(sb, "\\u", Character.isSurrogate((char) r) ? 0xfffd : r, 4);
            } else {
              hex(sb, "\\U", r, 8);
            }
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static void hex(StringBuilder sb, String prefix, int r, int digits) {
    sb.append(prefix);
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(r >> shift) & 0xf]);
    }
  }

  /** strconv.IsPrint: Unicode categories L, M, N, P, S and the ASCII space. */
  static boolean isPrint(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7f;
    }
    return switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.CONNECTOR_PUNCTUATION, Character.OTHER_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
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
