package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The renderer's pruned table must give every merge decision the full schema bundle gives. */
class RenderTableTest {
  private static final int DEPTH = 12;

  @Test
  void everyKindKeepsEveryPatchStrategyOfKyamlsSchema() throws Exception {
    JsonNode defs;
    try (java.io.InputStream in = RenderTable.class.getResourceAsStream(RenderTable.KYAML_SCHEMA)) {
      defs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("definitions");
    }
    RenderTable table = RenderTable.get();
    Map<String, String> firstByGvk = new TreeMap<>();
    for (Iterator<String> it = defs.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      for (JsonNode gvk : defs.get(name).path("x-kubernetes-group-version-kind")) {
        firstByGvk.merge(gvk.path("group").asText() + "/" + gvk.path("version").asText() + "/"
            + gvk.path("kind").asText(), name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
    int kinds = 0;
    for (Map.Entry<String, String> e : firstByGvk.entrySet()) {
      String[] gvk = e.getKey().split("/", -1);
      Map<String, String> full = new TreeMap<>();
      collect(defs.get(e.getValue()), defs::get, "", DEPTH, full);
      Map<String, String> pruned = new TreeMap<>();
      JsonNode t = table.kind(gvk[0], gvk[1], gvk[2]);
      if (t != null) {
        collect(t, table::definition, "", DEPTH, pruned);
      }
      assertThat(pruned).as(e.getKey()).isEqualTo(full);
      kinds++;
    }
    assertThat(kinds).isGreaterThan(100);
    // what kustomize v5.8.1 merges with: no merge keys for fields newer than v1.21.2, and kinds
    // removed from Kubernetes since then keep theirs
    assertThat(table.definition("io.k8s.api.core.v1.PodSpec").path("properties").has("schedulingGates")).isFalse();
    assertThat(table.kind("batch", "v1beta1", "CronJob")).isNotNull();
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
