package io.todo.validator.model;

import java.nio.charset.StandardCharsets;

/**
 * Go strings as the validator models them, shared by the ports of Go code that must match Go's
 * messages. Go indexes strings by UTF-8 byte, so those ports work on "byte strings": one char
 * (0..255) per byte ({@link #bytesOf}); {@link #textOf} and {@link #quoteBytes} read them back the
 * way Go does, invalid UTF-8 included. {@link #quote} is strconv.Quote (what {@code %q} prints), {@link #atoi} strconv.Atoi.
 */
public final class GoText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final java.math.BigInteger UINT64_MAX = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
  private static final java.math.BigInteger INT64_CUTOFF = java.math.BigInteger.ONE.shiftLeft(63);

  private GoText() {}

  /** The byte string of s: its UTF-8 bytes, one char each. */
  public static String bytesOf(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** The text of a byte string as a Go string converts to runes: each byte that starts no valid sequence is U+FFFD. */
  public static String textOf(String b) {
    StringBuilder sb = new StringBuilder(b.length());
    for (int i = 0; i < b.length(); ) {
      int n = runeLength(b, i);
      sb.appendCodePoint(n == 0 ? 0xfffd : rune(b, i, n));
      i += Math.max(n, 1);
    }
    return sb.toString();
  }

  /**
   * strconv.Atoi on a 64-bit platform: an optional sign and decimal digits. Failures are
   * IllegalArgumentExceptions carrying Go's NumError text, e.g. {@code strconv.Atoi: parsing "x": invalid syntax}.
   */
  public static long atoi(String s) {
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
    java.math.BigInteger n = java.math.BigInteger.ZERO;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw numError(s, "invalid syntax");
      }
      n = n.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(c - '0'));
      if (n.compareTo(UINT64_MAX) > 0) {
        throw numError(s, "value out of range");
      }
    }
    if (neg ? n.compareTo(INT64_CUTOFF) > 0 : n.compareTo(INT64_CUTOFF) >= 0) {
      throw numError(s, "value out of range");
    }
    return neg ? n.negate().longValue() : n.longValue();
  }

  private static IllegalArgumentException numError(String s, String why) {
    return new IllegalArgumentException("strconv.Atoi: parsing " + quote(s) + ": " + why);
  }

  /** strconv.Quote of a Java string (a lone surrogate, which UTF-8 cannot hold, prints as \ufffd). */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      appendRune(sb, r);
    }
    return sb.append('"').toString();
  }

  /** strconv.Quote of a byte string: a byte that starts no valid UTF-8 sequence prints as \xNN. */
  public static String quoteBytes(String b) {
    StringBuilder sb = new StringBuilder(b.length() + 2).append('"');
    for (int i = 0; i < b.length(); ) {
      int n = runeLength(b, i);
      if (n == 0) {
        hex(sb, "\\x", b.charAt(i), 2);
        i++;
      } else {
        appendRune(sb, rune(b, i, n));
        i += n;
      }
    }
    return sb.append('"').toString();
  }

  /** strconv.IsPrint: Unicode categories L, M, N, P, S and the ASCII space. */
  public static boolean isPrint(int r) {
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

  /** One rune as strconv.Quote writes it: kept when printable, else a short or hex escape. */
  private static void appendRune(StringBuilder sb, int r) {
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

  /**
   * The length of the valid UTF-8 sequence at i of a byte string, or 0 when there is none (Go's
   * rules: shortest form only, no surrogates, nothing above U+10FFFF).
   */
  private static int runeLength(String b, int i) {
    int c = b.charAt(i);
    if (c < 0x80) {
      return 1;
    }
    int n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n == 0 || i + n > b.length()) {
      return 0;
    }
    // the second byte's range is what rules out overlong forms, surrogates and values past U+10FFFF
    int lo = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
    int hi = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
    int c1 = b.charAt(i + 1);
    if (c1 < lo || c1 > hi) {
      return 0;
    }
    for (int k = 2; k < n; k++) {
      int ck = b.charAt(i + k);
      if (ck < 0x80 || ck > 0xbf) {
        return 0;
      }
    }
    return n;
  }

  private static int rune(String b, int i, int n) {
    if (n == 1) {
      return b.charAt(i);
    }
    int r = b.charAt(i) & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
    for (int k = 1; k < n; k++) {
      r = (r << 6) | (b.charAt(i + k) & 0x3f);
    }
    return r;
  }

  private static void hex(StringBuilder sb, String prefix, int r, int digits) {
    sb.append(prefix);
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(r >> shift) & 0xf]);
    }
  }

  /** Go's string order (its UTF-8 bytes, which is code point order; Java's compareTo is UTF-16 order). */
  public static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Go's strings.TrimSpace: Unicode white space at both ends. */
  public static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static boolean isSpace(int c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xA0
        || (c > 0xff && Character.isSpaceChar(c)); // Zs, Zl, Zp: Go's White_Space above Latin-1
  }
}
