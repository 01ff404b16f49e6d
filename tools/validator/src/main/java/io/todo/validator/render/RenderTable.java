package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.JsonTree;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the renderer needs from the Kubernetes schema, and nothing else: the patch strategies and
 * merge keys of kyaml's built-in definitions (Kubernetes v1.21.2, as kustomize merges), pruned to
 * the paths that lead to one (which types are cluster-scoped is kyaml's fixed table, in {@link
 * ResId}). Derived at build time ({@link #generate}) so that a cold render reads a few kilobytes.
 *
 * <p>Layout: {@code {"version": "kyaml-v1.21.2", "kinds": {"group/version/Kind": definitionName},
 * "definitions": {definitionName: prunedDefinition}}}.
 */
public final class RenderTable {
  public static final String RESOURCE = "/io/todo/validator/render/k8s-render-table.json";

  private static final String STRATEGY = "x-kubernetes-patch-strategy";
  /** The schema keys a strategic merge reads (see {@link MergeSchema}). */
  private static final List<String> MERGE_KEYS =
      List.of(STRATEGY, "x-kubernetes-patch-merge-key", "x-kubernetes-list-map-keys");

  private static volatile RenderTable loaded;

  private final JsonNode root;

  private RenderTable(JsonNode root) {
    this.root = root;
  }

  /** The table shipped in the jar, read once. */
  static RenderTable get() {
    RenderTable t = loaded;
    if (t == null) {
      synchronized (RenderTable.class) {
        if (loaded == null) {
          loaded = read();
        }
        t = loaded;
      }
    }
    return t;
  }

  private static RenderTable read() {
    try (InputStream in = RenderTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the renderer's schema table is missing from the jar");
      }
      return new RenderTable(JsonTree.read(new BufferedInputStream(in, 1 << 16)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the renderer's schema table", e);
    }
  }

  /** The pruned definition of a built-in kind, or null when it has no merge keys anywhere. */
  JsonNode kind(String group, String version, String kind) {
    JsonNode name = root.path("kinds").get(group + "/" + version + "/" + kind);
    return name == null ? null : definition(name.asText());
  }

  JsonNode definition(String name) {
    return root.path("definitions").get(name);
  }

  /** kyaml's built-in schema, reduced by {@code tools/scripts/kyaml-openapi.sh}. */
  public static final String KYAML_SCHEMA = "/io/todo/validator/render/kyaml-openapi-v1.21.2.json";

  /**
   * Derives the table from kyaml's built-in Kubernetes schema (v1.21.2, the only one kustomize
   * merges with, whatever the cluster version): its definitions keep only properties, items,
   * {@code $ref}s and patch extensions on a path to a patch strategy; the others are dropped (for a
   * merge, "no schema" and "a schema without strategies" are the same thing). Kinds and fields
   * newer than v1.21.2 have no merge keys in kustomize (their lists are replaced), and kinds it
   * still has (batch/v1beta1 CronJob) keep theirs.
   */
  public static byte[] generate() throws IOException {
    JsonNode schema;
    try (InputStream in = RenderTable.class.getResourceAsStream(KYAML_SCHEMA)) {
      if (in == null) {
        throw new IOException("missing resource " + KYAML_SCHEMA);
      }
      schema = JsonTree.read(new BufferedInputStream(in, 1 << 16));
    }
    Map<String, JsonNode> defs = new TreeMap<>();
    schema.path("definitions").fields().forEachRemaining(e -> defs.put(e.getKey(), e.getValue()));
    // definitions that lead to a patch strategy, to a fixed point (definitions refer to each other)
    Set<String> relevant = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, JsonNode> e : defs.entrySet()) {
        if (!relevant.contains(e.getKey()) && prune(e.getValue(), relevant) != null) {
          relevant.add(e.getKey());
          changed = true;
        }
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode out = mapper.createObjectNode();
    out.put("version", "kyaml-v1.21.2");
    ObjectNode kinds = out.putObject("kinds");
    ObjectNode prunedDefs = out.putObject("definitions");
    Map<String, String> kindIndex = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : defs.entrySet()) {
      if (!relevant.contains(e.getKey())) {
        continue;
      }
      prunedDefs.set(e.getKey(), prune(e.getValue(), relevant));
      for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
        // the same GVK can appear on several definitions; the first by name wins, as in SchemaBundle
        kindIndex.putIfAbsent(gvk.path("group").asText() + "/" + gvk.path("version").asText() + "/"
            + gvk.path("kind").asText(), e.getKey());
      }
    }
    kindIndex.forEach(kinds::put);
    return mapper.writeValueAsBytes(out);
  }

  /** The node without what a merge never reads, or null when nothing is left. */
  private static JsonNode prune(JsonNode node, Set<String> relevant) {
    if (node == null || !node.isObject()) {
      return null;
    }
    ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (node.has(STRATEGY)) {
      for (String k : MERGE_KEYS) {
        if (node.has(k)) {
          out.set(k, node.get(k));
        }
      }
    }
    ObjectNode props = out.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode pruned = prune(p.getValue(), relevant);
      if (pruned != null) {
        props.set(p.getKey(), pruned);
      }
    }
    if (!props.isEmpty()) {
      out.set("properties", props);
    }
    JsonNode items = prune(node.get("items"), relevant);
    if (items != null) {
      out.set("items", items);
    }
    JsonNode ref = node.get("$ref");
    if (ref != null && relevant.contains(ref.asText().replaceFirst("^#/definitions/", ""))) {
      out.set("$ref", ref);
    }
    return out.isEmpty() ? null : out;
  }
}
