package io.todo.validator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML's .inf and .nan have no JSON form: kubectl and kubeconform cannot convert such a resource
 * (kubeconform: "json: unsupported value: +Inf"). They once reached networknt's numeric keywords,
 * which threw (an internal error that ended the run); they are a finding at the value.
 */
class NonFiniteNumbersTest {
  @TempDir Path dir;

  @Test
  void aNonFiniteNumberIsAFindingNotACrash() throws Exception {
    Files.writeString(dir.resolve("in.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: todo
        spec:
          containers:
            - name: c
              image: ghcr.io/example/web:1.0.0
              resources:
                limits: {memory: 64Mi, cpu: .inf}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          namespace: todo
          labels: .nan
        """);
    CliRunner.Result r = CliRunner.runIn(dir, "validate", "--kubernetes-version", "1.33", "in.yaml");
    assertThat(r.out())
        .contains("in.yaml:11:32: error: [SCHEMA] Pod/todo/p: spec.containers[0].resources.limits.cpu: .inf is not a number"
            + " JSON can hold; the resource cannot be sent to the API server")
        .contains("in.yaml:18:3: error: [SCHEMA] ConfigMap/todo/c: metadata.labels: .nan is not a number JSON can hold");
    assertThat(r.err()).doesNotContain("internal error");
    assertThat(r.exitCode()).isEqualTo(1);
  }
}
