package io.todo.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.model.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @Test
  void helpListsCommandsAndExitCodes() {
    CliRunner.Result r = CliRunner.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("validate", "render", "Exit codes");
  }

  @Test
  void versionNamesKubernetesVersions() {
    CliRunner.Result r = CliRunner.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("1.30", "1.36");
  }

  @Test
  void bareStdinArgumentMeansValidate() {
    CliRunner.Result r = CliRunner.runWithStdin("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n", "-");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("1 resources");
  }

  @Test
  void badYamlIsALocatedUsageError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "a: b\nc: [\n");
    CliRunner.Result r = CliRunner.run(f.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("bad.yaml:").contains("error: invalid YAML").doesNotContain("Exception");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRunner.Result r = CliRunner.run("validate", "--no-such-option");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Unknown option");
  }

  @Test
  void missingPathIsAUsageError(@TempDir Path dir) {
    CliRunner.Result r = CliRunner.run(dir.resolve("nope.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("nope.yaml: error: no such file or directory");
  }
}
