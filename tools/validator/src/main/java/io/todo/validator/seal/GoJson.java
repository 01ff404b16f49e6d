package io.todo.validator.seal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.todo.validator.render.GoJsonText;

/**
 * Writes a JSON tree the way kubeseal prints JSON (Go's encoding/json with a two-space indent):
 * struct fields in the order given by the tree, Go maps with sorted keys, HTML-safe escaping.
 */
final class GoJson {
  private final StringBuilder out = new StringBuilder();
  private final Set<String> sortedMaps;

  private GoJson(Set<String> sortedMaps) {
    this.sortedMaps = sortedMaps;
  }

  /**
   * @param sortedMaps JSON pointers of the objects that are Go maps (labels, annotations,
   *     encryptedData, ...): their keys are sorted; every other object keeps its order
   */
  static String write(JsonNode node, Set<String> sortedMaps) {
    GoJson j = new GoJson(sortedMaps);
    j.node(node, 0, "");
    j.out.append('\n');
    return j.out.toString();
  }

  private void node(JsonNode n, int indent, String ptr) {
    if (n.isObject()) {
      if (n.isEmpty()) {
        out.append("{}");
        return;
      }
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      if (sortedMaps.contains(ptr) || ptr.contains("/managedFields/")) {
        keys.sort(GoJson::compareUtf8);
      }
      out.append("{\n");
      for (int i = 0; i < keys.size(); i++) {
        String k = keys.get(i);
        out.append("  ".repeat(indent + 1));
        string(k);
        out.append(": ");
        node(n.get(k), indent + 1, ptr + "/" + k.replace("~", "~0").replace("/", "~1"));
        out.append(i + 1 < keys.size() ? ",\n" : "\n");
      }
      out.append("  ".repeat(indent)).append('}');
    } else if (n.isArray()) {
      if (n.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < n.size(); i++) {
        out.append("  ".repeat(indent + 1));
        node(n.get(i), indent + 1, ptr + "/" + i);
        out.append(i + 1 < n.size() ? ",\n" : "\n");
      }
      out.append("  ".repeat(indent)).append(']');
    } else if (n.isTextual()) {
      string(n.asText());
    } else if (n.isNull() || n.isMissingNode()) {
      out.append("null");
    } else {
      out.append(n.asText());
    }
  }

  private void string(String s) {
    GoJsonText.quote(s, out);
  }

  /** Go sorts map keys by their UTF-8 bytes. */
  static int compareUtf8(String a, String b) {
    return GoJsonText.compareUtf8(a, b);
  }
}
