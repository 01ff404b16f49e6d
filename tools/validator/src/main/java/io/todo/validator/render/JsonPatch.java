package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** RFC 6902 JSON patch with the error cases of evanphx/json-patch v4, which kustomize uses. */
final class JsonPatch {
  private JsonPatch() {}

  /** Applies the operations to a copy of the document and returns it. */
  static JsonNode apply(JsonNode doc, JsonNode ops) {
    JsonNode root = doc.deepCopy();
    for (int i = 0; i < ops.size(); i++) {
      JsonNode op = ops.get(i);
      if (!op.isObject()) {
        throw new RenderException("json patch operation " + i + " must be a mapping");
      }
      String kind = op.path("op").asText("");
      String path = op.path("path").asText(null);
      if (path == null) {
        throw new RenderException("json patch operation " + i + " (" + kind + ") has no path");
      }
      switch (kind) {
        case "add" -> root = add(root, path, value(op, i));
        case "remove" -> root = remove(root, path);
        case "replace" -> {
          get(root, path, "replace");
          root = set(root, path, value(op, i));
        }
        case "move" -> {
          String from = from(op, i);
          JsonNode v = get(root, from, "move");
          root = remove(root, from);
          root = add(root, path, v);
        }
        case "copy" -> root = add(root, path, get(root, from(op, i), "copy").deepCopy());
        case "test" -> {
          JsonNode actual = get(root, path, "test");
          if (!actual.equals(value(op, i))) {
            throw new RenderException("testing value " + path + " failed: test failed");
          }
        }
        default -> throw new RenderException("unexpected json patch operation \"" + kind + "\"");
      }
    }
    return root;
  }

  private static JsonNode value(JsonNode op, int i) {
    if (!op.has("value")) {
      throw new RenderException("json patch operation " + i + " has no value");
    }
    return op.get("value").deepCopy();
  }

  private static String from(JsonNode op, int i) {
    if (!op.hasNonNull("from")) {
      throw new RenderException("json patch operation " + i + " has no from");
    }
    return op.get("from").asText();
  }

  static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    if (!pointer.startsWith("/")) {
      throw new RenderException("invalid JSON pointer \"" + pointer + "\"");
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static JsonNode parent(JsonNode root, List<String> t, String path, String op) {
    JsonNode n = root;
    for (int i = 0; i < t.size() - 1; i++) {
      n = child(n, t.get(i));
      if (n == null) {
        throw new RenderException(op + " operation does not apply: doc is missing path: \"" + path + "\"");
      }
    }
    return n;
  }

  private static JsonNode child(JsonNode n, String token) {
    if (n.isObject()) {
      return n.get(token);
    }
    if (n.isArray()) {
      int i = index(token);
      return i >= 0 && i < n.size() ? n.get(i) : null;
    }
    return null;
  }

  private static int index(String token) {
    if (!token.matches("0|[1-9][0-9]{0,8}")) {
      return -1;
    }
    return Integer.parseInt(token);
  }

  static JsonNode get(JsonNode root, String path, String op) {
    List<String> t = tokens(path);
    JsonNode n = root;
    for (String s : t) {
      n = n == null ? null : child(n, s);
    }
    if (n == null) {
      throw new RenderException(op + " operation does not apply: doc is missing path: \"" + path + "\"");
    }
    return n;
  }

  private static JsonNode add(JsonNode root, String path, JsonNode value) {
    return put(root, path, value, "add");
  }

  /** Replace: the target was checked to exist, so only the write differs from add. */
  private static JsonNode set(JsonNode root, String path, JsonNode value) {
    return put(root, path, value, "replace");
  }

  /** Writes at the pointer: add inserts into arrays (or appends at "-"), replace overwrites. */
  private static JsonNode put(JsonNode root, String path, JsonNode value, String op) {
    List<String> t = tokens(path);
    if (t.isEmpty()) {
      return value;
    }
    JsonNode p = parent(root, t, path, op);
    String last = t.get(t.size() - 1);
    if (p.isObject()) {
      ((ObjectNode) p).set(last, value);
    } else if (p.isArray()) {
      ArrayNode a = (ArrayNode) p;
      boolean insert = op.equals("add");
      if (insert && last.equals("-")) {
        a.add(value);
        return root;
      }
      int i = index(last);
      if (i < 0 || i > a.size() || (!insert && i == a.size())) {
        throw new RenderException(op + " operation does not apply: index out of bounds at \"" + path + "\"");
      }
      if (insert) {
        a.insert(i, value);
      } else {
        a.set(i, value);
      }
    } else {
      throw new RenderException(op + " operation does not apply: doc is missing path: \"" + path + "\"");
    }
    return root;
  }

  private static JsonNode remove(JsonNode root, String path) {
    List<String> t = tokens(path);
    get(root, path, "remove");
    JsonNode p = parent(root, t, path, "remove");
    String last = t.get(t.size() - 1);
    if (p.isObject()) {
      ((ObjectNode) p).remove(last);
    } else {
      ((ArrayNode) p).remove(index(last));
    }
    return root;
  }
}
