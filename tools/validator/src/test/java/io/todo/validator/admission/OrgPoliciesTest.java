package io.todo.validator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The policies the repository ships in policies/admission admit good workloads and deny bad ones. */
class OrgPoliciesTest {
  private static final Path ROOT = Path.of(System.getProperty("validator.repo.root", "../.."));
  private static final Path CASES = Path.of("src/test/resources/admission-org");

  private static String check(String file) throws Exception {
    List<Resource> resources = new Manifests().readFile(CASES.resolve(file), file);
    AdmissionStage stage = new AdmissionStage(ROOT.resolve("policies/admission"), "policies/admission");
    return stage.check(new Target(CASES.resolve(file), file, "prod", null), resources).stream()
        .sorted(Finding.ORDER)
        .map(f -> f.location() + ": " + f.severity().name().toLowerCase(Locale.ROOT) + ": [" + f.ruleId() + "] " + f.subject())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void admitsGoodWorkloads() throws Exception {
    assertThat(check("good.yaml")).isEmpty();
  }

  @Test
  void deniesBadWorkloads() throws Exception {
    assertThat(check("bad.yaml")).isEqualTo(Files.readString(CASES.resolve("bad-expected.txt")).strip());
  }
}
