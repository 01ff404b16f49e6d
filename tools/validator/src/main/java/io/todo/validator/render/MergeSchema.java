package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAPI schema of a node while strategic-merge patching: gives the patch strategy and merge
 * keys of lists (x-kubernetes-patch-strategy, x-kubernetes-list-map-keys, x-kubernetes-patch-merge-key).
 */
final class MergeSchema {
  private final JsonNode node;

  private MergeSchema(JsonNode node) {
    this.node = node;
  }

  /** The schema of a built-in kind, or null for kinds kustomize has no schema for. */
  static MergeSchema forResource(String apiVersion, String kind) {
    ResId id = ResId.of(apiVersion, kind, "", "");
    if (CUSTOM.get() == null) {
      JsonNode def = RenderTable.get().kind(id.group(), id.version(), kind);
      return def == null ? null : new MergeSchema(def);
    }
    // a custom schema replaces the built-in one: built-in kinds it does not describe lose their merge keys
    for (java.util.Iterator<JsonNode> it = CUSTOM.get().elements(); it.hasNext(); ) {
      JsonNode def = it.next();
      for (JsonNode gvk : def.path("x-kubernetes-group-version-kind")) {
        if (gvk.path("group").asText("").equals(id.group()) && gvk.path("version").asText("").equals(id.version())
            && gvk.path("kind").asText("").equals(kind)) {
          return new MergeSchema(def);
        }
      }
    }
    return null;
  }

  /**
   * The definitions of the kustomization's {@code openapi: {path: ...}} schema for the render on
   * this thread (kustomize keeps one global custom schema per build), or null.
   */
  static final ThreadLocal<JsonNode> CUSTOM = new ThreadLocal<>();

  private MergeSchema resolve(JsonNode n) {
    if (n == null) {
      return null;
    }
    JsonNode ref = n.get("$ref");
    if (ref != null) {
      String name = ref.asText().replaceFirst("^#/definitions/", "");
      JsonNode def = CUSTOM.get() != null ? CUSTOM.get().get(name) : RenderTable.get().definition(name);
      if (def == null) {
        return null;
      }
      // keep the list extensions of the referring node
      return new MergeSchema(merged(n, def));
    }
    return new MergeSchema(n);
  }

  private static JsonNode merged(JsonNode referrer, JsonNode def) {
    if (referrer.size() == 1) {
      return def;
    }
    com.fasterxml.jackson.databind.node.ObjectNode m = ((com.fasterxml.jackson.databind.node.ObjectNode) def).deepCopy();
    referrer.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("$ref")) {
        m.set(e.getKey(), e.getValue());
      }
    });
    return m;
  }

  MergeSchema field(String name) {
    JsonNode props = node.get("properties");
    return props == null ? null : resolve(props.get(name));
  }

  MergeSchema elements() {
    return resolve(node.get("items"));
  }

  String strategy() {
    return node.path("x-kubernetes-patch-strategy").asText("");
  }

  boolean hasMergeStrategy() {
    for (String s : strategy().split(",")) {
      if (s.equals("merge")) {
        return true;
      }
    }
    return false;
  }

  /** kyaml's PatchStrategyAndKeyList: list-map keys win over the single merge key. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    if (!node.has("x-kubernetes-patch-strategy")) {
      return keys;
    }
    JsonNode lm = node.get("x-kubernetes-list-map-keys");
    if (lm != null && lm.isArray()) {
      lm.forEach(k -> keys.add(k.asText()));
      return keys;
    }
    JsonNode mk = node.get("x-kubernetes-patch-merge-key");
    if (mk != null) {
      keys.add(mk.asText());
    }
    return keys;
  }
}
