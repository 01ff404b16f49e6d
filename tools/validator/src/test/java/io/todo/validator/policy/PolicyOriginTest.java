package io.todo.validator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings on a rendered overlay point at the file that set the field: the base or the overlay's
 * patch (the renderer records patch origins outside lists; inside containers[] the base's
 * location is kept).
 */
class PolicyOriginTest {
  private static final String BASE = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers:
              - name: api
                image: ghcr.io/todo/api:1.0.0
                securityContext:
                  allowPrivilegeEscalation: false
      """;
  private static final String PATCH = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        template:
          spec:
            hostNetwork: true
      """;

  @Test
  void pointsAtThePatchThatSetTheFieldAndAtTheBase(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("validator.yaml"), "overlays:\n  - {path: overlays/dev, environment: dev, kubernetesVersion: \"1.34\"}\n");
    Files.createDirectories(dir.resolve("policies"));
    Files.createDirectories(dir.resolve("base"));
    Files.writeString(dir.resolve("base/deployment.yaml"), BASE);
    Files.writeString(dir.resolve("base/kustomization.yaml"), "resources: [deployment.yaml]\n");
    Files.createDirectories(dir.resolve("overlays/dev"));
    Files.writeString(dir.resolve("overlays/dev/privileged.yaml"), PATCH);
    Files.writeString(dir.resolve("overlays/dev/kustomization.yaml"),
        "namespace: todo\nresources: [../../base]\npatches:\n  - path: privileged.yaml\n");
    CliRunner.Result r = CliRunner.runIn(dir, "validate");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("overlays/dev/privileged.yaml:7:7: error: [SEC-008] Deployment/todo/api: "
            + "spec.template.spec.hostNetwork: the pod sets hostNetwork: true")
        .contains("base/deployment.yaml:10:11: error: [RES-001] Deployment/todo/api: spec.template.spec.containers[0]: "
            + "container \"api\" has no cpu request");
  }

  @Test
  void aSecretGeneratorIsReportedInItsKustomizationRelativeToTheWorkingDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("validator.yaml"), "overlays:\n  - {path: overlays/dev, environment: dev}\n");
    Files.createDirectories(dir.resolve("base"));
    Files.writeString(dir.resolve("base/kustomization.yaml"),
        "secretGenerator:\n  - name: db\n    literals: [password=not-a-real-password]\n");
    Files.createDirectories(dir.resolve("overlays/dev"));
    Files.writeString(dir.resolve("overlays/dev/kustomization.yaml"), "namespace: todo\nresources: [../../base]\n");
    CliRunner.Result r = CliRunner.runIn(dir.resolve("overlays"), "validate", "dev");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("../base/kustomization.yaml:1:1: error: [SCR-002] secretGenerator produces a plaintext Secret; use a SealedSecret")
        .contains("[SCR-001] Secret/todo/db-")
        .doesNotContain("not-a-real-password");
  }
}
