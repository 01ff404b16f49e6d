package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * RFC 6902 JSON patch as gopkg.in/evanphx/json-patch.v4 v4.13.0 (kustomize 5.8.1's) applies it,
 * with its error texts: pointers are split on "/" and the first segment is ignored, array indexes are
 * strconv.Atoi numbers (negative ones count from the end), {@code replace} of an absent object key
 * adds it, {@code copy} of an absent key copies null, a null in the document counts as absent.
 */
final class JsonPatch {
  private JsonPatch() {}

  private static final String MISSING = "missing value";
  private static final String INVALID_INDEX = "invalid index referenced";

  /** Applies the operations to a copy of the document and returns it (an array if the root was replaced by one). */
  static JsonNode apply(JsonNode doc, JsonNode ops) {
    JsonNode root = doc.deepCopy();
    for (JsonNode op : ops) {
      String kind = kind(op);
      switch (kind) {
        case "add" -> add(root, op);
        case "remove" -> remove(root, op);
        case "replace" -> root = replace(root, op);
        case "move" -> move(root, op);
        case "test" -> test(root, op);
        case "copy" -> copy(root, op);
        default -> throw new RenderException("Unexpected kind: " + kind);
      }
    }
    return root;
  }

  /** Operation.Kind: the "op" string, else "unknown". */
  private static String kind(JsonNode op) {
    JsonNode k = op == null ? null : op.get("op");
    return k != null && k.isTextual() ? k.asText() : "unknown";
  }

  /** Operation.Path / Operation.From: the string, or the error json.Unmarshal or the library gives. */
  private static String pointer(JsonNode op, String field, String missing) {
    JsonNode p = op.get(field);
    if (p == null || p.isNull()) {
      throw new RenderException(missing + ": " + MISSING);
    }
    if (!p.isTextual()) {
      String type = p.isNumber() ? "number" : p.isBoolean() ? "bool" : p.isArray() ? "array" : "object";
      throw new RenderException("json: cannot unmarshal " + type + " into Go value of type string");
    }
    return p.asText();
  }

  private static String path(JsonNode op) {
    return pointer(op, "path", "operation missing path field");
  }

  private static String from(JsonNode op) {
    return pointer(op, "from", "operation, missing from field");
  }

  /** The operation's path or from, as the library reports a bad one: "<op> operation failed to decode <field>". */
  private static String decode(JsonNode op, String field, String operation) {
    try {
      return field.equals("from") ? from(op) : path(op);
    } catch (RenderException e) {
      throw new RenderException(operation + " operation failed to decode " + field + ": " + e.getMessage());
    }
  }

  /** Operation.value: null when the operation has none (Go's nil node, which marshals as null). */
  private static JsonNode value(JsonNode op) {
    JsonNode v = op.get("value");
    return v == null ? null : v.deepCopy();
  }

  private static JsonNode orNull(JsonNode v) {
    return v == null ? NullNode.getInstance() : v;
  }

  /** A container (object or array) and the decoded last token of a pointer. */
  private record Target(JsonNode container, String key) {}

  /** findObject: null when a segment before the last is absent, null, a scalar or a bad index. */
  private static Target find(JsonNode root, String path) {
    String[] split = path.split("/", -1);
    if (split.length < 2) {
      return null;
    }
    JsonNode doc = root;
    for (int i = 1; i < split.length - 1; i++) {
      JsonNode next;
      try {
        next = get(doc, decode(split[i]));
      } catch (RenderException e) {
        return null;
      }
      if (next == null || !next.isContainerNode()) {
        return null;
      }
      doc = next;
    }
    return new Target(doc, decode(split[split.length - 1]));
  }

  /** RFC 6901: "~1" is "/", "~0" is "~", left to right (strings.NewReplacer). */
  private static String decode(String token) {
    if (token.indexOf('~') < 0) {
      return token;
    }
    StringBuilder sb = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~' && i + 1 < token.length() && (token.charAt(i + 1) == '1' || token.charAt(i + 1) == '0')) {
        sb.append(token.charAt(++i) == '1' ? '/' : '~');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String invalidIndex(long idx) {
    return "Unable to access invalid index: " + idx + ": " + INVALID_INDEX;
  }

  /** container.get: an object's member (null when absent or null); an array index must exist. */
  private static JsonNode get(JsonNode c, String key) {
    JsonNode v;
    if (c.isObject()) {
      v = c.get(key);
    } else {
      long idx = GoStrconv.atoi(key);
      int len = c.size();
      if (idx < 0) {
        if (idx < -len) {
          throw new RenderException(invalidIndex(idx));
        }
        idx += len;
      }
      if (idx >= len) {
        throw new RenderException(invalidIndex(idx));
      }
      v = c.get((int) idx);
    }
    return v == null || v.isNull() ? null : v;
  }

  /** container.add: objects set the member; arrays insert ("-" appends, -1 is the end). */
  private static void addTo(JsonNode c, String key, JsonNode val) {
    if (c.isObject()) {
      ((ObjectNode) c).set(key, orNull(val));
      return;
    }
    ArrayNode a = (ArrayNode) c;
    if (key.equals("-")) {
      a.add(orNull(val));
      return;
    }
    long idx;
    try {
      idx = GoStrconv.atoi(key);
    } catch (RenderException e) {
      throw new RenderException("value was not a proper array index: '" + key + "': " + e.getMessage());
    }
    a.insert(inRange(idx, a.size() + 1), orNull(val));
  }

  /** An index into {@code bound} places, counted from the end when negative, as the library allows. */
  private static int inRange(long idx, int bound) {
    if (idx >= bound || idx < -bound) {
      throw new RenderException(invalidIndex(idx));
    }
    return (int) (idx < 0 ? idx + bound : idx);
  }

  /** container.remove: an object's member must exist (null counts), an array index must be in range. */
  private static void removeFrom(JsonNode c, String key) {
    if (c.isObject()) {
      if (!c.has(key)) {
        throw new RenderException("Unable to remove nonexistent key: " + key + ": " + MISSING);
      }
      ((ObjectNode) c).remove(key);
      return;
    }
    ((ArrayNode) c).remove(inRange(GoStrconv.atoi(key), c.size()));
  }

  private static void add(JsonNode root, JsonNode op) {
    Located at = locate(root, op, "add");
    try {
      addTo(at.target().container(), at.target().key(), value(op));
    } catch (RenderException e) {
      throw new RenderException("error in add for path: '" + at.path() + "': " + e.getMessage());
    }
  }

  private static void remove(JsonNode root, JsonNode op) {
    Located at = locate(root, op, "remove");
    try {
      removeFrom(at.target().container(), at.target().key());
    } catch (RenderException e) {
      throw new RenderException("error in remove for path: '" + at.path() + "': " + e.getMessage());
    }
  }

  private record Located(String path, Target target) {}

  /** move's and copy's from and its parent. */
  private static Located source(JsonNode root, JsonNode op, String operation) {
    String from = decode(op, "from", operation);
    Target f = find(root, from);
    if (f == null) {
      throw new RenderException(operation + " operation does not apply: doc is missing from path: " + from + ": " + MISSING);
    }
    return new Located(from, f);
  }

  /** move's and copy's destination's parent. */
  private static Target destination(JsonNode root, String path, String operation) {
    Target t = find(root, path);
    if (t == null) {
      throw new RenderException(operation + " operation does not apply: doc is missing destination path: " + path + ": "
          + MISSING);
    }
    return t;
  }

  /**
   * add's and remove's path and its parent. Unlike the other operations, the library reports a bad
   * path here as a missing one, and quotes the path it cannot find.
   */
  private static Located locate(JsonNode root, JsonNode op, String operation) {
    String path;
    try {
      path = path(op);
    } catch (RenderException e) {
      throw new RenderException(operation + " operation failed to decode path: " + MISSING);
    }
    Target t = find(root, path);
    if (t == null) {
      throw new RenderException(operation + " operation does not apply: doc is missing path: \"" + path + "\": " + MISSING);
    }
    return new Located(path, t);
  }

  private static JsonNode replace(JsonNode root, JsonNode op) {
    String path = decode(op, "path", "replace");
    if (path.isEmpty()) {
      JsonNode v = value(op);
      if (v == null) {
        // the library dereferences the missing value: kustomize crashes
        throw new RenderException("replace operation of the whole document has no value");
      }
      if (!v.isContainerNode()) {
        throw new RenderException("replace operation value must be object or array: %!w(<nil>)");
      }
      return v;
    }
    Target t = find(root, path);
    if (t == null) {
      throw new RenderException("replace operation does not apply: doc is missing path: " + path + ": " + MISSING);
    }
    try {
      get(t.container(), t.key());
    } catch (RenderException e) {
      throw new RenderException("replace operation does not apply: doc is missing key: " + path + ": " + MISSING);
    }
    // the index exists (get succeeded), an object member is set whether it existed or not
    if (t.container().isObject()) {
      ((ObjectNode) t.container()).set(t.key(), orNull(value(op)));
    } else {
      int len = t.container().size();
      long idx = GoStrconv.atoi(t.key());
      ((ArrayNode) t.container()).set((int) (idx < 0 ? idx + len : idx), orNull(value(op)));
    }
    return root;
  }

  private static void move(JsonNode root, JsonNode op) {
    Target f = source(root, op, "move").target();
    JsonNode val;
    try {
      val = get(f.container(), f.key());
      removeFrom(f.container(), f.key());
    } catch (RenderException e) {
      throw new RenderException("error in move for path: '" + f.key() + "': " + e.getMessage());
    }
    String path = decode(op, "path", "move");
    Target t = destination(root, path, "move");
    try {
      addTo(t.container(), t.key(), val);
    } catch (RenderException e) {
      throw new RenderException("error in move for path: '" + path + "': " + e.getMessage());
    }
  }

  private static void test(JsonNode root, JsonNode op) {
    String path = decode(op, "path", "test");
    JsonNode want = op.get("value");
    if (path.isEmpty()) {
      if (want == null) {
        // the library dereferences the missing value: kustomize crashes
        throw new RenderException("test operation of the whole document has no value");
      }
      if (!equal(root, want)) {
        throw new RenderException("testing value " + path + " failed: test failed");
      }
      return;
    }
    Target t = find(root, path);
    if (t == null) {
      throw new RenderException("test operation does not apply: is missing path: " + path + ": " + MISSING);
    }
    JsonNode val;
    try {
      val = get(t.container(), t.key());
    } catch (RenderException e) {
      throw new RenderException("error in test for path: '" + path + "': " + e.getMessage());
    }
    boolean ok = val == null ? want == null || want.isNull() : want != null && equal(val, want);
    if (!ok) {
      throw new RenderException("testing value " + path + " failed: test failed");
    }
  }

  private static void copy(JsonNode root, JsonNode op) {
    Located from = source(root, op, "copy");
    JsonNode val;
    try {
      val = get(from.target().container(), from.target().key());
    } catch (RenderException e) {
      throw new RenderException("error in copy for from: '" + from.path() + "': " + e.getMessage());
    }
    String path;
    try {
      path = path(op);
    } catch (RenderException e) {
      throw new RenderException("copy operation failed to decode path: " + MISSING);
    }
    Target t = destination(root, path, "copy");
    try {
      addTo(t.container(), t.key(), val == null ? null : val.deepCopy());
    } catch (RenderException e) {
      throw new RenderException("error while adding value during copy: " + e.getMessage());
    }
  }

  /**
   * lazyNode.equal: objects and arrays structurally (a null member equals only a null), scalars by
   * their JSON text as Go prints it.
   */
  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isObject()) {
      if (!b.isObject() || a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode ov = b.get(e.getKey());
        if (ov == null) {
          return false;
        }
        if (e.getValue().isNull() || ov.isNull()) {
          if (e.getValue().isNull() != ov.isNull()) {
            return false;
          }
          continue;
        }
        if (!equal(e.getValue(), ov)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (!b.isArray() || a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        JsonNode x = a.get(i);
        JsonNode y = b.get(i);
        if (x.isNull() || y.isNull() ? x.isNull() != y.isNull() : !equal(x, y)) {
          return false;
        }
      }
      return true;
    }
    if (b.isContainerNode() || a.isNull() || b.isNull()) {
      return false;
    }
    return goText(a).equals(goText(b));
  }

  private static String goText(JsonNode scalar) {
    try {
      return GoJson.marshal(GoValues.normalise(scalar), false);
    } catch (GoValues.UnsupportedValueException e) {
      throw new RenderException(e.getMessage()); // NaN, ±Inf: encoding/json refuses them
    }
  }
}
