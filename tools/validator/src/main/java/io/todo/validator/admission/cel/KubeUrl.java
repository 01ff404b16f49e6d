package io.todo.validator.admission.cel;

import static io.todo.validator.admission.cel.GoUrlEscaping.FRAGMENT;
import static io.todo.validator.admission.cel.GoUrlEscaping.HOST;
import static io.todo.validator.admission.cel.GoUrlEscaping.PATH;
import static io.todo.validator.admission.cel.GoUrlEscaping.QUERY_COMPONENT;
import static io.todo.validator.admission.cel.GoUrlEscaping.USER_PASSWORD;
import static io.todo.validator.admission.cel.GoUrlEscaping.ZONE;
import static io.todo.validator.admission.cel.GoUrlEscaping.escape;
import static io.todo.validator.admission.cel.GoUrlEscaping.unescape;
import static io.todo.validator.model.GoText.textOf;

import io.todo.validator.admission.cel.GoUrlEscaping.UrlError;
import io.todo.validator.model.GoText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Go's net/url (Go 1.26) as Kubernetes uses it, the one port behind isURL, url() and format.uri():
 * url.ParseRequestURI (an absolute URI or an absolute path, no #fragment split) with Go's error text,
 * and the CEL URL value, Go's url.URL as url.Parse builds it. Fields are byte strings ({@link
 * GoText#bytesOf}), as Go indexes strings by byte; accessors return text.
 */
final class KubeUrl {
  /** Go's default urlmaxqueryparams: a query with more parameters decodes to nothing. */
  private static final int MAX_QUERY_PARAMS = 10000;

  private String scheme = "";
  private String opaque = "";
  private String username;
  private String password;
  private String host = "";
  private String path = "";
  private String rawPath = "";
  private String rawQuery = "";
  private String fragment = "";
  private String rawFragment = "";
  private boolean forceQuery;
  private boolean omitHost;

  private KubeUrl() {}

  /**
   * The error url.ParseRequestURI returns for s as %v prints it, e.g. {@code parse "-ab": invalid URI
   * for request}, or null when it accepts s: isURL and format.uri() both ask this.
   */
  static String requestUriError(String s) {
    String b = GoText.bytesOf(s);
    try {
      parse(b, true);
      return null;
    } catch (UrlError e) {
      return goError(b, e);
    }
  }

  /** url(s): Kubernetes checks s with url.ParseRequestURI, then takes url.Parse's value, which splits off the #fragment. */
  static KubeUrl parse(String s) {
    String b = GoText.bytesOf(s);
    String named = b; // the URL Go's error names: Parse names the part before '#' unless the fragment is at fault
    try {
      parse(b, true);
      int hash = b.indexOf('#');
      named = hash < 0 ? b : b.substring(0, hash);
      KubeUrl u = parse(named, false);
      if (hash >= 0 && hash + 1 < b.length()) {
        named = b;
        u.fragment = unescape(b.substring(hash + 1), FRAGMENT);
        u.rawFragment = escape(u.fragment, FRAGMENT).equals(b.substring(hash + 1)) ? "" : b.substring(hash + 1);
      }
      return u;
    } catch (UrlError e) {
      throw new IllegalArgumentException("URL parse error during conversion from string: " + goError(named, e));
    }
  }

  /** Go's url.Error text: {@code parse "<url>": <why>}. */
  private static String goError(String url, UrlError e) {
    return "parse " + GoText.quoteBytes(url) + ": " + e.getMessage();
  }

  /** Go's parse: viaRequest admits only an absolute URI or an absolute path, and no fragment split. */
  private static KubeUrl parse(String raw, boolean viaRequest) throws UrlError {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) < ' ' || raw.charAt(i) == 0x7f) {
        throw new UrlError("net/url: invalid control character in URL");
      }
    }
    if (raw.isEmpty() && viaRequest) {
      throw new UrlError("empty url");
    }
    KubeUrl u = new KubeUrl();
    if (raw.equals("*")) {
      u.path = "*";
      return u;
    }
    String rest = raw;
    int colon = schemeEnd(raw);
    if (colon == 0) {
      throw new UrlError("missing protocol scheme");
    }
    if (colon > 0) {
      u.scheme = raw.substring(0, colon).toLowerCase(Locale.ROOT);
      rest = raw.substring(colon + 1);
    }
    int q = rest.indexOf('?');
    if (q >= 0 && q == rest.length() - 1) {
      u.forceQuery = true;
      rest = rest.substring(0, q);
    } else if (q >= 0) {
      u.rawQuery = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    if (!rest.startsWith("/")) {
      if (!u.scheme.isEmpty()) {
        u.opaque = rest; // a rootless path is opaque, unchecked
        return u;
      }
      if (viaRequest) {
        throw new UrlError("invalid URI for request");
      }
      int slash = rest.indexOf('/');
      if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
        throw new UrlError("first path segment in URL cannot contain colon");
      }
    }
    if ((!u.scheme.isEmpty() || !viaRequest && !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      rest = slash < 0 ? "" : authority.substring(slash);
      u.parseAuthority(slash < 0 ? authority : authority.substring(0, slash));
    } else if (!u.scheme.isEmpty() && rest.startsWith("/")) {
      u.omitHost = true;
    }
    u.path = unescape(rest, PATH);
    u.rawPath = escape(u.path, PATH).equals(rest) ? "" : rest;
    return u;
  }

  /** The index of the colon ending a scheme ([a-zA-Z][a-zA-Z0-9+.-]*), 0 for a leading colon, else -1. */
  private static int schemeEnd(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        continue;
      }
      if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private void parseAuthority(String authority) throws UrlError {
    int at = authority.lastIndexOf('@');
    host = parseHost(scheme, authority.substring(at + 1));
    if (at < 0) {
      return;
    }
    String userinfo = authority.substring(0, at);
    for (int i = 0; i < userinfo.length(); i++) {
      char c = userinfo.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
      if (!ok) {
        throw new UrlError("net/url: invalid userinfo");
      }
    }
    int colon = userinfo.indexOf(':');
    username = unescape(colon < 0 ? userinfo : userinfo.substring(0, colon), USER_PASSWORD);
    password = colon < 0 ? null : unescape(userinfo.substring(colon + 1), USER_PASSWORD);
  }

  /** Go's parseHost: the unescaped host[:port], or the error that makes the URL invalid. */
  private static String parseHost(String scheme, String host) throws UrlError {
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
        throw new UrlError("invalid port " + GoText.quoteBytes(colonPort) + " after host");
      }
      String name = host.substring(1, close);
      // %25 starts an RFC 6874 zone, which may escape more than the address may
      int zone = name.indexOf("%25");
      String unescaped = zone < 0
          ? unescape(name, HOST)
          : unescape(name.substring(0, zone), HOST) + unescape(name.substring(zone), ZONE);
      // only an IPv6 address (IPv4-mapped included) may stand in brackets, as netip parses it
      NetipAddr.Parsed address = NetipAddr.parse(unescaped);
      if (address.error() != null) {
        throw new UrlError("invalid host: " + address.error());
      }
      if (address.bytes().length == 4) {
        throw new UrlError("invalid IP-literal");
      }
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
        throw new UrlError("invalid port " + GoText.quoteBytes(colonPort) + " after host");
      }
    }
    return unescape(host, HOST);
  }

  /** Empty, or a colon followed by digits only (any number of them, even none). */
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

  String scheme() {
    return textOf(scheme);
  }

  /** Go's URL.Host: unescaped, so a %25 zone reads as %. */
  String host() {
    return textOf(host);
  }

  /** Go's URL.Hostname(): host without a valid :port and without the brackets of an IP literal. */
  String hostname() {
    int colon = host.lastIndexOf(':');
    String name = colon >= 0 && validOptionalPort(host.substring(colon)) ? host.substring(0, colon) : host;
    if (name.length() >= 2 && name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return textOf(name);
  }

  /** Go's URL.Port(): the digits after the last colon, when only digits follow it. */
  String port() {
    int colon = host.lastIndexOf(':');
    return colon >= 0 && validOptionalPort(host.substring(colon)) ? textOf(host.substring(colon + 1)) : "";
  }

  /** Go's EscapedPath: the path as written when that is a valid encoding, else Go's own encoding of it. */
  String escapedPath() {
    return textOf(escapedPathBytes());
  }

  private String escapedPathBytes() {
    if (!rawPath.isEmpty() && GoUrlEscaping.validEncoded(rawPath, PATH)) {
      return rawPath; // always a valid escaping of path here: both came from the same text
    }
    return path.equals("*") ? "*" : escape(path, PATH);
  }

  /**
   * Go's url.ParseQuery: pairs split on &, a pair holding ; or a bad %-escape dropped, + read as a
   * space, a key without = set to "".
   */
  Map<String, List<String>> query() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    if (rawQuery.chars().filter(c -> c == '&').count() + 1 > MAX_QUERY_PARAMS) {
      return m;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty() || pair.contains(";")) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String k = unescape(eq < 0 ? pair : pair.substring(0, eq), QUERY_COMPONENT);
        String v = eq < 0 ? "" : unescape(pair.substring(eq + 1), QUERY_COMPONENT);
        m.computeIfAbsent(textOf(k), x -> new ArrayList<>()).add(textOf(v));
      } catch (UrlError e) {
        // Go's URL.Query() silently drops a malformed pair
      }
    }
    return m;
  }

  /** Go's URL.String(), which Kubernetes compares for ==. */
  private String goString() {
    StringBuilder sb = new StringBuilder();
    if (!scheme.isEmpty()) {
      sb.append(scheme).append(':');
    }
    if (!opaque.isEmpty()) {
      sb.append(opaque);
    } else {
      boolean user = username != null;
      if ((!scheme.isEmpty() || !host.isEmpty() || user) && !(omitHost && host.isEmpty() && !user)) {
        if (!host.isEmpty() || !path.isEmpty() || user) {
          sb.append("//");
        }
        if (user) {
          sb.append(escape(username, USER_PASSWORD));
          if (password != null) {
            sb.append(':').append(escape(password, USER_PASSWORD));
          }
          sb.append('@');
        }
        sb.append(escape(host, HOST));
      }
      String p = escapedPathBytes();
      if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
        sb.append('/');
      }
      if (sb.length() == 0) {
        int slash = p.indexOf('/');
        if ((slash < 0 ? p : p.substring(0, slash)).contains(":")) {
          sb.append("./");
        }
      }
      sb.append(p);
    }
    if (forceQuery || !rawQuery.isEmpty()) {
      sb.append('?').append(rawQuery);
    }
    if (!fragment.isEmpty()) {
      sb.append('#').append(escapedFragment());
    }
    return sb.toString();
  }

  private String escapedFragment() {
    if (!rawFragment.isEmpty() && GoUrlEscaping.validEncoded(rawFragment, FRAGMENT)) {
      return rawFragment;
    }
    return escape(fragment, FRAGMENT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KubeUrl u && u.goString().equals(goString());
  }

  @Override
  public int hashCode() {
    return goString().hashCode();
  }

  @Override
  public String toString() {
    return textOf(goString());
  }
}
