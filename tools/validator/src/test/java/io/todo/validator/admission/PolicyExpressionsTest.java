package io.todo.validator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.admission.cel.CelEnvironment;
import io.todo.validator.load.Manifests;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyParser#expressions} (what is compiled ahead, on every core) names every expression
 * {@link PolicyParser#policy} compiles, on every policy of the admission cases and the shipped ones:
 * a field the parser learns and the list misses would quietly compile in turn again.
 */
class PolicyExpressionsTest {
  private static final Path ROOT = Path.of(System.getProperty("validator.repo.root", "../.."));

  @Test
  void theExpressionsCompiledAheadAreAllThePolicyCompiles() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Stream.concat(Files.walk(Path.of("src/test/resources/admission-cases")),
        Files.walk(ROOT.resolve("policies/admission")))) {
      files = s.filter(f -> f.toString().endsWith(".yaml") && f.getParent().getFileName().toString().equals("admission"))
          .sorted().toList();
    }
    int policies = 0;
    for (Path f : files) {
      for (Resource r : new Manifests().readFile(f, f.toString())) {
        if (!PolicyParser.isPolicy(r)) {
          continue;
        }
        PolicyParser parser = new PolicyParser(CelEnvironment.get());
        try {
          parser.policy(r);
        } catch (ValidatorException e) {
          // a case's broken policy: what it compiled before the error still counts
        }
        assertThat(PolicyParser.expressions(r)).as(f + " " + r.name()).containsAll(parser.compiledSources());
        policies++;
      }
    }
    assertThat(policies).isGreaterThan(15);
  }
}
