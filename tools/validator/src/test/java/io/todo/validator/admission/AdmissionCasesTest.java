package io.todo.validator.admission;

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
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every directory under {@code admission-cases/}: {@code admission/} (policies, bindings, params),
 * {@code resources.yaml} (the rendered output) and either {@code expected.txt} (the findings, one
 * per line as the text reporter prints them; resources not named are admitted) or
 * {@code expected-error.txt} (the diagnostics of a policy that cannot be loaded).
 */
class AdmissionCasesTest {

  @TestFactory
  Stream<DynamicTest> cases() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/admission-cases").toURI());
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream()
          .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }
  }

  private static void run(Path dir) throws IOException {
    Path resourcesFile = dir.resolve("resources.yaml");
    List<Resource> resources = new Manifests().readFile(resourcesFile, "resources.yaml");
    AdmissionStage stage = new AdmissionStage(dir.resolve("admission"), "admission");
    Target target = new Target(resourcesFile, "resources.yaml", null, null);
    Path expectedError = dir.resolve("expected-error.txt");
    if (Files.exists(expectedError)) {
      assertThatThrownBy(() -> stage.check(target, resources))
          .isInstanceOf(ValidatorException.class)
          .satisfies(e -> assertThat(((ValidatorException) e).all().stream()
                  .map(ValidatorException::diagnostic).collect(Collectors.joining("\n")))
              .isEqualTo(expected(expectedError)));
      return;
    }
    String actual = stage.check(target, resources).stream()
        .sorted(Finding.ORDER)
        .map(f -> f.location() + ": " + f.severity().name().toLowerCase(java.util.Locale.ROOT)
            + ": [" + f.ruleId() + "] " + f.subject())
        .collect(Collectors.joining("\n"));
    if ("1".equals(System.getenv("ADMISSION_CASES_WRITE"))) { // writes the findings of a new case (then review them)
      Path src = Path.of("src/test/resources/admission-cases", dir.getFileName().toString(), "expected.txt");
      String comments = Files.exists(src) ? Files.readAllLines(src).stream().filter(l -> l.startsWith("#"))
          .map(l -> l + "\n").collect(Collectors.joining()) : "";
      Files.writeString(src, comments + actual + "\n");
      org.assertj.core.api.Assertions.fail("wrote " + src + ": review it, then run again without ADMISSION_CASES_WRITE");
    }
    assertThat(actual).isEqualTo(expected(dir.resolve("expected.txt")));
  }

  /** The expected file without comment lines (# ...) and blank lines. */
  private static String expected(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .collect(Collectors.joining("\n"));
  }
}
