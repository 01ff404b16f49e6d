package io.todo.validator.admission;

import static io.todo.validator.admission.GoUrlEscaping.HOST;
import static io.todo.validator.admission.GoUrlEscaping.ZONE;
import static io.todo.validator.admission.GoUrlEscaping.unescape;

import io.todo.validator.admission.GoUrlEscaping.UrlError;

/**
 * The host[:port] of a URL authority as Go's net/url (Go 1.26) checks and splits it: an IPv6
 * literal in brackets with an optional %25 zone, or a reg-name with a numeric port. Byte strings,
 * as in {@link GoUrlEscaping}.
 */
final class GoUrlHost {
  private GoUrlHost() {}

  /** Go's parseHost: the unescaped host[:port], or the error that makes the URL invalid. */
  static String parse(String scheme, String host) throws UrlError {
    int open = host.lastIndexOf('[');
    if (open > 0) {
      throw new UrlError("invalid IP-literal");
    }
    if (open == 0) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw new UrlError("missing ']' in host");
      }
      String colonPort = host.substring(close + 1);
      if (!validOptionalPort(colonPort)) {
        throw new UrlError("invalid port \"" + GoUrlEscaping.textOf(colonPort) + "\" after host");
      }
      String name = host.substring(1, close);
      // %25 starts an RFC 6874 zone, which may escape more than the address may
      int zone = name.indexOf("%25");
      String unescaped = zone < 0
          ? unescape(name, HOST)
          : unescape(name.substring(0, zone), HOST) + unescape(name.substring(zone), ZONE);
      checkIpv6(unescaped);
      return "[" + unescaped + "]" + colonPort;
    }
    int colon = host.indexOf(':');
    if (colon >= 0) {
      // Go 1.26 (urlstrictcolons) allows more colons, as in a list of database hosts, but not in http(s)
      if (!scheme.equals("http") && !scheme.equals("https")) {
        colon = host.lastIndexOf(':');
      }
      String colonPort = host.substring(colon);
      if (!validOptionalPort(colonPort)) {
        throw new UrlError("invalid port \"" + GoUrlEscaping.textOf(colonPort) + "\" after host");
      }
    }
    return unescape(host, HOST);
  }

  /** Empty, or a colon followed by digits only (any number of them, even none). */
  static boolean validOptionalPort(String port) {
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

  /** Go's URL.Hostname(): host without a valid :port and without the brackets of an IP literal. */
  static String hostname(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    String host = colon >= 0 && validOptionalPort(hostPort.substring(colon)) ? hostPort.substring(0, colon) : hostPort;
    return host.length() >= 2 && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** Go's URL.Port(): the digits after the last colon, when only digits follow it. */
  static String port(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return colon >= 0 && validOptionalPort(hostPort.substring(colon)) ? hostPort.substring(colon + 1) : "";
  }

  /**
   * What netip.ParseAddr accepts inside brackets: an IPv6 address (IPv4-mapped and embedded IPv4
   * included) with an optional non-empty zone; an IPv4 address is refused there.
   */
  private static void checkIpv6(String s) throws UrlError {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        if (!ipv6(s)) {
          throw new UrlError("invalid host: ParseAddr(\"" + GoUrlEscaping.textOf(s) + "\")");
        }
        return;
      }
      if (c == '.' || c == '%') {
        break;
      }
    }
    throw new UrlError("invalid IP-literal");
  }

  private static boolean ipv6(String in) {
    String s = in;
    int pct = s.indexOf('%');
    if (pct >= 0) {
      if (pct == s.length() - 1) {
        return false; // an explicit zone may not be empty
      }
      s = s.substring(0, pct);
    }
    int fields = 0; // 16-bit fields seen, 2 per embedded IPv4 half
    boolean ellipsis = false;
    int i = 0;
    if (s.startsWith("::")) {
      ellipsis = true;
      i = 2;
      if (i == s.length()) {
        return true;
      }
    }
    while (fields < 8) {
      int start = i;
      while (i < s.length() && GoUrlEscaping.isHex(s.charAt(i))) {
        i++;
        if (i - start > 4) {
          return false;
        }
      }
      if (i == start) {
        return false;
      }
      if (i < s.length() && s.charAt(i) == '.') {
        // trailing IPv4 in the last two fields
        if (!ellipsis && fields != 6 || fields + 2 > 8 || !ipv4(s.substring(start))) {
          return false;
        }
        fields += 2;
        i = s.length();
        break;
      }
      fields++;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':' || i + 1 == s.length()) {
        return false;
      }
      i++;
      if (s.charAt(i) == ':') {
        if (ellipsis) {
          return false;
        }
        ellipsis = true;
        i++;
        if (i == s.length()) {
          break;
        }
      }
    }
    if (i != s.length()) {
      return false;
    }
    // without ::, exactly 8 fields; with it, :: must stand for at least one
    return ellipsis ? fields < 8 : fields == 8;
  }

  /** Dotted decimal, four octets up to 255, no leading zeros. */
  private static boolean ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 1 && p.charAt(0) == '0' || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
