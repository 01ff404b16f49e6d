package io.todo.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --helm-command, --helm-kube-version and --helm-api-versions reach helm, on render and validate. */
class HelmOptionsTest {
  @TempDir Path tmp;

  @Test
  void optionsReachHelm() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the fake helm is a shell script");
    Path log = tmp.resolve("args");
    Path helm = tmp.resolve("fake-helm");
    Files.writeString(helm, "#!/bin/sh\n"
        + "if [ \"$1\" = version ]; then echo v3.19.0; exit 0; fi\n"
        + "echo \"$@\" > '" + log + "'\n"
        + "printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: from-helm\\n'\n");
    Files.setPosixFilePermissions(helm, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path app = Files.createDirectories(tmp.resolve("app/charts/c"));
    Files.writeString(app.resolve("Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
    Files.writeString(app.resolve("values.yaml"), "a: 1\n");
    Files.writeString(tmp.resolve("app/kustomization.yaml"), "helmCharts:\n- name: c\n  releaseName: r\n");

    CliRunner.Result r = CliRunner.runIn(tmp, "render", "app", "--helm-command", helm.toString(),
        "--helm-kube-version", "1.30.0", "--helm-api-versions", "a/v1,b/v1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-helm\n");
    assertThat(Files.readString(log)).contains("--api-versions a/v1 --api-versions b/v1 --kube-version 1.30.0");

    Files.delete(log);
    r = CliRunner.runIn(tmp, "validate", "app", "--helm-command", helm.toString(), "--helm-kube-version", "1.29.0");
    assertThat(Files.readString(log)).contains("--kube-version 1.29.0");
  }
}
