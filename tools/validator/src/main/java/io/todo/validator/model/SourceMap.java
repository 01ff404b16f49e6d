package io.todo.validator.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each node of a document came from, keyed by JSON pointer ({@code /spec/replicas}). A
 * transformer that sets a field records the location of the source that set it, so findings point
 * at the file the user must edit rather than at the rendered stream.
 *
 * <p>Held as a tree of pointer segments, not a map of whole pointers: the loader records every node
 * of every document, and a 50,000-document stream kept a million pointer strings and location
 * objects alive, which the garbage collector copied again and again. A slot shares its segment with
 * the document's own field name and packs its position into two ints.
 */
public final class SourceMap {
  private Slot root = new Slot(null);

  public void put(String pointer, Location location) {
    path(pointer, true).set(location);
  }

  /** The exact location of a pointer, or null. */
  public Location get(String pointer) {
    Slot s = path(pointer, false);
    return s == null ? null : s.location();
  }

  /** The location of the pointer or of its nearest recorded ancestor (the document at worst). */
  public Location locate(String pointer) {
    String p = pointer == null ? "" : pointer;
    Slot s = root;
    Location found = s.location();
    int from = start(p);
    while (from >= 0) {
      int slash = p.indexOf('/', from);
      int to = slash < 0 ? p.length() : slash;
      s = s.find(p, from, to);
      if (s == null) {
        break;
      }
      if (s.file != null) {
        found = s.location();
      }
      from = slash < 0 ? -1 : slash + 1;
    }
    return found;
  }

  /** Records every entry of {@code other} under {@code prefix} (a pointer into this document). */
  public void putAll(String prefix, SourceMap other) {
    path(prefix, true).merge(other.root);
  }

  /** The entries at and below {@code prefix}, re-rooted there (a List item's own map). */
  public SourceMap under(String prefix) {
    SourceMap out = new SourceMap();
    Slot s = path(prefix, false);
    if (s != null) {
      out.root = s.copy();
    }
    return out;
  }

  /** Replaces every entry by those of {@code other}. */
  public void setAll(SourceMap other) {
    root = other.root.copy();
  }

  /** Every recorded pointer and its location, parents before their children. */
  public Map<String, Location> entries() {
    Map<String, Location> out = new LinkedHashMap<>();
    root.collect("", out);
    return Collections.unmodifiableMap(out);
  }

  public SourceMap copy() {
    SourceMap out = new SourceMap();
    out.root = root.copy();
    return out;
  }

  /** The slot of the document itself, for a loader that records nodes as it walks them. */
  public Cursor cursor() {
    return new Cursor(root);
  }

  /** A position in the map; {@link #child} descends without building pointer strings. */
  public static final class Cursor {
    private final Slot slot;

    private Cursor(Slot slot) {
      this.slot = slot;
    }

    /** The child at an escaped pointer segment, created if missing. */
    public Cursor child(String segment) {
      return new Cursor(slot.child(segment));
    }

    /** The line recorded here, 0 if none. */
    public int line() {
      return slot.file == null ? 0 : slot.line;
    }

    public void set(String file, int line, int column) {
      slot.file = file;
      slot.line = line;
      slot.column = column;
    }
  }

  /** Escapes one pointer segment (RFC 6901). */
  public static String escape(String segment) {
    if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
      return segment;
    }
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /** Where the first segment of a pointer starts, or -1 for the document itself. */
  private static int start(String pointer) {
    if (pointer.isEmpty()) {
      return -1;
    }
    // pointers start with '/'; a bare "a" is read as "/a" rather than dropped
    return pointer.charAt(0) == '/' ? 1 : 0;
  }

  private Slot path(String pointer, boolean create) {
    String p = pointer == null ? "" : pointer;
    Slot s = root;
    int from = start(p);
    while (from >= 0) {
      int slash = p.indexOf('/', from);
      int to = slash < 0 ? p.length() : slash;
      Slot next = s.find(p, from, to);
      if (next == null) {
        if (!create) {
          return null;
        }
        next = s.add(p.substring(from, to));
      }
      s = next;
      from = slash < 0 ? -1 : slash + 1;
    }
    return s;
  }

  /** One pointer segment: its location (if recorded) and its children, in insertion order. */
  private static final class Slot {
    /** Children are searched in order until there are this many; then through a hash index. */
    private static final int INDEXED = 12;

    final String segment;
    String file; // null: nothing recorded here
    int line;
    int column;
    Slot[] children;
    int size;
    HashMap<String, Slot> index;

    Slot(String segment) {
      this.segment = segment;
    }

    Location location() {
      return file == null ? null : new Location(file, line, column);
    }

    void set(Location l) {
      if (l == null) {
        file = null; // as a map with a null value: nothing recorded here
        return;
      }
      file = l.file();
      line = l.line();
      column = l.column();
    }

    Slot find(String p, int from, int to) {
      if (index != null) {
        return index.get(p.substring(from, to));
      }
      int len = to - from;
      for (int i = 0; i < size; i++) {
        String k = children[i].segment;
        if (k.length() == len && p.startsWith(k, from)) {
          return children[i];
        }
      }
      return null;
    }

    Slot child(String segment) {
      Slot s = find(segment, 0, segment.length());
      return s != null ? s : add(segment);
    }

    Slot add(String segment) {
      Slot s = new Slot(segment);
      if (children == null) {
        children = new Slot[4];
      } else if (size == children.length) {
        children = Arrays.copyOf(children, size * 2);
      }
      children[size++] = s;
      if (index != null) {
        index.put(segment, s);
      } else if (size > INDEXED) {
        index = new HashMap<>();
        for (int i = 0; i < size; i++) {
          index.put(children[i].segment, children[i]);
        }
      }
      return s;
    }

    /** Records {@code other}'s locations here, over this slot's where both have one. */
    void merge(Slot other) {
      if (other.file != null) {
        file = other.file;
        line = other.line;
        column = other.column;
      }
      for (int i = 0; i < other.size; i++) {
        child(other.children[i].segment).merge(other.children[i]);
      }
    }

    /** A deep copy, as a root. */
    Slot copy() {
      Slot s = new Slot(null);
      s.copyFrom(this);
      return s;
    }

    private void copyFrom(Slot from) {
      file = from.file;
      line = from.line;
      column = from.column;
      for (int i = 0; i < from.size; i++) {
        add(from.children[i].segment).copyFrom(from.children[i]);
      }
    }

    void collect(String pointer, Map<String, Location> out) {
      if (file != null) {
        out.put(pointer, location());
      }
      for (int i = 0; i < size; i++) {
        children[i].collect(pointer + "/" + children[i].segment, out);
      }
    }
  }
}
