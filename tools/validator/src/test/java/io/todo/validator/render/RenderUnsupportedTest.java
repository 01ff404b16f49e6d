package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs kustomize accepts but this renderer deliberately refuses (so no differential case can
 * cover them): they must fail loudly with a position, never render something different.
 */
class RenderUnsupportedTest {
  private static final String DEPLOYMENT = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
      + "data:\n  app.yaml: |\n    server:\n      port: 80\n";

  private static void write(Path dir, String kustomization) throws IOException {
    Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
    Files.writeString(dir.resolve("cm.yaml"), DEPLOYMENT);
  }

  @Test
  void transformerAnnotationsFailLoudly(@TempDir Path dir) throws IOException {
    write(dir, "resources:\n- cm.yaml\nbuildMetadata:\n- originAnnotations\n- transformerAnnotations\n");
    assertThatThrownBy(() -> new Renderer().renderYaml(dir, "case"))
        .isInstanceOf(ValidatorException.class)
        .hasMessageContaining("transformerAnnotations is not supported")
        .extracting(e -> ((ValidatorException) e).location().toString()).asString()
        .contains("kustomization.yaml:5:3");
  }

  @Test
  void replacementIntoEmbeddedYamlFailsLoudly(@TempDir Path dir) throws IOException {
    write(dir, "resources:\n- cm.yaml\nreplacements:\n- sourceValue: \"8080\"\n  targets:\n  - select:\n"
        + "      kind: ConfigMap\n    fieldPaths:\n    - data.[app.yaml].server.port\n");
    assertThatThrownBy(() -> new Renderer().renderYaml(dir, "case"))
        .isInstanceOf(ValidatorException.class)
        .hasMessageContaining("embedded YAML is not supported")
        .extracting(e -> ((ValidatorException) e).location().toString()).asString()
        .contains("kustomization.yaml:4:");
  }
}
