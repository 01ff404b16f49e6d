package io.todo.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** `kustomize build | java -jar validator.jar -` takes kubeconform's flag spellings where they mean the same. */
class KubeconformFlagsTest {
  static final String STREAM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\n"
      + "apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports:\n  - port: \"eighty\"\n";

  static CliRunner.Result run(String... args) throws Exception {
    return CliRunner.run(new ByteArrayInputStream(STREAM.getBytes(StandardCharsets.UTF_8)), args);
  }

  @Test
  void singleDashFlagsWork() throws Exception {
    CliRunner.Result r = run("-strict", "-summary", "-kubernetes-version", "1.33.0", "-output", "json",
        "-skip", "Secret", "-ignore-missing-schemas", "-");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("\"kubernetesVersion\" : \"1.33\"", "Service/bad");
  }

  @Test
  void rejectTakesKinds() throws Exception {
    CliRunner.Result r = run("-reject", "ConfigMap", "-");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("ConfigMap/ok");
  }
}
