package io.todo.validator.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a document came from, keyed by JSON pointer ({@code /spec/replicas}). A
 * transformer that sets a field records the location of the source that set it, so findings point
 * at the file the user must edit rather than at the rendered stream.
 */
public final class SourceMap {
  private final Map<String, Location> byPointer;

  public SourceMap() {
    this.byPointer = new HashMap<>();
  }

  private SourceMap(Map<String, Location> byPointer) {
    this.byPointer = byPointer;
  }

  public void put(String pointer, Location location) {
    byPointer.put(pointer, location);
  }

  /** The exact location of a pointer, or null. */
  public Location get(String pointer) {
    return byPointer.get(pointer);
  }

  /** The location of the pointer or of its nearest recorded ancestor (the document at worst). */
  public Location locate(String pointer) {
    String p = pointer == null ? "" : pointer;
    while (true) {
      Location l = byPointer.get(p);
      if (l != null || p.isEmpty()) {
        return l;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** Records every entry of {@code other} under {@code prefix} (a pointer into this document). */
  public void putAll(String prefix, SourceMap other) {
    for (Map.Entry<String, Location> e : other.byPointer.entrySet()) {
      byPointer.put(prefix + e.getKey(), e.getValue());
    }
  }

  /** The entries at and below {@code prefix}, re-rooted there (a List item's own map). */
  public SourceMap under(String prefix) {
    SourceMap out = new SourceMap();
    for (Map.Entry<String, Location> e : byPointer.entrySet()) {
      String k = e.getKey();
      if (k.equals(prefix) || k.startsWith(prefix + "/")) {
        out.put(k.substring(prefix.length()), e.getValue());
      }
    }
    return out;
  }

  /** Replaces every entry by those of {@code other}. */
  public void setAll(SourceMap other) {
    byPointer.clear();
    byPointer.putAll(other.byPointer);
  }

  public Map<String, Location> entries() {
    return java.util.Collections.unmodifiableMap(byPointer);
  }

  public SourceMap copy() {
    return new SourceMap(new HashMap<>(byPointer));
  }

  /** Escapes one pointer segment (RFC 6901). */
  public static String escape(String segment) {
    if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
      return segment;
    }
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
