package io.todo.validator.admission.cel;

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
    // the same expression checked by another build: the entry names its build, and is not used
    Path otherBuild = dir.resolve("other-build");
    env.compile(EXPR, Location.of("t"), "f", new CelCache(otherBuild, "b2"));
    try (Stream<Path> s = Files.list(otherBuild)) {
      Files.copy(s.findFirst().orElseThrow(), entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(cache.load(EXPR)).isNull();
    // truncated and garbage entries too; the expression still compiles from its source
    Files.write(entry, new byte[] {0, 0, 0, 9, 'x'});
    assertThat(cache.load(EXPR)).isNull();
    Files.write(entry, new byte[0]);
    assertThat(cache.load(EXPR)).isNull();
    assertThat(eval(env.compile(EXPR, Location.of("t"), "f", cache), 2)).isEqualTo(true);
  }

  @Test
  void anExpressionKubernetesRejectsIsNeitherCompiledNorCached() {
    CelCache cache = new CelCache(dir, "b");
    String mixed = "[1, 'a'].size() == 2";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CelEnvironment.get().compile(mixed, Location.of("t"), "f", cache))
        .hasMessageContaining("f: compilation failed: expected type 'int' but found 'string' (at column 5)");
    assertThat(cache.load(mixed)).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CelEnvironment.get().compile("'%d'.format([1.5])", Location.of("t"), "f", cache))
        .hasMessageContaining("decimal clause can only be used on integers, was given double (at column 14)");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CelEnvironment.get().compile("duration('1x') > duration('1s')", Location.of("t"), "f", cache))
        .hasMessageContaining("invalid duration argument (at column 10)");
  }

  @Test
  void anUnwritableCacheIsNotUsed() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    CelCache cache = new CelCache(file.resolve("cel"), "b");
    CelEnvironment.Expression e = CelEnvironment.get().compile(EXPR, Location.of("t"), "f", cache);
    assertThat(eval(e, 2)).isEqualTo(true);
    assertThat(cache.load(EXPR)).isNull();
  }

  @Test
  void theCacheIsBoundedOldestEntriesGoFirst() throws Exception {
    // entries of earlier builds (of versions before 3, .pb) and edited expressions, oldest first
    long now = System.currentTimeMillis();
    for (int i = 0; i < CelCache.MAX_ENTRIES; i++) {
      Path old = Files.writeString(dir.resolve(String.format("%064d.pb", i)), "stale");
      Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(now - 1_000_000L + i));
    }
    Path unrelated = Files.writeString(dir.resolve("notes.txt"), "not an entry");
    CelCache cache = new CelCache(dir, "b");
    CelEnvironment env = CelEnvironment.get();
    env.compile(EXPR, Location.of("t"), "f", cache);
    List<String> left;
    try (Stream<Path> s = Files.list(dir)) {
      left = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pb") || n.endsWith(".ast")).sorted().toList();
    }
    assertThat(left).hasSize(CelCache.KEEP_AFTER_PRUNE);
    assertThat(cache.load(EXPR)).as("the entry just stored is kept").isNotNull();
    assertThat(left).doesNotContain(String.format("%064d.pb", 0))
        .contains(String.format("%064d.pb", CelCache.MAX_ENTRIES - 1));
    assertThat(unrelated).as("only entries are pruned").exists();
  }

  @Test
  void aCacheUnderTheBoundIsLeftAlone() throws Exception {
    for (int i = 0; i < 10; i++) {
      Files.writeString(dir.resolve(String.format("%064d.pb", i)), "stale");
    }
    CelEnvironment.get().compile(EXPR, Location.of("t"), "f", new CelCache(dir, "b"));
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.count()).isEqualTo(11);
    }
  }
}
