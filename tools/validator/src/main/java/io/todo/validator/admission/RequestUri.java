package io.todo.validator.admission;

import java.util.Locale;

/**
 * The error text of Go's url.ParseRequestURI (Go 1.26, as Kubernetes' format.uri() reports it), e.g.
 * {@code parse "-ab": invalid URI for request}. The parse runs on a byte string (NameValidation.bytes)
 * since Go's works on UTF-8 bytes. Fragments are not split off: in a request URI '#' is path or query.
 */
final class RequestUri {
  // ASCII bytes net/url allows in a host (its encodeHost table; zones allow the same)
  private static final String HOST_PUNCT = "!\"$&'()*+,-.:;<=>[]_~";

  private RequestUri() {}

  /** The error message for {@code s}, or null when ParseRequestURI accepts it. */
  static String error(String s) {
    String b = NameValidation.bytes(s);
    try {
      parse(b);
      return null;
    } catch (Bad e) {
      return "parse " + GoQuote.quote(b) + ": " + e.getMessage();
    }
  }

  /** A parse failure, carrying Go's error text. */
  static final class Bad extends Exception {
    Bad(String message) {
      super(message, null, false, false);
    }
  }

  private static void parse(String raw) throws Bad {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < ' ' || c == 0x7f) {
        throw new Bad("net/url: invalid control character in URL");
      }
    }
    if (raw.isEmpty()) {
      throw new Bad("empty url");
    }
    if (raw.equals("*")) {
      return;
    }
    String scheme = "";
    String rest = raw;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        continue;
      }
      if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          break;
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          throw new Bad("missing protocol scheme");
        }
        scheme = raw.substring(0, i).toLowerCase(Locale.ROOT);
        rest = raw.substring(i + 1);
      }
      break;
    }
    int q = rest.indexOf('?');
    if (q >= 0) {
      rest = rest.substring(0, q);
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return; // opaque, not checked further
      }
      throw new Bad("invalid URI for request");
    }
    if (!scheme.isEmpty() && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      rest = slash < 0 ? "" : authority.substring(slash);
      authority = slash < 0 ? authority : authority.substring(0, slash);
      parseAuthority(scheme, authority);
    }
    unescape(rest, Mode.PATH);
  }

  private static void parseAuthority(String scheme, String authority) throws Bad {
    int at = authority.lastIndexOf('@');
    parseHost(scheme, authority.substring(at + 1));
    if (at < 0) {
      return;
    }
    String userinfo = authority.substring(0, at);
    for (int i = 0; i < userinfo.length(); i++) {
      char c = userinfo.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
        throw new Bad("net/url: invalid userinfo");
      }
    }
    int colon = userinfo.indexOf(':');
    if (colon < 0) {
      unescape(userinfo, Mode.USER);
    } else {
      unescape(userinfo.substring(0, colon), Mode.USER);
      unescape(userinfo.substring(colon + 1), Mode.USER);
    }
  }

  private static void parseHost(String scheme, String host) throws Bad {
    int open = host.lastIndexOf('[');
    if (open > 0) {
      throw new Bad("invalid IP-literal");
    }
    if (open == 0) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw new Bad("missing ']' in host");
      }
      String colonPort = host.substring(close + 1);
      if (!validOptionalPort(colonPort)) {
        throw new Bad("invalid port " + GoQuote.quote(colonPort) + " after host");
      }
      String hostname = host.substring(1, close);
      int zone = hostname.indexOf("%25");
      String unescaped = zone < 0 ? unescape(hostname, Mode.HOST)
          : unescape(hostname.substring(0, zone), Mode.HOST) + unescape(hostname.substring(zone), Mode.ZONE);
      String err = NetipAddr.parseError(unescaped);
      if (err != null) {
        throw new Bad("invalid host: " + err);
      }
      if (NetipAddr.isIpv4(unescaped)) {
        throw new Bad("invalid IP-literal");
      }
      return;
    }
    int i = host.indexOf(':');
    if (i >= 0) {
      // Go 1.26 (urlstrictcolons): http and https hosts take their port from the first colon, others the last
      if (!scheme.equals("http") && !scheme.equals("https")) {
        i = host.lastIndexOf(':');
      }
      String colonPort = host.substring(i);
      if (!validOptionalPort(colonPort)) {
        throw new Bad("invalid port " + GoQuote.quote(colonPort) + " after host");
      }
    }
    unescape(host, Mode.HOST);
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private enum Mode { PATH, USER, HOST, ZONE }

  /** net/url's unescape: checks the %XX escapes (and a host's characters); returns the unescaped bytes. */
  private static String unescape(String s, Mode mode) throws Bad {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
          throw new Bad("invalid URL escape " + GoQuote.quote(s.substring(i, Math.min(i + 3, s.length()))));
        }
        String esc = s.substring(i, i + 3);
        int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
        if (mode == Mode.HOST && v < 0x80 && !esc.equals("%25")) {
          throw new Bad("invalid URL escape " + GoQuote.quote(esc));
        }
        if (mode == Mode.ZONE && !esc.equals("%25") && v != ' ' && !hostByte(v)) {
          throw new Bad("invalid URL escape " + GoQuote.quote(esc));
        }
        out.append((char) v);
        i += 3;
      } else {
        if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && !hostByte(c)) {
          throw new Bad("invalid character " + GoQuote.quote(String.valueOf(c)) + " in host name");
        }
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean hostByte(int c) {
    return c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || HOST_PUNCT.indexOf(c) >= 0);
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
