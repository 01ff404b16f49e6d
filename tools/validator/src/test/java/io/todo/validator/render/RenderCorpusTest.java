package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential corpus: every case under render-cases/ is rendered and compared byte for byte
 * with what the real kustomize printed (render-expected/, written by tools/scripts/render-corpus.sh).
 * A case kustomize rejects must be rejected too, with kustomize's text where the case names it
 * (expect-message).
 */
class RenderCorpusTest {
  static final Path RESOURCES = Path.of("src/test/resources");
  static final String EXPECT_MESSAGE = "expect-message";

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    Path cases = RESOURCES.resolve("render-cases");
    Path expected = RESOURCES.resolve("render-expected");
    assertThat(cases).as("the corpus").isDirectory();
    return Files.list(cases).filter(Files::isDirectory).sorted().map(dir -> {
      String name = dir.getFileName().toString();
      return DynamicTest.dynamicTest(name, () -> {
        Renderer renderer = new Renderer();
        if (name.startsWith("helm-")) {
          HelmSettings helm = helmForCorpus();
          if (helm == null && "1".equals(System.getenv("VALIDATOR_PEERS_REQUIRED"))) {
            fail("helm not found on PATH or in <repo>/.tools/bin and VALIDATOR_PEERS_REQUIRED=1:"
                + " run tools/scripts/install-peers.sh helm");
          }
          assumeTrue(helm != null, "helm is not installed (tools/scripts/install-peers.sh helm)");
          renderer = new Renderer(helm);
        }
        Path yaml = expected.resolve(name + ".yaml");
        Path err = expected.resolve(name + ".err");
        if (Files.exists(yaml)) {
          assertThat(dir.resolve(EXPECT_MESSAGE)).as("kustomize builds " + name + ": no message to expect")
              .doesNotExist();
          String want = Files.readString(yaml, StandardCharsets.UTF_8);
          assertThat(renderer.renderYaml(dir, name)).isEqualTo(want);
        } else {
          assertThat(err).as("expected output of " + name).exists();
          String kustomize = Files.readString(err, StandardCharsets.UTF_8);
          List<String> fragments = expectedFragments(dir);
          for (String f : fragments) {
            assertThat(kustomize).as(EXPECT_MESSAGE + " of " + name + " is kustomize's own text").contains(f);
          }
          Renderer r = renderer;
          assertThatThrownBy(() -> r.renderYaml(dir, name))
              .as("kustomize fails with: " + kustomize)
              .isInstanceOf(ValidatorException.class)
              .satisfies(e -> {
                for (String f : fragments) {
                  assertThat(e.getMessage()).as("our message for " + name + " carries kustomize's text").contains(f);
                }
              });
        }
      });
    });
  }

  /**
   * An err case may name, one per line in render-cases/&lt;case&gt;/expect-message, fragments of
   * kustomize's message (its .err file must contain each) that our message must contain too.
   */
  static List<String> expectedFragments(Path dir) throws IOException {
    Path f = dir.resolve(EXPECT_MESSAGE);
    if (!Files.exists(f)) {
      return List.of();
    }
    return Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
  }

  /**
   * helm-* cases run as render-corpus.sh runs kustomize: with the project's helm (.tools/bin, else
   * helm on PATH), no kubeconfig and no HELM_NAMESPACE. Null when there is no helm; CI installs it.
   */
  static HelmSettings helmForCorpus() {
    Path local = Path.of("../../.tools/bin/helm").toAbsolutePath().normalize();
    String command = Files.isExecutable(local) ? local.toString() : HelmSettings.onPath("helm", System.getenv("PATH"));
    if (command == null) {
      return null;
    }
    return new HelmSettings(command, "", List.of(), null,
        Map.of("KUBECONFIG", "/dev/null", "HELM_NAMESPACE", "", "HELM_KUBECONTEXT", ""));
  }
}
