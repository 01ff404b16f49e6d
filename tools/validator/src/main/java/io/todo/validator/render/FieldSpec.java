package io.todo.validator.render;

import java.util.Objects;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.SourceMap;
import java.util.ArrayList;
import java.util.List;

/**
 * A field path with a GVK filter, as in kustomize's transformer configurations: {@code
 * spec/template/spec/containers[]/image}, optionally created when missing.
 */
record FieldSpec(String group, String version, String kind, String path, boolean create) {

  // equals/hashCode written out: a record's generated ones bootstrap through invokedynamic
  // (ObjectMethods), which spins method-handle classes on a cold start's critical path
  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSpec f && create == f.create && Objects.equals(group, f.group)
        && Objects.equals(version, f.version)
        && Objects.equals(kind, f.kind)
        && Objects.equals(path, f.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, version, kind, path, create);
  }

  /** What to create when a field on the path is missing. */
  enum Create { NONE, SCALAR, MAP }

  /** A place in a tree: the value there (null when missing) and a way to set it. */
  interface Slot {
    JsonNode get();

    void set(JsonNode value);

    /** JSON pointer of the slot. */
    String pointer();
  }

  interface Setter {
    void apply(Slot slot);
  }

  static FieldSpec of(String kind, String path, boolean create) {
    return new FieldSpec("", "", kind, path, create);
  }

  static FieldSpec of(String group, String version, String kind, String path, boolean create) {
    return new FieldSpec(group, version, kind, path, create);
  }

  /** fieldspec.isMatchGVK, on the object's current kind and apiVersion. */
  boolean appliesTo(JsonNode obj) {
    String k = Res.text(obj.get("kind"));
    ResId id = ResId.of(Res.text(obj.get("apiVersion")), k, "", "");
    return (kind.isEmpty() || kind.equals(id.kind()))
        && (group.isEmpty() || group.equals(id.group()))
        && (version.isEmpty() || version.equals(id.version()));
  }

  /** Runs the setter on every node the path reaches (through every sequence element). */
  void apply(ObjectNode obj, Create create, Setter setter) {
    if (!appliesTo(obj)) {
      return;
    }
    walk(obj, "", split(path), 0, create, setter);
  }

  private void walk(JsonNode node, String ptr, List<String> parts, int i, Create create, Setter setter) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isArray()) {
      for (int j = 0; j < node.size(); j++) {
        walk(node.get(j), ptr + "/" + j, parts, i, create, setter);
      }
      return;
    }
    if (!node.isObject()) {
      throw new RenderException("expected sequence or mapping node at " + path);
    }
    ObjectNode map = (ObjectNode) node;
    String part = parts.get(i);
    boolean isSeq = part.endsWith("[]");
    String name = isSeq ? part.substring(0, part.length() - 2) : part;
    boolean last = i == parts.size() - 1;
    String childPtr = ptr + "/" + SourceMap.escape(name);
    JsonNode child = map.get(name);
    boolean mayCreate = this.create && create != Create.NONE && !isSeq;
    if (child == null && mayCreate && !last) {
      child = map.putObject(name);
    }
    if (child != null && child.isNull()) {
      if (isSeq) {
        child = map.putArray(name);
      } else if (mayCreate && !last) {
        child = map.putObject(name);
      } else if (mayCreate && create == Create.MAP) {
        child = map.putObject(name);
      }
    }
    if (last) {
      if (child == null && !mayCreate) {
        return;
      }
      if (child == null && create == Create.MAP) {
        child = map.putObject(name);
      }
      if (isSeq && child != null && child.isArray()) {
        ArrayNode arr = (ArrayNode) child;
        for (int j = 0; j < arr.size(); j++) {
          setter.apply(arraySlot(arr, j, childPtr + "/" + j));
        }
        return;
      }
      setter.apply(mapSlot(map, name, childPtr));
      return;
    }
    walk(child, childPtr, parts, i + 1, create, setter);
  }

  static Slot mapSlot(ObjectNode map, String name, String pointer) {
    return new Slot() {
      public JsonNode get() {
        return map.get(name);
      }

      public void set(JsonNode value) {
        SharedScalar.set(map, name, value);
      }

      public String pointer() {
        return pointer;
      }
    };
  }

  static Slot arraySlot(ArrayNode arr, int index, String pointer) {
    return new Slot() {
      public JsonNode get() {
        return arr.get(index);
      }

      public void set(JsonNode value) {
        arr.set(index, value);
      }

      public String pointer() {
        return pointer;
      }
    };
  }

  /** Splits on '/', keeping "\/" as a literal slash inside a segment. */
  static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '/') {
        cur.append('/');
        i++;
      } else if (c == '[') {
        depth++;
        cur.append(c);
      } else if (c == ']') {
        depth--;
        cur.append(c);
      } else if (c == '/' && depth == 0) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  static JsonNode text(String s) {
    return JsonNodeFactory.instance.textNode(s);
  }
}
