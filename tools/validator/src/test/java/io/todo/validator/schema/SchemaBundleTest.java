package io.todo.validator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaBundleTest {

  @Test
  void knowsAllSupportedVersions() {
    assertThat(SchemaBundle.builtin().kubernetesVersions())
        .containsExactly("1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36");
  }

  @Test
  void findsDefinitionsByGvkAndKeepsPatchExtensions() {
    SchemaBundle b = SchemaBundle.builtin();
    String name = b.definitionName("1.33", "apps", "v1", "Deployment").orElseThrow();
    assertThat(name).isEqualTo("io.k8s.api.apps.v1.Deployment");
    assertThat(b.definition("1.33", "io.k8s.api.core.v1.PodSpec").orElseThrow()
        .path("properties").path("containers").path("x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
  }

  @Test
  void knowsScopes() {
    SchemaBundle b = SchemaBundle.builtin();
    assertThat(b.namespaced("apps", "Deployment")).contains(true);
    assertThat(b.namespaced("", "Namespace")).contains(false);
    assertThat(b.namespaced("rbac.authorization.k8s.io", "ClusterRole")).contains(false);
  }

  @Test
  void bundlesTheCrds() {
    assertThat(SchemaBundle.builtin().crds())
        .extracting(c -> c.path("spec").path("names").path("kind").asText())
        .contains("Application", "ApplicationSet", "AppProject", "SealedSecret");
  }

  @Test
  void findsABundledCrdByGroupAndKindAlone() {
    SchemaBundle b = SchemaBundle.builtin();
    assertThat(b.crds("bitnami.com", "SealedSecret"))
        .extracting(c -> c.path("spec").path("names").path("plural").asText()).containsExactly("sealedsecrets");
    assertThat(b.crds("argoproj.io", "ApplicationSet")).hasSize(1);
    assertThat(b.crds("argoproj.io", "SealedSecret")).isEmpty();
    assertThat(b.crds("", "ConfigMap")).isEmpty();
  }

  @Test
  void bundleIsSmall() throws Exception {
    try (InputStream in = SchemaBundle.class.getResourceAsStream(SchemaBundle.RESOURCE)) {
      assertThat(in.readAllBytes().length).isLessThan(300 * 1024);
    }
  }

  /** The bundle in the jar is what the generator makes of shared/: the build derives it. */
  @Test
  void bundleIsDerivedFromShared() throws Exception {
    Path shared = Path.of(System.getProperty("validator.shared.dir", "../../../shared"));
    assumeTrue(Files.isDirectory(shared.resolve("k8s-openapi")), "shared/ not present");
    JsonNode fresh = new ObjectMapper().readTree(new BundleGenerator().generateJson(shared));
    SchemaBundle b = SchemaBundle.builtin();
    List<String> versions = new ArrayList<>();
    fresh.path("versions").fieldNames().forEachRemaining(versions::add);
    assertThat(b.kubernetesVersions()).containsExactlyInAnyOrderElementsOf(versions);
    for (String v : versions) {
      List<String> names = new ArrayList<>();
      fresh.path("versions").path(v).fieldNames().forEachRemaining(names::add);
      assertThat(b.definitionNames(v)).containsExactlyInAnyOrderElementsOf(names);
      for (String name : names) {
        JsonNode def = fresh.path("definitions").path(fresh.path("versions").path(v).path(name).asText());
        assertThat(b.definition(v, name)).as(v + " " + name).contains(def);
      }
    }
    assertThat(b.crds()).containsExactlyElementsOf(fresh.path("crds"));
    fresh.path("namespaced").fields().forEachRemaining(e -> {
      String[] gk = e.getKey().split("/", 2);
      assertThat(b.namespaced(gk[0], gk[1])).contains(e.getValue().asBoolean());
    });
  }

  @Test
  void unknownVersionsAndKindsAreEmpty() {
    SchemaBundle b = SchemaBundle.builtin();
    assertThat(b.definition("1.99", "io.k8s.api.apps.v1.Deployment")).isEmpty();
    assertThat(b.definitionName("1.99", "apps", "v1", "Deployment")).isEmpty();
    assertThat(b.definitionName("1.33", "example.com", "v1", "Widget")).isEmpty();
    assertThat(b.namespaced("example.com", "Widget")).isEmpty();
  }

  /** The build step fails with one clear line, never a stack trace, when ../shared is missing. */
  @Test
  void buildStepNamesAMissingSharedDirectory(@org.junit.jupiter.api.io.TempDir Path dir) {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = BundleGenerator.run(new String[] {dir.resolve("nope").toString(), dir.toString()},
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("error: ").contains("VALIDATOR_SHARED_DIR").doesNotContain("Exception").hasLineCount(1);
    assertThat(dir.resolve(SchemaBundle.RESOURCE.substring(1))).doesNotExist();
  }
}
