package io.todo.validator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.todo.validator.load.Manifests;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.ValidatorException;

/**
 * The YAML loader either returns documents or throws a located {@link ValidatorException}: any
 * other exception, a hang or an out-of-memory is a bug. {@code mvn verify} replays the seed corpus
 * under src/test/resources/io/todo/validator/fuzz/LoaderFuzzTestInputs; {@code JAZZER_FUZZ=1}
 * fuzzes (see docs/hostile-input.md).
 */
class LoaderFuzzTest {
  private static final YamlLimits SMALL = new YamlLimits(1 << 20, 50, 64, 100_000, 1_000);

  @FuzzTest(maxDuration = FuzzDirs.MAX_DURATION)
  void loadsOrFailsCleanly(byte[] input) {
    for (ScalarSchema schema : ScalarSchema.values()) {
      try {
        Manifests.toResources(new YamlLoader(schema, SMALL).load(input, "fuzz.yaml"));
      } catch (ValidatorException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
          throw new AssertionError("error without a message", e);
        }
      }
    }
  }
}
