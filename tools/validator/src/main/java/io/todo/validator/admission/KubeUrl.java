package io.todo.validator.admission;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Kubernetes CEL URL value: an absolute URI or an absolute path (Go's url.ParseRequestURI). */
final class KubeUrl {
  private final URI uri;
  private final String text;

  private KubeUrl(URI uri, String text) {
    this.uri = uri;
    this.text = text;
  }

  static KubeUrl parseOrNull(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      URI u = new URI(s);
      if (u.isAbsolute() ? u.isOpaque() && !u.getRawSchemeSpecificPart().startsWith("/") : !s.startsWith("/")) {
        return u.isAbsolute() ? new KubeUrl(u, s) : null;
      }
      return new KubeUrl(u, s);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  static KubeUrl parse(String s) {
    KubeUrl u = parseOrNull(s);
    if (u == null) {
      throw new IllegalArgumentException("URL parse error during conversion from string: " + s);
    }
    return u;
  }

  String scheme() {
    return uri.getScheme() == null ? "" : uri.getScheme();
  }

  String host() {
    String a = uri.getRawAuthority();
    if (a == null) {
      return "";
    }
    int at = a.lastIndexOf('@');
    return at < 0 ? a : a.substring(at + 1);
  }

  String hostname() {
    String h = host();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(1, end);
    }
    int colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  String port() {
    String h = host();
    int close = h.lastIndexOf(']');
    int colon = h.lastIndexOf(':');
    return colon > close ? h.substring(colon + 1) : "";
  }

  String escapedPath() {
    return uri.getRawPath() == null ? "" : uri.getRawPath();
  }

  Map<String, List<String>> query() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    String q = uri.getRawQuery();
    if (q == null || q.isEmpty()) {
      return m;
    }
    for (String pair : q.split("[&;]")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return m;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KubeUrl u && u.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
