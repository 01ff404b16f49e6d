package io.todo.validator.admission;

/**
 * Go's strconv.Quote (what %q prints) of a byte string (one char per byte, see NameValidation.bytes):
 * valid UTF-8 is decoded to runes, printable ones kept, others escaped; a byte that starts no valid
 * sequence prints as \xNN.
 */
final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  static String quote(String b) {
    StringBuilder sb = new StringBuilder(b.length() + 2).append('"');
    for (int i = 0; i < b.length(); ) {
      int c = b.charAt(i);
      int n = c < 0x80 ? 1 : sequenceLength(b, i);
      if (n == 0) {
        hex(sb.append("\\x"), c, 2);
        i++;
        continue;
      }
      int r = c < 0x80 ? c : decode(b, i, n);
      i += n;
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
              hex(sb.append("\\x"), r, 2);
            } else if (r < 0x10000) {
              hex(sb.append("\\u"), r, 4);
            } else {
              hex(sb.append("\\U"), r, 8);
            }
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** The length of the valid UTF-8 sequence at i (Go's rules: shortest form, no surrogates, max U+10FFFF), or 0. */
  private static int sequenceLength(String b, int i) {
    int c = b.charAt(i);
    int n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n == 0 || i + n > b.length()) {
      return 0;
    }
    int lo = 0x80;
    int hi = 0xbf;
    if (c == 0xe0) {
      lo = 0xa0;
    } else if (c == 0xed) {
      hi = 0x9f;
    } else if (c == 0xf0) {
      lo = 0x90;
    } else if (c == 0xf4) {
      hi = 0x8f;
    }
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

  private static int decode(String b, int i, int n) {
    int r = b.charAt(i) & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
    for (int k = 1; k < n; k++) {
      r = (r << 6) | (b.charAt(i + k) & 0x3f);
    }
    return r;
  }

  private static void hex(StringBuilder sb, int r, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(r >> shift) & 0xf]);
    }
  }

  /** strconv.IsPrint: Unicode categories L, M, N, P, S and the ASCII space. */
  private static boolean isPrint(int r) {
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
}
