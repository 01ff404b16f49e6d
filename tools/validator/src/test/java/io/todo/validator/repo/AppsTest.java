package io.todo.validator.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.config.RepoConfig;
import io.todo.validator.model.Resource;
import io.todo.validator.schema.SchemaBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** apps/ and validator.yaml agree with the overlays: every environment deployed, every kind allowed. */
class AppsTest {
  private static final Pattern PLAIN_SECRET = Pattern.compile("(?m)^kind:\\s*[\"']?Secret[\"']?\\s*$");
  private static final String PRIVATE_KEY = "PRIVATE" + " KEY-----";

  private static Resource one(List<Resource> all, String kind, String name) {
    return Workloads.find(all, kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  @Test
  void theApplicationSetDeploysEveryOverlayToItsNamespace() {
    List<Resource> apps = RepoFixture.resources("apps");
    JsonNode set = one(apps, "ApplicationSet", "todo").object();
    List<String> envs = new ArrayList<>();
    for (JsonNode e : set.at("/spec/generators/0/list/elements")) {
      envs.add(e.path("environment").asText());
      assertThat(e.path("autoSync").asBoolean()).as(e.toString()).isEqualTo(!e.path("environment").asText().equals("prod"));
    }
    assertThat(envs).containsExactlyInAnyOrderElementsOf(RepoFixture.overlayNames());
    assertThat(set.at("/spec/template/spec/source/path").asText()).isEqualTo("overlays/{{.environment}}");
    assertThat(set.at("/spec/template/spec/destination/namespace").asText()).isEqualTo("todo-{{.environment}}");
    assertThat(set.at("/spec/template/spec/ignoreDifferences/0/jsonPointers").toString()).contains("/spec/replicas");
    assertThat(set.at("/spec/templatePatch").asText()).contains("automated", "prune: true", "selfHeal: true");

    JsonNode project = one(apps, "AppProject", "todo").object();
    List<String> namespaces = project.at("/spec/destinations").findValuesAsText("namespace");
    assertThat(namespaces).containsExactlyInAnyOrderElementsOf(RepoFixture.overlayNames().stream().map(n -> "todo-" + n).toList());
    assertThat(project.at("/spec/sourceRepos")).hasSize(1);
    assertThat(project.at("/spec/sourceRepos/0").asText()).isEqualTo(set.at("/spec/template/spec/source/repoURL").asText());
  }

  @Test
  void minikubeAppsDeployOnlyMinikubeInCluster() {
    JsonNode set = one(RepoFixture.resources("apps/minikube"), "ApplicationSet", "todo").object();
    JsonNode elements = set.at("/spec/generators/0/list/elements");
    assertThat(elements).hasSize(1);
    assertThat(elements.get(0).path("environment").asText()).isEqualTo("minikube");
    assertThat(elements.get(0).path("cluster").asText()).isEqualTo("in-cluster");
  }

  @Test
  void theProjectAllowsExactlyTheKindsTheOverlaysRender() {
    JsonNode project = one(RepoFixture.resources("apps"), "AppProject", "todo").object();
    Set<String> allowed = new HashSet<>();
    project.at("/spec/clusterResourceWhitelist").forEach(k -> allowed.add(k.path("group").asText() + "/" + k.path("kind").asText()));
    project.at("/spec/namespaceResourceWhitelist").forEach(k -> allowed.add(k.path("group").asText() + "/" + k.path("kind").asText()));
    Set<String> rendered = new HashSet<>();
    for (String env : RepoFixture.overlayNames()) {
      for (Resource r : RepoFixture.resources("overlays/" + env)) {
        rendered.add(r.group() + "/" + r.kind());
        boolean namespaced = SchemaBundle.builtin().namespaced(r.group(), r.kind()).orElse(true);
        String list = namespaced ? "/spec/namespaceResourceWhitelist" : "/spec/clusterResourceWhitelist";
        assertThat(project.at(list).toString()).as(r.ref()).contains("\"kind\":\"" + r.kind() + "\"");
      }
    }
    assertThat(allowed).isEqualTo(rendered);
  }

  @Test
  void theSealedSecretsControllerIsPinned() {
    JsonNode app = one(RepoFixture.resources("apps"), "Application", "sealed-secrets").object();
    assertThat(app.at("/spec/source/repoURL").asText()).isEqualTo("https://bitnami-labs.github.io/sealed-secrets");
    assertThat(app.at("/spec/source/chart").asText()).isEqualTo("sealed-secrets");
    assertThat(app.at("/spec/source/targetRevision").asText()).isEqualTo("2.18.0");
    assertThat(app.at("/spec/destination/namespace").asText()).isEqualTo("kube-system");
    assertThat(app.at("/spec/source/helm/valuesObject/fullnameOverride").asText()).isEqualTo("sealed-secrets-controller");
  }

  @Test
  void validatorYamlNamesEveryOverlayAndItsCertificate() throws IOException {
    RepoConfig config = RepoConfig.read(RepoFixture.ROOT.resolve("validator.yaml"), "validator.yaml");
    assertThat(config.overlays()).extracting(RepoConfig.OverlayConfig::path)
        .containsExactlyInAnyOrderElementsOf(RepoFixture.overlayNames().stream().map(n -> "overlays/" + n).toList());
    for (RepoConfig.OverlayConfig o : config.overlays()) {
      assertThat(o.environment()).isEqualTo(Path.of(o.path()).getFileName().toString());
      String pem = Files.readString(RepoFixture.ROOT.resolve(o.sealingCert()));
      assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain(PRIVATE_KEY);
    }
  }

  /** No plain Secret and no private key anywhere in the configuration. */
  @Test
  void noSecretsInTheConfiguration() throws IOException {
    for (String top : List.of("base", "overlays", "apps", "policies")) {
      try (Stream<Path> files = Files.walk(RepoFixture.ROOT.resolve(top))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(f);
          assertThat(PLAIN_SECRET.matcher(text).find()).as(f.toString()).isFalse();
          assertThat(text).as(f.toString()).doesNotContain(PRIVATE_KEY);
        }
      }
    }
  }
}
