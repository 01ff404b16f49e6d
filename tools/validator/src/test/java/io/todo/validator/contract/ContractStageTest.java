package io.todo.validator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Data-driven: each folder under src/test/resources/contract/cases holds manifests.yaml (a rendered
 * overlay), environment.txt and expected.txt (the findings against contract.yaml, one per line).
 */
class ContractStageTest {
  private static final Path DIR = Path.of("src/test/resources/contract");

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    ServiceContract contract = ServiceContract.read(DIR.resolve("contract.yaml"), "contract.yaml");
    ContractStage stage = new ContractStage(contract);
    List<Path> cases;
    try (Stream<Path> s = Files.list(DIR.resolve("cases"))) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    return cases.stream().map(c -> dynamicTest(c.getFileName().toString(), () -> {
      String name = c.getFileName() + "/manifests.yaml";
      List<Resource> resources = new Manifests().readFile(c.resolve("manifests.yaml"), name);
      String env = Files.readString(c.resolve("environment.txt")).strip();
      String actual = format(stage.check(new Target(c, name, env, null), resources));
      assertThat(actual).isEqualTo(Files.readString(c.resolve("expected.txt")).strip());
      assertThat(actual).doesNotContain("hunter2"); // a literal secret value is never repeated
    }));
  }

  static String format(List<Finding> findings) {
    return findings.stream()
        .sorted(Finding.ORDER)
        .map(f -> f.location() + ": " + f.severity().name().toLowerCase(Locale.ROOT) + ": [" + f.ruleId() + "] " + f.subject())
        .collect(Collectors.joining("\n"));
  }
}
