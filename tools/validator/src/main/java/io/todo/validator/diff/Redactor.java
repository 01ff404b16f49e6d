package io.todo.validator.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Replaces secret values before anything is printed: a Secret's data and stringData values, and a
 * SealedSecret's ciphertexts (not secret, but random on every seal, so only "changed" is useful).
 */
public final class Redactor {
  private Redactor() {}

  /**
   * A copy of {@code object} with secret values replaced; when {@code other} (the same resource on
   * the other side of a diff) has a different value for a key, the marker says so.
   */
  public static ObjectNode redact(ObjectNode object, ObjectNode other) {
    ObjectNode copy = object.deepCopy();
    String kind = copy.path("kind").asText();
    if (kind.equals("Secret")) {
      mask(copy, other, "data", "<redacted>");
      mask(copy, other, "stringData", "<redacted>");
    } else if (kind.equals("SealedSecret") && copy.path("spec").isObject()) {
      mask((ObjectNode) copy.get("spec"), other == null ? null : (ObjectNode) other.path("spec"), "encryptedData", "<sealed>");
    }
    return copy;
  }

  private static void mask(ObjectNode holder, ObjectNode other, String field, String marker) {
    JsonNode values = holder.get(field);
    if (values == null || !values.isObject()) {
      return;
    }
    JsonNode otherValues = other == null ? null : other.path(field);
    Iterator<Map.Entry<String, JsonNode>> it = values.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      boolean changed = otherValues != null && otherValues.isObject() && otherValues.has(e.getKey())
          && !otherValues.get(e.getKey()).equals(e.getValue());
      e.setValue(holder.textNode(changed ? marker.replace(">", ", changed>") : marker));
    }
  }
}
