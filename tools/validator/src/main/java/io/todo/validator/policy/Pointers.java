package io.todo.validator.policy;

/** JSON pointer helpers: building pointers and printing them as field paths. */
final class Pointers {
  private Pointers() {}

  static String join(String base, Object... segments) {
    StringBuilder sb = new StringBuilder(base);
    for (Object s : segments) {
      sb.append('/').append(io.todo.validator.model.SourceMap.escape(String.valueOf(s)));
    }
    return sb.toString();
  }

  /** {@code /spec/containers/0/image} → {@code spec.containers[0].image}. */
  static String toField(String pointer) {
    if (pointer == null || pointer.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (String seg : pointer.substring(1).split("/", -1)) {
      String s = seg.replace("~1", "/").replace("~0", "~");
      if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(s).append(']');
      } else if (s.contains(".") || s.contains("/")) {
        sb.append('[').append(s).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(s);
      }
    }
    return sb.toString();
  }
}
