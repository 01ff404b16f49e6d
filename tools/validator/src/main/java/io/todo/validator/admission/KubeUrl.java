package io.todo.validator.admission;

import static io.todo.validator.admission.GoUrlEscaping.FRAGMENT;
import static io.todo.validator.admission.GoUrlEscaping.PATH;
import static io.todo.validator.admission.GoUrlEscaping.QUERY_COMPONENT;
import static io.todo.validator.admission.GoUrlEscaping.USER_PASSWORD;
import static io.todo.validator.admission.GoUrlEscaping.escape;
import static io.todo.validator.admission.GoUrlEscaping.textOf;
import static io.todo.validator.admission.GoUrlEscaping.unescape;

import io.todo.validator.admission.GoUrlEscaping.UrlError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kubernetes CEL URL value: Go's url.URL as url.Parse builds it, for a string that
 * url.ParseRequestURI also accepts (an absolute URI or an absolute path), which is all isURL asks.
 * Fields are byte strings (see {@link GoUrlEscaping}); accessors return text.
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

  /** The request-URI parse of s (what isURL and the uri format check), or null when Go refuses it. */
  static KubeUrl parseOrNull(String s) {
    try {
      return parse(GoUrlEscaping.bytesOf(s), true);
    } catch (UrlError e) {
      return null;
    }
  }

  /** url(s): both url.ParseRequestURI and url.Parse must accept s; the value is Parse's. */
  static KubeUrl parse(String s) {
    String b = GoUrlEscaping.bytesOf(s);
    try {
      parse(b, true);
      int hash = b.indexOf('#');
      KubeUrl u = parse(hash < 0 ? b : b.substring(0, hash), false);
      if (hash >= 0 && hash + 1 < b.length()) {
        u.fragment = unescape(b.substring(hash + 1), FRAGMENT);
        u.rawFragment = escape(u.fragment, FRAGMENT).equals(b.substring(hash + 1)) ? "" : b.substring(hash + 1);
      }
      return u;
    } catch (UrlError e) {
      throw new IllegalArgumentException("URL parse error during conversion from string: parse \"" + s + "\": " + e.getMessage());
    }
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
    host = GoUrlHost.parse(scheme, authority.substring(at + 1));
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

  String scheme() {
    return textOf(scheme);
  }

  /** Go's URL.Host: unescaped, so a %25 zone reads as %. */
  String host() {
    return textOf(host);
  }

  String hostname() {
    return textOf(GoUrlHost.hostname(host));
  }

  String port() {
    return textOf(GoUrlHost.port(host));
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
        sb.append(escape(host, GoUrlEscaping.HOST));
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
