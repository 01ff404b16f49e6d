package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.schema.SchemaBundle;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The renderer's pruned table must give every merge decision the full schema bundle gives. */
class RenderTableTest {
  private static final int DEPTH = 12;

  @Test
  void everyKindKeepsEveryPatchStrategyOfTheFullSchema() {
    SchemaBundle bundle = SchemaBundle.builtin();
    String v = bundle.newestVersion();
    RenderTable table = RenderTable.get();
    int kinds = 0;
    for (String name : bundle.definitionNames(v)) {
      JsonNode def = bundle.definition(v, name).orElseThrow();
      for (JsonNode gvk : def.path("x-kubernetes-group-version-kind")) {
        String group = gvk.path("group").asText();
        String version = gvk.path("version").asText();
        String kind = gvk.path("kind").asText();
        if (!bundle.definitionName(v, group, version, kind).orElseThrow().equals(name)) {
          continue; // a GVK shared by several definitions: the first by name is the one used
        }
        Map<String, String> full = new TreeMap<>();
        collect(def, n -> bundle.definition(v, n).orElse(null), "", DEPTH, full);
        Map<String, String> pruned = new TreeMap<>();
        JsonNode t = table.kind(group, version, kind);
        if (t != null) {
          collect(t, table::definition, "", DEPTH, pruned);
        }
        assertThat(pruned).as(group + "/" + version + "/" + kind).isEqualTo(full);
        kinds++;
      }
    }
    assertThat(kinds).isGreaterThan(100);
  }

  @Test
  void knowsScopesAndPodMergeKeys() {
    RenderTable t = RenderTable.get();
    // scopes are kyaml's fixed table, by exact apiVersion and kind
    assertThat(ResId.of("apps/v1", "Deployment", "d", "").isClusterScoped()).isFalse();
    assertThat(ResId.of("rbac.authorization.k8s.io/v1", "ClusterRole", "r", "").isClusterScoped()).isTrue();
    assertThat(ResId.of("rbac.authorization.k8s.io/v1alpha1", "ClusterRole", "r", "").isClusterScoped()).isFalse();
    assertThat(ResId.of("example.com/v1", "Widget", "w", "").isClusterScoped()).isFalse();
    assertThat(t.definition("io.k8s.api.core.v1.PodSpec").path("properties").path("containers")
        .path("x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
  }

  /** path -> "strategy keys" for every node with a patch strategy, following $refs. */
  private static void collect(JsonNode n, Function<String, JsonNode> defs, String path, int depth,
      Map<String, String> out) {
    if (n == null || depth == 0) {
      return;
    }
    JsonNode ref = n.get("$ref");
    if (ref != null) {
      collect(defs.apply(ref.asText().replaceFirst("^#/definitions/", "")), defs, path, depth - 1, out);
    }
    if (n.has("x-kubernetes-patch-strategy")) {
      out.put(path, n.get("x-kubernetes-patch-strategy").asText() + " "
          + n.path("x-kubernetes-list-map-keys") + " " + n.path("x-kubernetes-patch-merge-key").asText());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      collect(p.getValue(), defs, path + "/" + p.getKey(), depth - 1, out);
    }
    collect(n.get("items"), defs, path + "[]", depth - 1, out);
  }
}
