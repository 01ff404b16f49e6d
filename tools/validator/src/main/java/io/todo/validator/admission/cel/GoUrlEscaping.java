package io.todo.validator.admission.cel;

import io.todo.validator.model.GoText;

/**
 * The percent-encoding rules of Go's net/url (shouldEscape, escape, unescape, validEncoded), which
 * decide what the Kubernetes CEL URL library and format.uri() accept and return. Go works on the bytes
 * of a string, so these methods take and return byte strings ({@link GoText#bytesOf}).
 */
final class GoUrlEscaping {
  static final int PATH = 1;
  static final int HOST = 4;
  static final int ZONE = 8;
  static final int USER_PASSWORD = 16;
  static final int QUERY_COMPONENT = 32;
  static final int FRAGMENT = 64;

  private static final String UPPER_HEX = "0123456789ABCDEF";

  private GoUrlEscaping() {}

  /** A URL syntax error, with Go's message; stackless, as rejecting input is routine. */
  static final class UrlError extends Exception {
    UrlError(String message) {
      super(message, null, false, false);
    }
  }

  /** Go's shouldEscape: whether byte c must be percent-encoded in the given part of a URL. */
  static boolean shouldEscape(char c, int mode) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return false;
    }
    if ((mode == HOST || mode == ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    if ("-_.~".indexOf(c) >= 0) {
      return false;
    }
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      switch (mode) {
        case PATH:
          return c == '?';
        case USER_PASSWORD:
          return c == '@' || c == '/' || c == '?' || c == ':';
        case QUERY_COMPONENT:
          return true;
        case FRAGMENT:
          return false;
        default:
          break;
      }
    }
    return !(mode == FRAGMENT && "!()*".indexOf(c) >= 0);
  }

  /** Go's escape: percent-encodes what shouldEscape says, a space as + in a query component. */
  static String escape(String s, int mode) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean plus = c == ' ' && mode == QUERY_COMPONENT;
      if (!plus && !shouldEscape(c, mode)) {
        if (sb != null) {
          sb.append(c);
        }
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (plus) {
        sb.append('+');
      } else {
        sb.append('%').append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 15));
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * Go's unescape: decodes %XX (+ as a space in a query component). A host may escape only non-ASCII
   * bytes (and %25), a zone only bytes it could hold unescaped (and a space), and neither may hold an
   * ASCII byte that needs escaping.
   */
  static String unescape(String s, int mode) throws UrlError {
    boolean changes = false;
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        changes = true;
        if (i + 2 >= s.length() || !java.util.HexFormat.isHexDigit(s.charAt(i + 1)) || !java.util.HexFormat.isHexDigit(s.charAt(i + 2))) {
          throw escapeError(s.substring(i, Math.min(i + 3, s.length())));
        }
        String esc = s.substring(i, i + 3);
        if (mode == HOST && java.util.HexFormat.fromHexDigit(s.charAt(i + 1)) < 8 && !esc.equals("%25")) {
          throw escapeError(esc);
        }
        char v = (char) (java.util.HexFormat.fromHexDigit(s.charAt(i + 1)) << 4 | java.util.HexFormat.fromHexDigit(s.charAt(i + 2)));
        if (mode == ZONE && !esc.equals("%25") && v != ' ' && shouldEscape(v, HOST)) {
          throw escapeError(esc);
        }
        i += 3;
      } else {
        if (c == '+' && mode == QUERY_COMPONENT) {
          changes = true;
        } else if ((mode == HOST || mode == ZONE) && c < 0x80 && shouldEscape(c, mode)) {
          throw new UrlError("invalid character " + GoText.quoteBytes(String.valueOf(c)) + " in host name");
        }
        i++;
      }
    }
    if (!changes) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        sb.append((char) (java.util.HexFormat.fromHexDigit(s.charAt(i + 1)) << 4 | java.util.HexFormat.fromHexDigit(s.charAt(i + 2))));
        i += 2;
      } else {
        sb.append(c == '+' && mode == QUERY_COMPONENT ? ' ' : c);
      }
    }
    return sb.toString();
  }

  /** Go's validEncoded: s needs no escaping beyond the sub-delims, : @ [ ] and %-escapes it has. */
  static boolean validEncoded(String s, int mode) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, mode)) {
        return false;
      }
    }
    return true;
  }

  private static UrlError escapeError(String esc) {
    return new UrlError("invalid URL escape " + GoText.quoteBytes(esc));
  }
}
