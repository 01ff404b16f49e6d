package io.todo.validator.hook;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AffectedCommandTest {
  @TempDir Path repo;

  private void write(String rel, String text) throws Exception {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @BeforeEach
  void setUp() throws Exception {
    write("validator.yaml", "overlays:\n- path: overlays/dev\n- path: overlays/prod\npolicies: policies\n");
    write("base/backend/kustomization.yaml", "resources:\n- deployment.yaml\nconfigMapGenerator:\n- name: c\n  envs: [config.env]\n");
    write("base/backend/deployment.yaml", "kind: Deployment\n");
    write("base/backend/config.env", "A=1\n");
    write("base/backend/unused.yaml", "kind: X\n");
    write("base/components/hpa/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [hpa.yaml]\n");
    write("base/components/hpa/hpa.yaml", "kind: HPA\n");
    write("overlays/dev/kustomization.yaml", "resources:\n- ../../base/backend\npatches:\n- path: patch.yaml\n");
    write("overlays/dev/patch.yaml", "kind: Deployment\n");
    write("overlays/prod/kustomization.yaml", "resources:\n- ../../base/backend\ncomponents:\n- ../../base/components/hpa\n");
    write("docs/readme.md", "x");
    write("policies/policy.yaml", "x: 1\n");
  }

  @Test
  void aBaseChangeAffectsEveryOverlayUsingIt() {
    assertThat(CliRunner.runIn(repo, "affected", "base/backend/config.env").out()).isEqualTo("overlays/dev\noverlays/prod\n");
  }

  @Test
  void aComponentChangeAffectsOnlyOverlaysIncludingIt() {
    assertThat(CliRunner.runIn(repo, "affected", "base/components/hpa/hpa.yaml").out()).isEqualTo("overlays/prod\n");
  }

  @Test
  void anOverlayPatchAffectsThatOverlay() {
    assertThat(CliRunner.runIn(repo, "affected", "overlays/dev/patch.yaml").out()).isEqualTo("overlays/dev\n");
  }

  @Test
  void unrelatedFilesAffectNothingAndValidateNothing() {
    assertThat(CliRunner.runIn(repo, "affected", "docs/readme.md", "base/backend/unused.yaml").out()).isEmpty();
    CliRunner.Result r = CliRunner.runIn(repo, "affected", "--validate", "docs/readme.md");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void policyAndConfigChangesAffectEveryOverlay() {
    assertThat(CliRunner.runIn(repo, "affected", "policies/policy.yaml").out()).isEqualTo("overlays/dev\noverlays/prod\n");
    assertThat(CliRunner.runIn(repo, "affected", "validator.yaml").out()).isEqualTo("overlays/dev\noverlays/prod\n");
  }
}
