package io.todo.validator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.model.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CelCacheTest {
  @TempDir Path dir;

  private static final String EXPR = "object.spec.replicas >= 2";

  private static Object eval(CelEnvironment.Expression e, int replicas) throws Exception {
    return e.eval(Map.of("object", Map.of("spec", Map.of("replicas", (long) replicas))));
  }

  @Test
  void aCompiledExpressionIsPlannedFromTheCacheNextTime() throws Exception {
    CelCache cache = new CelCache(dir, "build-1");
    CelEnvironment env = CelEnvironment.get();
    assertThat(eval(env.compile(EXPR, Location.of("t"), "f", cache), 1)).isEqualTo(false);
    assertThat(cache.load(EXPR)).isNotNull();
    CelEnvironment.Expression again = env.compile(EXPR, Location.of("t"), "f", cache);
    assertThat(eval(again, 3)).isEqualTo(true);
    assertThat(new CelCache(dir, "build-2").load(EXPR)).as("another build never reads it").isNull();
  }

  @Test
  void damagedOrForeignEntriesAreIgnored() throws Exception {
    CelCache cache = new CelCache(dir, "b");
    CelEnvironment env = CelEnvironment.get();
    env.compile(EXPR, Location.of("t"), "f", cache);
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.toList();
    }
    assertThat(entries).hasSize(1);
    Path entry = entries.get(0);
    // an entry that names another expression (a hash collision, or a copied file) is not used
    CelCache other = new CelCache(dir, "b");
    env.compile("1 == 1", Location.of("t"), "f", other);
    Path otherEntry;
    try (Stream<Path> s = Files.list(dir)) {
      otherEntry = s.filter(p -> !p.equals(entry)).findFirst().orElseThrow();
    }
    Files.copy(otherEntry, entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(cache.load(EXPR)).isNull();
    // truncated and garbage entries too; the expression still compiles from its source
    Files.write(entry, new byte[] {0, 0, 0, 9, 'x'});
    assertThat(cache.load(EXPR)).isNull();
    Files.write(entry, new byte[0]);
    assertThat(cache.load(EXPR)).isNull();
    assertThat(eval(env.compile(EXPR, Location.of("t"), "f", cache), 2)).isEqualTo(true);
  }

  @Test
  void anUnwritableCacheIsNotUsed() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    CelCache cache = new CelCache(file.resolve("cel"), "b");
    CelEnvironment.Expression e = CelEnvironment.get().compile(EXPR, Location.of("t"), "f", cache);
    assertThat(eval(e, 2)).isEqualTo(true);
    assertThat(cache.load(EXPR)).isNull();
  }
}
