package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential corpus: every case under render-cases/ is rendered and compared byte for byte
 * with what the real kustomize printed (render-expected/, written by tools/scripts/render-corpus.sh).
 * A case kustomize rejects must be rejected too.
 */
class RenderCorpusTest {
  static final Path RESOURCES = Path.of("src/test/resources");

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    Path cases = RESOURCES.resolve("render-cases");
    Path expected = RESOURCES.resolve("render-expected");
    assertThat(cases).as("the corpus").isDirectory();
    return Files.list(cases).filter(Files::isDirectory).sorted().map(dir -> {
      String name = dir.getFileName().toString();
      return DynamicTest.dynamicTest(name, () -> {
        Path yaml = expected.resolve(name + ".yaml");
        Path err = expected.resolve(name + ".err");
        if (Files.exists(yaml)) {
          String want = Files.readString(yaml, StandardCharsets.UTF_8);
          assertThat(new Renderer().renderYaml(dir, name)).isEqualTo(want);
        } else {
          assertThat(err).as("expected output of " + name).exists();
          assertThatThrownBy(() -> new Renderer().renderYaml(dir, name))
              .as("kustomize fails with: " + Files.readString(err))
              .isInstanceOf(ValidatorException.class);
        }
      });
    });
  }
}
