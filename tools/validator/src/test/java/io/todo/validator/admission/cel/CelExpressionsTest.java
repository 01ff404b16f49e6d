package io.todo.validator.admission.cel;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One line per library function in {@code admission-cel/*.txt}: {@code expression => true},
 * {@code => error: substring} (evaluation error) or {@code => compile: substring}.
 */
class CelExpressionsTest {

  @TempDir static Path cacheDir;

  @TestFactory
  Stream<DynamicTest> expressions() throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource("/admission-cel").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    return files.stream().flatMap(f -> {
      try {
        return Files.readAllLines(f).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .map(l -> DynamicTest.dynamicTest(f.getFileName() + ": " + l, () -> {
              check(l, null, false);
              // the same expression compiled into the on-disk cache, then planned from the cached AST
              CelCache cache = new CelCache(cacheDir, "test");
              check(l, cache, false);
              boolean compiles = !l.substring(l.lastIndexOf(" => ") + 4).trim().startsWith("compile:");
              assertThat(cache.load(l.substring(0, l.lastIndexOf(" => ")).trim()) != null)
                  .as("cached").isEqualTo(compiles);
              // and on a runtime narrowed to the standard functions the expression calls
              check(l, cache, true);
            }));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void check(String line, CelCache cache, boolean narrowed) throws Exception {
    int arrow = line.lastIndexOf(" => ");
    String expr = line.substring(0, arrow).trim();
    String expected = line.substring(arrow + 4).trim();
    CelEnvironment.Expression e;
    try {
      e = CelEnvironment.get().compile(expr, Location.of("t"), "expr", cache);
    } catch (ValidatorException x) {
      assertThat(expected).as(x.getMessage()).startsWith("compile:");
      assertThat(x.getMessage()).contains(expected.substring("compile:".length()).trim());
      return;
    }
    if (narrowed) {
      CelEnvironment.get().plan(List.of(e));
    }
    Map<String, Object> act = new HashMap<>();
    act.put("object", Map.of("metadata", Map.of("name", "web")));
    if (expected.startsWith("error:")) {
      try {
        Object v = e.eval(act);
        throw new AssertionError("expected an evaluation error, got " + v);
      } catch (dev.cel.runtime.CelEvaluationException x) {
        assertThat(x.getMessage()).contains(expected.substring("error:".length()).trim());
      }
      return;
    }
    assertThat(expected).isEqualTo("true");
    assertThat(e.eval(act)).isEqualTo(Boolean.TRUE);
  }
}
