package io.todo.validator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts of the schema stage: templates, field paths, name rules, CRD versions, determinism. */
class SchemaPartsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void templatesExpandLikeKubeconform() {
    String t = "{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";
    assertThat(SchemaLocations.expand(t, "1.33", true, "apps/v1", "Deployment"))
        .isEqualTo("v1.33.0-standalone-strict/deployment-apps-v1.json");
    assertThat(SchemaLocations.expand(t, "1.30", false, "v1", "ConfigMap"))
        .isEqualTo("v1.30.0-standalone/configmap-v1.json");
    assertThat(SchemaLocations.expand("{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json", "1.33", true,
        "argoproj.io/v1alpha1", "Application")).isEqualTo("argoproj.io/application_v1alpha1.json");
    assertThat(SchemaLocations.expand(t, "1.33", true, "networking.k8s.io/v1", "NetworkPolicy"))
        .isEqualTo("v1.33.0-standalone-strict/networkpolicy-networking-v1.json");
  }

  @Test
  void fieldPathsPrintLikeKubectl() {
    FieldPath p = FieldPath.root().child("metadata").child("labels").child("app.kubernetes.io/name");
    assertThat(p.field()).isEqualTo("metadata.labels[\"app.kubernetes.io/name\"]");
    assertThat(p.pointer()).isEqualTo("/metadata/labels/app.kubernetes.io~1name");
    assertThat(FieldPath.root().child("spec").child("containers").child(0).child("ports").child(1).field())
        .isEqualTo("spec.containers[0].ports[1]");
  }

  @Test
  void nameRules() {
    assertThat(KubeNames.dns1123Subdomain("backend.todo-1")).isNull();
    assertThat(KubeNames.dns1123Subdomain("Backend")).isNotNull();
    assertThat(KubeNames.dns1123Subdomain("a".repeat(254))).contains("253");
    assertThat(KubeNames.dns1123Label("a.b")).isNotNull();
    assertThat(KubeNames.dns1035Label("9a")).isNotNull();
    assertThat(KubeNames.dns1035Label("a9")).isNull();
    assertThat(KubeNames.pathSegment("system:controller:x")).isNull();
    assertThat(KubeNames.pathSegment("a/b")).isNotNull();
    assertThat(KubeNames.qualifiedName("app.kubernetes.io/name")).isNull();
    assertThat(KubeNames.qualifiedName("Example.com/x")).contains("prefix");
    assertThat(KubeNames.qualifiedName("x".repeat(64))).contains("63");
    assertThat(KubeNames.labelValue("")).isNull();
    assertThat(KubeNames.labelValue("v1.2_3-a")).isNull();
    assertThat(KubeNames.labelValue("-a")).isNotNull();
  }

  @Test
  void crdIndexServesOnlyServedVersionsWithTheirScope() throws Exception {
    JsonNode crd = JSON.readTree("""
        {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
         "spec": {"group": "example.com", "scope": "Cluster", "names": {"kind": "Widget"},
           "versions": [{"name": "v1", "served": true, "schema": {"openAPIV3Schema": {"type": "object"}}},
                        {"name": "v0", "served": false, "schema": {"openAPIV3Schema": {"type": "object"}}}]}}""");
    CrdIndex index = CrdIndex.of(List.of(crd));
    assertThat(index.find("example.com", "v1", "Widget")).hasValueSatisfying(s -> assertThat(s.namespaced()).isFalse());
    assertThat(index.find("example.com", "v0", "Widget")).isEmpty();
  }

  @Test
  void parallelValidationIsDeterministic() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      sb.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c").append(i)
          .append("\n  labels: {bad key: x}\ndata: {a: ").append(i).append(", b: ok}\nextra").append(i % 3).append(": 1\n---\n");
    }
    List<Resource> resources = Manifests.toResources(new io.todo.validator.load.YamlLoader()
        .load(sb.toString().getBytes(StandardCharsets.UTF_8), "many.yaml"));
    SchemaStage stage = new SchemaStage(SchemaOptions.defaults(Path.of(".")));
    Target target = new Target(null, "many.yaml", null, "1.33");
    List<Finding> first = stage.check(target, resources);
    assertThat(first).hasSize(1200);
    for (int run = 0; run < 3; run++) {
      assertThat(stage.check(target, resources)).containsExactlyElementsOf(first);
    }
    assertThat(first.get(0).resource()).isEqualTo("ConfigMap/c0");
    assertThat(first.get(first.size() - 1).resource()).isEqualTo("ConfigMap/c399");
  }

  /**
   * A schema met for the first time by many threads at once (a stream of 400 StatefulSets is
   * checked in parallel) builds its validators under its lock, then completely: the findings are
   * those of checking each resource on its own afterwards.
   */
  @Test
  void aFreshSchemaCheckedInParallelGivesTheFindingsOfOneByOne() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      sb.append("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s").append(i).append("}\nspec:\n")
          .append("  serviceName: x\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n")
          .append("    spec:\n      containers:\n      - name: c\n        image: i\n")
          .append(i % 2 == 0 ? "        ports: [{containerPort: x" + i + "}]\n" : "        resources: {limits: {cpu: 1}}\n")
          .append(i % 5 == 0 ? "      volumes: [{name: v, emptyDir: {medium: " + i + "}}]\n" : "")
          .append("---\n");
    }
    List<Resource> resources = Manifests.toResources(new io.todo.validator.load.YamlLoader()
        .load(sb.toString().getBytes(StandardCharsets.UTF_8), "sts.yaml"));
    SchemaStage stage = new SchemaStage(SchemaOptions.defaults(Path.of(".")));
    Target target = new Target(null, "sts.yaml", null, "1.30");
    List<Finding> parallel = stage.check(target, resources);
    List<Finding> oneByOne = new java.util.ArrayList<>();
    for (Resource r : resources) {
      oneByOne.addAll(stage.check(target, List.of(r)));
    }
    assertThat(parallel).containsExactlyElementsOf(oneByOne);
    assertThat(parallel).hasSizeGreaterThanOrEqualTo(200 + 80);
  }
}
