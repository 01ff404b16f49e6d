package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.SourceMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Keeps origins attached to nodes, not to list indices, through a strategic merge: a merge can
 * insert and reorder list elements, and an origin keyed by the old index would then point at
 * another element's source line.
 */
final class NodeOrigins {
  private final Map<JsonNode, String> pointers = new IdentityHashMap<>();
  private final SourceMap before;

  /** Remembers where every mapping and list of {@code obj} was, before it is changed. */
  NodeOrigins(ObjectNode obj, SourceMap origins) {
    this.before = origins.copy();
    index(obj, "");
  }

  private void index(JsonNode n, String ptr) {
    if (!n.isContainerNode()) {
      return;
    }
    pointers.put(n, ptr);
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        index(e.getValue(), ptr + "/" + SourceMap.escape(e.getKey()));
      }
    } else {
      for (int i = 0; i < n.size(); i++) {
        index(n.get(i), ptr + "/" + i);
      }
    }
  }

  /** Re-keys {@code origins} to where the remembered nodes are now in {@code after}. */
  void rekey(ObjectNode after, SourceMap origins) {
    SourceMap fresh = new SourceMap();
    Location root = before.get("");
    if (root != null) {
      fresh.put("", root);
    }
    walk(after, "", fresh);
    origins.setAll(fresh);
  }

  private void walk(JsonNode n, String ptr, SourceMap fresh) {
    String old = pointers.get(n);
    if (old != null && before.get(old) != null) {
      fresh.put(ptr, before.get(old));
    }
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        child(e.getValue(), old, ptr, SourceMap.escape(e.getKey()), fresh);
      }
    } else {
      for (int i = 0; i < n.size(); i++) {
        child(n.get(i), old, ptr, Integer.toString(i), fresh);
      }
    }
  }

  private void child(JsonNode c, String oldParent, String ptr, String key, SourceMap fresh) {
    if (c.isContainerNode()) {
      walk(c, ptr + "/" + key, fresh);
    } else if (oldParent != null && before.get(oldParent + "/" + key) != null) {
      fresh.put(ptr + "/" + key, before.get(oldParent + "/" + key));
    }
  }
}
