package io.todo.validator.seal;

import io.todo.validator.render.GoYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.todo.validator.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hermetic format check: for every Secret in seal/format, our YAML and JSON output equals what
 * kubeseal v0.36.6 printed (seal/format-expected, recorded with ciphertexts masked). The live
 * comparison is in {@link KubesealInteropTest}.
 */
class SealedSecretWriterTest {
  @TempDir static Path dir;
  static Path cert;

  @BeforeAll
  static void keys() throws IOException {
    cert = TestKeys.generate(2048).writeCert(dir, "cert.pem");
  }

  @TestFactory
  Stream<DynamicTest> sameAsRecordedKubesealOutput() throws IOException {
    List<Path> inputs;
    try (Stream<Path> s = Files.list(KubesealInteropTest.FORMAT_DIR)) {
      inputs = s.sorted().toList();
    }
    return inputs.stream().flatMap(in -> Stream.of("yaml", "json").map(fmt -> dynamicTest(in.getFileName() + " -o " + fmt, () -> {
      Path expected = Path.of("src/test/resources/seal/format-expected", in.getFileName() + "." + fmt);
      CliRunner.Result o = CliRunner.run("seal", "--cert", cert.toString(), "-f", in.toAbsolutePath().toString(), "-o", fmt);
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(KubesealInteropTest.masked(o.out())).isEqualTo(Files.readString(expected));
    })));
  }

  @Test
  void goYamlKeyOrderAndQuoting() {
    assertThat(List.of("a10", "a9", "B", "b", "_x", "1x", "a", "a0", "a01").stream().sorted(GoYaml::compareKeys).toList())
        .containsExactly("_x", "1x", "B", "a", "a0", "a01", "a9", "a10", "b");
    for (String s : List.of("yes", "No", "on", "~", "null", "1", "0x1F", "1e3", ".5", "1_000", "1:20", "-.inf", "08", "+1")) {
      assertThat(GoYaml.resolvesToNonString(s)).as(s).isTrue();
    }
    for (String s : List.of("x", "1x", "x:y", "v1.2.3", "-", "1.2.3", "0.0.0.0")) {
      assertThat(GoYaml.resolvesToNonString(s)).as(s).isFalse();
    }
  }

  @Test
  void goJsonEscapesLikeGo() {
    var n = SealedSecretWriter.F.objectNode().put("k", "<a href=\"x\">&\u2028\u0001\t</a>");
    assertThat(SealedSecretWriter.json(n, java.util.Set.of())).isEqualTo("{\n  \"k\": \"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u2028\\u0001\\t\\u003c/a\\u003e\"\n}\n");
  }
}
