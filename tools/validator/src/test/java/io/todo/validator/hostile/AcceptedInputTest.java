package io.todo.validator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Odd but valid input that kustomize and kubectl accept must not be refused: the other side of the
 * bad-input corpus (a refusal here would be a lie).
 */
class AcceptedInputTest {
  private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\ndata:\n  a: b\n";

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> oddButValidStreams() {
    return Stream.of(
        accepted("bom-at-start", "\uFEFF" + CM.formatted("x"), 1),
        accepted("bom-at-every-document", "\uFEFF" + CM.formatted("x") + "---\n\uFEFF" + CM.formatted("w"), 2),
        accepted("crlf", (CM.formatted("x") + "---\n" + CM.formatted("w")).replace("\n", "\r\n"), 2),
        accepted("empty-documents", "---\n---\n# nothing\n---\n" + CM.formatted("x") + "---\n---\n", 1),
        accepted("only-empty-documents", "---\n---\n# nothing\n---\n", 0),
        accepted("empty-file", "", 0),
        // applied as they are, manifests are read as sigs.k8s.io/yaml reads them: a number key is a string
        accepted("number-key", CM.formatted("x").replace("a: b", "8080: http"), 1),
        // an empty v1 List (items null or absent) holds nothing, as kubectl and kubeconform read it
        accepted("empty-list", "apiVersion: v1\nkind: List\nitems: null\n---\napiVersion: v1\nkind: List\n", 0),
        accepted("json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\"}}", 1),
        accepted("long-line-under-limit", CM.formatted("x").replace("a: b", "a: " + "x".repeat(200_000)), 1));
  }

  private DynamicTest accepted(String name, String content, int resources) {
    return DynamicTest.dynamicTest(name, () -> {
      Path f = tmp.resolve(name + ".yaml");
      Files.writeString(f, content, StandardCharsets.UTF_8);
      CliRunner.Result r = CliRunner.runIn(tmp, "validate", "--summary", f.getFileName().toString());
      assertThat(r.err()).as("stderr").isEmpty();
      assertThat(r.out()).contains(resources + " resource");
      assertThat(r.exitCode()).as(r.out()).isZero();
    });
  }

  static void write(Path p, String s) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }
}
