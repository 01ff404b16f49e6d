package io.todo.validator.admission.cel;

/**
 * cel-go's strings extension {@code indexOf} and {@code lastIndexOf} (on code points), which
 * Kubernetes uses and cel-java's differ from: an offset past the end gives -1 rather than an error
 * ({@code ''.indexOf('l')} fails in cel-java), and an empty substring gives the offset as it is.
 * Also {@code split} as Go's strings.SplitN: cel-java mishandles a negative limit (all parts).
 */
final class GoStrings {
  private GoStrings() {}

  static long indexOf(String s, String sub) {
    return indexOf(s, sub, 0);
  }

  static long indexOf(String s, String sub, long offset) {
    return search(s, sub, offset, false);
  }

  static long lastIndexOf(String s, String sub) {
    int runes = s.codePointCount(0, s.length());
    if (sub.isEmpty()) {
      return runes;
    }
    if (utf8Length(s) < utf8Length(sub)) {
      return -1;
    }
    return lastIndexOf(s, sub, runes - 1L);
  }

  static long lastIndexOf(String s, String sub, long offset) {
    return search(s, sub, offset, true);
  }

  /** Both directions share cel-go's checks; the last index starts at most where sub still fits. */
  private static long search(String s, String sub, long offset, boolean last) {
    if (sub.isEmpty()) {
      return offset;
    }
    int[] runes = s.codePoints().toArray();
    int[] subs = sub.codePoints().toArray();
    if (offset < 0) {
      throw new IllegalArgumentException("index out of range: " + offset);
    }
    if (offset >= runes.length) {
      return -1;
    }
    if (last) {
      for (int i = (int) Math.min(offset, runes.length - subs.length); i >= 0; i--) {
        if (matchesAt(runes, subs, i)) {
          return i;
        }
      }
    } else {
      for (int i = (int) offset; i < runes.length - (subs.length - 1); i++) {
        if (matchesAt(runes, subs, i)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean matchesAt(int[] runes, int[] subs, int i) {
    for (int j = 0; j < subs.length; j++) {
      if (runes[i + j] != subs[j]) {
        return false;
      }
    }
    return true;
  }

  private static int utf8Length(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  static java.util.List<String> split(String s, String sep) {
    return split(s, sep, -1);
  }

  /** Go's strings.SplitN: n == 0 none, n < 0 all, else at most n parts (the last one the rest). */
  static java.util.List<String> split(String s, String sep, long limit) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (limit == 0) {
      return out;
    }
    if (sep.isEmpty()) {
      // explode into code points; at most n parts, the last one the rest
      int runes = s.codePointCount(0, s.length());
      long n = limit < 0 || limit > runes ? runes : limit;
      int at = 0;
      for (long i = 0; i < n - 1; i++) {
        int next = s.offsetByCodePoints(at, 1);
        out.add(s.substring(at, next));
        at = next;
      }
      if (n > 0) {
        out.add(s.substring(at));
      }
      return out;
    }
    int at = 0;
    while (limit < 0 || out.size() < limit - 1) {
      int m = s.indexOf(sep, at);
      if (m < 0) {
        break;
      }
      out.add(s.substring(at, m));
      at = m + sep.length();
    }
    out.add(s.substring(at));
    return out;
  }
}
