package io.todo.validator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
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
    byte[] fresh = new BundleGenerator().generateJson(shared);
    byte[] built;
    try (InputStream in = SchemaBundle.class.getResourceAsStream(SchemaBundle.RESOURCE)) {
      built = new GZIPInputStream(new ByteArrayInputStream(in.readAllBytes())).readAllBytes();
    }
    ObjectMapper m = new ObjectMapper();
    assertThat(m.readTree(built)).isEqualTo(m.readTree(fresh));
  }
}
