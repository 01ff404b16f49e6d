package io.todo.validator.admission.cel;

import io.todo.validator.model.GoText;

/**
 * Go's netip.ParseAddr, for the bracketed hosts of URLs: whether it accepts a string and, when not, its
 * error text, e.g. {@code ParseAddr("1::x"): unexpected character, want colon (at "x")}. Works on byte
 * strings ({@link GoText#bytesOf}).
 */
final class NetipAddr {
  private NetipAddr() {}

  /** The error ParseAddr returns for {@code s}, or null when it is an address. */
  static String parseError(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '.':
          return ipv4(s, 0, s.length());
        case ':':
          return ipv6(s);
        case '%':
          return error(s, "missing IPv6 address", "");
        default:
          break;
      }
    }
    return error(s, "unable to parse IP", "");
  }

  /** Whether a string ParseAddr accepts is an IPv4 address (its first separator is a dot). */
  static boolean isIpv4(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' || c == ':' || c == '%') {
        return c == '.';
      }
    }
    return false;
  }

  private static String error(String in, String msg, String at) {
    return "ParseAddr(" + GoText.quoteBytes(in) + "): " + msg + (at.isEmpty() ? "" : " (at " + GoText.quoteBytes(at) + ")");
  }

  private static String ipv4(String in, int off, int end) {
    String s = in.substring(off, end);
    int val = 0;
    int pos = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && val == 0) {
          return error(in, "IPv4 field has octet with leading zero", "");
        }
        val = val * 10 + c - '0';
        digits++;
        if (val > 255) {
          return error(in, "IPv4 field has value >255", "");
        }
      } else if (c == '.') {
        if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.') {
          return error(in, "IPv4 field must have at least one digit", s.substring(i));
        }
        if (pos == 3) {
          return error(in, "IPv4 address too long", "");
        }
        pos++;
        val = 0;
        digits = 0;
      } else {
        return error(in, "unexpected character", s.substring(i));
      }
    }
    return pos < 3 ? error(in, "IPv4 address too short", "") : null;
  }

  private static String ipv6(String in) {
    String s = in;
    int zoneLen = -1;
    int pct = s.indexOf('%');
    if (pct >= 0) {
      if (pct == s.length() - 1) {
        return error(in, "zone must be a non-empty string", "");
      }
      zoneLen = s.length() - pct - 1;
      s = s.substring(0, pct);
    }
    int ellipsis = -1;
    if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return null;
      }
    }
    int i = 0;
    while (i < 16) {
      int off = 0;
      int acc = 0;
      for (; off < s.length(); off++) {
        int d = hex(s.charAt(off));
        if (d < 0) {
          break;
        }
        acc = (acc << 4) + d;
        if (off > 3) {
          return error(in, "each group must have 4 or less digits", s);
        }
        if (acc > 0xffff) {
          return error(in, "IPv6 field has value >=2^16", s);
        }
      }
      if (off == 0) {
        return error(in, "each colon-separated field must have at least one digit", s);
      }
      if (off < s.length() && s.charAt(off) == '.') {
        if (ellipsis < 0 && i != 12) {
          return error(in, "embedded IPv4 address must replace the final 2 fields of the address", s);
        }
        if (i + 4 > 16) {
          return error(in, "too many hex fields to fit an embedded IPv4 at the end of the address", s);
        }
        int end = in.length() - (zoneLen > 0 ? zoneLen + 1 : 0);
        String err = ipv4(in, end - s.length(), end);
        if (err != null) {
          return err;
        }
        s = "";
        i += 4;
        break;
      }
      i += 2;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':') {
        return error(in, "unexpected character, want colon", s);
      } else if (s.length() == 1) {
        return error(in, "colon must be followed by more characters", s);
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          return error(in, "multiple :: in address", s);
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      return error(in, "trailing garbage after address", s);
    }
    if (i < 16) {
      return ellipsis < 0 ? error(in, "address string too short", "") : null;
    }
    return ellipsis >= 0 ? error(in, "the :: must expand to at least one field of zeros", "") : null;
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
