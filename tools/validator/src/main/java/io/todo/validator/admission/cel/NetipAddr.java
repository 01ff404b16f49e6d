package io.todo.validator.admission.cel;

import io.todo.validator.model.GoText;

/**
 * Go's netip.ParseAddr, the one IP grammar of the CEL library: the address's bytes, whether it had a
 * zone, or ParseAddr's error text, e.g. {@code ParseAddr("1::x"): unexpected character, want colon
 * (at "x")}. {@code ip()}/{@code cidr()} ({@link IpAddress}) and the bracketed hosts of URLs
 * ({@link KubeUrl}) use it. Works on Java strings and on byte strings ({@link GoText#bytesOf}) alike:
 * only ASCII characters are valid in an address.
 */
final class NetipAddr {
  private NetipAddr() {}

  /** An address: 4 or 16 bytes, and whether a zone ({@code %eth0}) followed it; or the error. */
  record Parsed(byte[] bytes, boolean zoned, String error) {}

  static Parsed parse(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '.': {
          byte[] b = new byte[4];
          return result(b, false, ipv4(s, 0, s.length(), b, 0));
        }
        case ':':
          return ipv6(s);
        case '%':
          return result(null, false, error(s, "missing IPv6 address", ""));
        default:
          break;
      }
    }
    return result(null, false, error(s, "unable to parse IP", ""));
  }

  private static Parsed result(byte[] bytes, boolean zoned, String error) {
    return error == null ? new Parsed(bytes, zoned, null) : new Parsed(null, false, error);
  }

  private static String error(String in, String msg, String at) {
    return "ParseAddr(" + GoText.quoteBytes(in) + "): " + msg + (at.isEmpty() ? "" : " (at " + GoText.quoteBytes(at) + ")");
  }

  /** Four octets of {@code in[off, end)} into {@code out} at {@code at}; the error, or null. */
  private static String ipv4(String in, int off, int end, byte[] out, int at) {
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
        out[at + pos] = (byte) val;
        pos++;
        val = 0;
        digits = 0;
      } else {
        return error(in, "unexpected character", s.substring(i));
      }
    }
    out[at + pos] = (byte) val;
    return pos < 3 ? error(in, "IPv4 address too short", "") : null;
  }

  private static Parsed ipv6(String in) {
    byte[] ip = new byte[16];
    String s = in;
    int zoneLen = -1;
    int pct = s.indexOf('%');
    if (pct >= 0) {
      if (pct == s.length() - 1) {
        return result(null, false, error(in, "zone must be a non-empty string", ""));
      }
      zoneLen = s.length() - pct - 1;
      s = s.substring(0, pct);
    }
    boolean zoned = zoneLen > 0;
    int ellipsis = -1;
    if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return result(ip, zoned, null);
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
          return result(null, false, error(in, "each group must have 4 or less digits", s));
        }
        if (acc > 0xffff) {
          return result(null, false, error(in, "IPv6 field has value >=2^16", s));
        }
      }
      if (off == 0) {
        return result(null, false, error(in, "each colon-separated field must have at least one digit", s));
      }
      if (off < s.length() && s.charAt(off) == '.') {
        if (ellipsis < 0 && i != 12) {
          return result(null, false,
              error(in, "embedded IPv4 address must replace the final 2 fields of the address", s));
        }
        if (i + 4 > 16) {
          return result(null, false,
              error(in, "too many hex fields to fit an embedded IPv4 at the end of the address", s));
        }
        int end = in.length() - (zoneLen > 0 ? zoneLen + 1 : 0);
        String err = ipv4(in, end - s.length(), end, ip, i);
        if (err != null) {
          return result(null, false, err);
        }
        s = "";
        i += 4;
        break;
      }
      ip[i] = (byte) (acc >> 8);
      ip[i + 1] = (byte) acc;
      i += 2;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':') {
        return result(null, false, error(in, "unexpected character, want colon", s));
      } else if (s.length() == 1) {
        return result(null, false, error(in, "colon must be followed by more characters", s));
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          return result(null, false, error(in, "multiple :: in address", s));
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      return result(null, false, error(in, "trailing garbage after address", s));
    }
    if (i < 16) {
      if (ellipsis < 0) {
        return result(null, false, error(in, "address string too short", ""));
      }
      int n = 16 - i; // "::" stands for n zero bytes
      System.arraycopy(ip, ellipsis, ip, ellipsis + n, i - ellipsis);
      java.util.Arrays.fill(ip, ellipsis, ellipsis + n, (byte) 0);
      return result(ip, zoned, null);
    }
    return result(ip, zoned, ellipsis >= 0 ? error(in, "the :: must expand to at least one field of zeros", "") : null);
  }

  private static int hex(char c) {
    return java.util.HexFormat.isHexDigit(c) ? java.util.HexFormat.fromHexDigit(c) : -1;
  }
}
