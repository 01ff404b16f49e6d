package io.todo.validator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Target;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Configuration and waivers, one directory per case under {@code policy-config-cases/}:
 * {@code policies/} (policies.yaml, waivers.yaml), {@code resources.yaml} whose header names the
 * {@code # environment:} and the {@code # rules:} compared, and either {@code expected.txt} (those
 * rules' findings as {@code file:line:col severity [RULE] subject}) or {@code expected-error.txt}
 * (the input diagnostics). Today is 2026-06-01.
 */
class PolicyConfigCasesTest {
  static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

  @TestFactory
  Stream<DynamicTest> cases() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/policy-config-cases").toURI());
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream()
          .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }
  }

  private static void run(Path dir) throws IOException {
    Path file = dir.resolve("resources.yaml");
    List<String> header = Files.readAllLines(file).stream().takeWhile(l -> l.startsWith("#")).toList();
    String env = value(header, "environment");
    List<String> rules = Arrays.stream(value(header, "rules").split(",")).map(String::trim).toList();
    Path expectedError = dir.resolve("expected-error.txt");
    if (Files.exists(expectedError)) {
      assertThatThrownBy(() -> stage(dir).check(new Target(file, "resources.yaml", env, null), resources(file)))
          .isInstanceOf(ValidatorException.class)
          .satisfies(e -> assertThat(((ValidatorException) e).diagnostic()).isEqualTo(expected(expectedError)));
      return;
    }
    String actual = stage(dir).check(new Target(file, "resources.yaml", env, null), resources(file)).stream()
        .filter(f -> rules.contains(f.ruleId()))
        .sorted(Finding.ORDER)
        .map(f -> f.location() + " " + f.severity().name().toLowerCase(Locale.ROOT) + " [" + f.ruleId() + "] " + f.subject())
        .collect(Collectors.joining("\n"));
    assertThat(actual).isEqualTo(expected(dir.resolve("expected.txt")));
  }

  private static PolicyStage stage(Path dir) {
    Path policies = dir.resolve("policies");
    return new PolicyStage(Catalogue.builtin(), PolicyConfig.load(policies, "policies"), Waivers.load(policies, "policies"), null, TODAY);
  }

  private static List<Resource> resources(Path file) {
    return new Manifests().readFile(file, "resources.yaml");
  }

  private static String value(List<String> header, String key) {
    return header.stream().filter(l -> l.startsWith("# " + key + ": "))
        .map(l -> l.substring(("# " + key + ": ").length()).trim()).findFirst().orElse(null);
  }

  private static String expected(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.joining("\n"));
  }
}
