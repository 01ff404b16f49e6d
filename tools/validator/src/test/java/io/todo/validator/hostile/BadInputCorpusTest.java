package io.todo.validator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.todo.validator.cli.CliRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of bad inputs under src/test/resources/bad-inputs: each case is a directory with a
 * {@code case.yaml} (args, exit code, the error lines stderr must contain, secrets that must never
 * be printed) and the input files. Every case must fail cleanly: the expected code, located
 * errors, no stack trace, no secret value in any output.
 */
class BadInputCorpusTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TestFactory
  Stream<DynamicTest> everyBadInputFailsCleanly() throws IOException, URISyntaxException {
    Path root = Path.of(BadInputCorpusTest.class.getResource("/bad-inputs").toURI());
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(root)) {
      cases = dirs.filter(d -> Files.isRegularFile(d.resolve("case.yaml"))).sorted().toList();
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    JsonNode spec = YAML.readTree(dir.resolve("case.yaml").toFile());
    List<String> args = new ArrayList<>();
    spec.path("args").forEach(a -> args.add(a.asText()));
    String stdin = spec.path("stdin").asText("");
    CliRunner.Result r = CliRunner.runIn(dir, new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        args.toArray(String[]::new));
    String all = r.out() + r.err();
    assertThat(r.exitCode()).as("exit code; stderr:\n" + r.err()).isEqualTo(spec.path("exit").asInt(2));
    for (JsonNode line : spec.path("stderr")) {
      assertThat(r.err()).as("stderr").contains(line.asText());
    }
    assertThat(all).as("no stack trace").doesNotContain("\tat ", "Exception in thread", "java.lang.", "picocli.");
    for (JsonNode secret : spec.path("secrets")) {
      assertThat(all).as("secret value printed").doesNotContain(secret.asText());
    }
  }
}
