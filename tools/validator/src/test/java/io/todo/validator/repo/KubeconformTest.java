package io.todo.validator.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.todo.validator.config.RepoConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every overlay, and apps/, rendered by the real kustomize and checked by the real kubeconform
 * ({@code -strict}) against the validator's built-in schemas for the overlay's Kubernetes version.
 */
class KubeconformTest {
  private static final String APPS_VERSION = "1.34";

  @TempDir static Path schemas;

  private static final Map<String, Path> WRITTEN = new HashMap<>();

  @TestFactory
  Stream<DynamicTest> overlaysAndApps() {
    List<String[]> targets = new ArrayList<>();
    RepoConfig config = RepoConfig.read(RepoFixture.ROOT.resolve("validator.yaml"), "validator.yaml");
    config.overlays().forEach(o -> targets.add(new String[] {o.path(), o.kubernetesVersion()}));
    targets.add(new String[] {"apps", APPS_VERSION});
    targets.add(new String[] {"apps/minikube", APPS_VERSION});
    targets.add(new String[] {"policies/admission", APPS_VERSION});
    return targets.stream().map(t -> dynamicTest(t[0] + " (Kubernetes " + t[1] + ")", () -> {
      RepoFixture.Run r = kubeconform(t[1], RepoFixture.render(t[0]));
      assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
      assertThat(r.out()).contains("Invalid: 0, Errors: 0, Skipped: 0");
    }));
  }

  /** The generated schemas are strict: an unknown field is an error, so a pass means something. */
  @Test
  void rejectsUnknownFields() {
    String yaml = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\nautomountServiceAccountTokn: false\n";
    RepoFixture.Run r = kubeconform(APPS_VERSION, yaml);
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.out()).contains("automountServiceAccountTokn");
  }

  private static RepoFixture.Run kubeconform(String version, String yaml) {
    Path dir = schemasFor(version);
    return RepoFixture.run(RepoFixture.ROOT, yaml.getBytes(StandardCharsets.UTF_8), List.of(
        RepoFixture.tool("kubeconform").toString(), "-strict", "-summary",
        "-schema-location", dir + "/" + KubeconformSchemas.LOCATION,
        "-schema-location", dir + "/" + KubeconformSchemas.CORE_LOCATION, "-"));
  }

  private static synchronized Path schemasFor(String version) {
    return WRITTEN.computeIfAbsent(version, v -> {
      Path dir = schemas.resolve(v);
      try {
        KubeconformSchemas.write(v, dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return dir;
    });
  }
}
