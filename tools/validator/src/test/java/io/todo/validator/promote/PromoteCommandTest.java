package io.todo.validator.promote;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import io.todo.validator.model.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromoteCommandTest {
  @TempDir Path dir;
  Path dev;
  Path prod;

  @BeforeEach
  void setUp() throws Exception {
    dev = Files.createDirectories(dir.resolve("dev"));
    prod = Files.createDirectories(dir.resolve("prod"));
    Files.writeString(dev.resolve("kustomization.yaml"), """
        resources: []
        images:
        - name: ghcr.io/x/backend
          newTag: "1.5.0"
          digest: sha256:1111111111111111111111111111111111111111111111111111111111111111
        - name: ghcr.io/x/frontend
          newTag: 2.0.0
        - name: ghcr.io/x/mcp
          newTag: 0.9.0
        """);
    Files.writeString(prod.resolve("kustomization.yaml"), """
        # prod overlay
        namespace: todo-prod   # keep me
        images:
          # the API
          - name: ghcr.io/x/backend
            newTag: "1.4.0"   # pinned
            digest: sha256:0000000000000000000000000000000000000000000000000000000000000000
          - name: ghcr.io/x/frontend
            newTag: 1.9.0
            digest: sha256:2222222222222222222222222222222222222222222222222222222222222222
        replicas:
        - name: backend
          count: 3
        """);
  }

  @Test
  void editsInPlaceKeepingCommentsAndOrder() throws Exception {
    CliRunner.Result r = CliRunner.run("promote", "--no-validate", dev.toString(), prod.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(prod.resolve("kustomization.yaml"))).isEqualTo("""
        # prod overlay
        namespace: todo-prod   # keep me
        images:
          # the API
          - name: ghcr.io/x/backend
            newTag: 1.5.0   # pinned
            digest: sha256:1111111111111111111111111111111111111111111111111111111111111111
          - name: ghcr.io/x/frontend
            newTag: 2.0.0
          - name: ghcr.io/x/mcp
            newTag: 0.9.0
        replicas:
        - name: backend
          count: 3
        """);
    assertThat(r.out()).contains("ghcr.io/x/backend: ghcr.io/x/backend:1.4.0@sha256:0000")
        .contains("ghcr.io/x/mcp: (not set) -> ghcr.io/x/mcp:0.9.0");
    assertThat(r.err()).contains("warning: ghcr.io/x/frontend").contains("digest");
  }

  @Test
  void dryRunPrintsADiffAndWritesNothing() throws Exception {
    String before = Files.readString(prod.resolve("kustomization.yaml"));
    CliRunner.Result r = CliRunner.run("promote", "--dry-run", dev.toString(), prod.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("-    newTag: \"1.4.0\"   # pinned").contains("+    newTag: 1.5.0   # pinned");
    assertThat(Files.readString(prod.resolve("kustomization.yaml"))).isEqualTo(before);
  }

  @Test
  void nothingToPromoteIsOk() {
    CliRunner.Result r = CliRunner.run("promote", "--no-validate", dev.toString(), dev.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("nothing to promote");
  }

  @Test
  void createsTheImagesFieldWhenMissing() throws Exception {
    Files.writeString(prod.resolve("kustomization.yaml"), "namespace: p\n");
    CliRunner.Result r = CliRunner.run("promote", "--no-validate", dev.toString(), prod.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(prod.resolve("kustomization.yaml")))
        .startsWith("namespace: p\nimages:\n- name: ghcr.io/x/backend\n  newTag: 1.5.0\n  digest: sha256:1111");
  }

  @Test
  void missingOverlayIsAUsageError() {
    CliRunner.Result r = CliRunner.run("promote", dev.toString(), dir.resolve("nope").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("nope: error: no such overlay directory");
  }

  @Test
  void flowStyleEntriesFailLoudly() throws Exception {
    Files.writeString(prod.resolve("kustomization.yaml"), "images:\n- {name: ghcr.io/x/backend, newTag: \"1\"}\n");
    CliRunner.Result r = CliRunner.run("promote", "--no-validate", dev.toString(), prod.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("kustomization.yaml:2:3: error: cannot edit this images entry in place");
  }
  @Test
  void digestOptionPinsTheDigestTheSourceLacks() throws Exception {
    String d = "sha256:" + "3".repeat(64);
    CliRunner.Result r = CliRunner.run("promote", "--no-validate", "--digest", "ghcr.io/x/frontend=" + d,
        dev.toString(), prod.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(prod.resolve("kustomization.yaml")))
        .contains("  - name: ghcr.io/x/frontend\n    newTag: 2.0.0\n    digest: " + d + "\n  - name: ghcr.io/x/mcp");
    assertThat(r.err()).doesNotContain("warning");
    assertThat(r.out()).contains("ghcr.io/x/frontend:2.0.0@" + d);
  }

  @Test
  void digestOptionRejectsUnknownImagesAndBadDigests() throws Exception {
    String before = Files.readString(prod.resolve("kustomization.yaml"));
    CliRunner.Result unknown = CliRunner.run("promote", "--digest", "ghcr.io/x/nope=sha256:" + "3".repeat(64),
        dev.toString(), prod.toString());
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("error: --digest ghcr.io/x/nope:").contains("has no images entry").doesNotContain("Exception");
    CliRunner.Result bad = CliRunner.run("promote", "--digest", "ghcr.io/x/frontend=sha256:XYZ", dev.toString(), prod.toString());
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("expected sha256: and 64 lowercase hex digits");
    assertThat(Files.readString(prod.resolve("kustomization.yaml"))).isEqualTo(before);
  }
}
