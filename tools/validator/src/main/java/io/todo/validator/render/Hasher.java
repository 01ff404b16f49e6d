package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Sha256;

/** The content hash kustomize appends to generated ConfigMap and Secret names (api/hasher). */
final class Hasher {
  private Hasher() {}

  static String hash(JsonNode obj) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    String kind = Res.text(obj.get("kind"));
    // kustomize looks the name up with a path that never matches, so it always hashes ""
    m.put("name", "");
    m.put("kind", kind);
    m.set("data", value(obj.get("data")));
    if (kind.equals("Secret")) {
      m.set("type", value(obj.get("type")));
      if (obj.path("stringData").isContainerNode()) {
        m.set("stringData", value(obj.get("stringData")));
      }
    } else if (obj.path("binaryData").isContainerNode()) {
      m.set("binaryData", value(obj.get("binaryData")));
    }
    return encode(Sha256.hex(GoJson.marshalDecoded(m)));
  }

  /**
   * getNodeValues: a missing field hashes as "", a scalar as its text, a map as itself, and a
   * sequence as null (its JSON does not decode into the map kustomize expects, which stays nil; a
   * nil map still counts as binaryData or stringData).
   */
  private static JsonNode value(JsonNode n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (n == null) {
      return f.textNode("");
    }
    if (n.isArray()) {
      return f.nullNode();
    }
    return n.isContainerNode() ? n : f.textNode(n.isNull() ? "null" : n.asText());
  }

  private static String encode(String hex) {
    StringBuilder sb = new StringBuilder();
    for (char c : hex.substring(0, 10).toCharArray()) {
      sb.append(switch (c) {
        case '0' -> 'g';
        case '1' -> 'h';
        case '3' -> 'k';
        case 'a' -> 'm';
        case 'e' -> 't';
        default -> c;
      });
    }
    return sb.toString();
  }

}
