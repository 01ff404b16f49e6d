package io.todo.validator.admission;

/**
 * cel-go's strings extension {@code indexOf} and {@code lastIndexOf} (on code points), which
 * Kubernetes uses and cel-java's differ from: an offset past the end gives -1 rather than an error
 * ({@code ''.indexOf('l')} fails in cel-java), and an empty substring gives the offset as it is.
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
}
