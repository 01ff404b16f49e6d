package io.todo.validator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every corpus file under every supported Kubernetes version. */
class SchemaCasesTest {

  @TestFactory
  Stream<DynamicContainer> corpus() throws Exception {
    List<DynamicContainer> versions = new ArrayList<>();
    for (String version : SchemaBundle.builtin().kubernetesVersions()) {
      List<DynamicTest> tests = new ArrayList<>();
      for (SchemaCases c : SchemaCases.all()) {
        tests.add(DynamicTest.dynamicTest(c.name(), () -> run(c, version)));
      }
      versions.add(DynamicContainer.dynamicContainer(version, tests));
    }
    return versions.stream();
  }

  private static void run(SchemaCases c, String version) {
    List<String> actual = findings(c, version).stream()
        .map(f -> f.location().line() + ":" + f.location().column() + " " + f.subject())
        .toList();
    assertThat(actual).containsExactlyElementsOf(c.expected(version));
  }

  static List<Finding> findings(SchemaCases c, String version) {
    List<Resource> resources = Manifests.asApplied().readFile(c.file(), c.name());
    SchemaOptions options = new SchemaOptions(c.strict(), Set.of(), Set.of(), List.of(), List.of(), false, Path.of("."));
    return new SchemaStage(options).check(new Target(c.file(), c.name(), null, version), resources).stream()
        .sorted(Finding.ORDER)
        .toList();
  }
}
