package io.todo.validator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.todo.validator.cli.CliRunner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of bad inputs under src/test/resources/bad-inputs: each case is a directory with a
 * {@code case.yaml} and the input files. Every case must fail cleanly: the expected code, located
 * errors, no stack trace, no secret value in any output.
 *
 * <p>A case runs in a copy under a temporary directory, {@code <tmp>/case}, so that no
 * validator.yaml of this repository is found above it and so that it can set up what test
 * resources cannot hold. {@code case.yaml} fields:
 *
 * <ul>
 *   <li>{@code args}, {@code stdin}, {@code exit} (default 2), {@code stderr} (substrings, usually
 *       {@code file:line:col: error: ...}), {@code stdout} (substrings: findings, for the few cases
 *       that are findings rather than input errors), {@code secrets} (strings no output may contain);
 *   <li>{@code repository}: true makes the case directory a repository root (a {@code .git}
 *       directory), the boundary kustomization directories must stay in;
 *   <li>{@code symlinks}: link path (in the case) to target, created as given;
 *   <li>{@code generate}: files built at run time ({@code path}, {@code head}, {@code repeat},
 *       {@code times}, {@code tail}) for inputs too big to commit.
 * </ul>
 *
 * <p>{@code <tmp>/outside/} always exists next to the case: a kustomization and its
 * {@code secret.yaml} outside the kustomization root and the repository, whose content
 * ({@link #OUTSIDE_SECRET}) must never be read into any output. {@code @OUTSIDE@} in case files and args is replaced by its directory.
 */
class BadInputCorpusTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String OUTSIDE_SECRET = "outside-secret-c2VjcmV0LXZhbHVl";

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyBadInputFailsCleanly() throws IOException, URISyntaxException {
    Path root = Path.of(BadInputCorpusTest.class.getResource("/bad-inputs").toURI());
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(root)) {
      cases = dirs.filter(d -> Files.isRegularFile(d.resolve("case.yaml"))).sorted().toList();
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(45);
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private void check(Path source) throws IOException {
    JsonNode spec = YAML.readTree(source.resolve("case.yaml").toFile());
    Path base = Files.createDirectories(tmp.resolve(source.getFileName().toString()));
    Path outside = Files.createDirectories(base.resolve("outside"));
    Files.writeString(outside.resolve("secret.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: outside\n"
        + "data:\n  token: " + OUTSIDE_SECRET + "\n");
    Files.writeString(outside.resolve("kustomization.yaml"), "resources:\n- secret.yaml\n");
    Path dir = base.resolve("case");
    copy(source, dir, outside.toString());
    if (spec.path("repository").asBoolean(false)) {
      Files.createDirectories(dir.resolve(".git"));
    }
    for (var link : iterable(spec.path("symlinks").fields())) {
      Path at = dir.resolve(link.getKey());
      Files.createDirectories(at.getParent());
      Files.createSymbolicLink(at, Path.of(link.getValue().asText().replace("@OUTSIDE@", outside.toString())));
    }
    for (JsonNode g : spec.path("generate")) {
      StringBuilder sb = new StringBuilder(g.path("head").asText(""));
      String repeat = g.path("repeat").asText("");
      for (int i = 0; i < g.path("times").asInt(0); i++) {
        sb.append(repeat.replace("@N@", Integer.toString(i)));
      }
      sb.append(g.path("tail").asText(""));
      Path file = dir.resolve(g.path("path").asText());
      Files.createDirectories(file.getParent());
      Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
    List<String> args = new ArrayList<>();
    spec.path("args").forEach(a -> args.add(a.asText().replace("@OUTSIDE@", outside.toString())));
    String stdin = spec.path("stdin").asText("");
    CliRunner.Result r = CliRunner.runIn(dir, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        args.toArray(String[]::new));
    String all = r.out() + r.err();
    assertThat(r.exitCode()).as("exit code; stderr:\n" + r.err()).isEqualTo(spec.path("exit").asInt(2));
    for (JsonNode line : spec.path("stderr")) {
      assertThat(r.err()).as("stderr").contains(line.asText().replace("@OUTSIDE@", outside.toString()));
    }
    for (JsonNode line : spec.path("stdout")) {
      assertThat(r.out()).as("stdout").contains(line.asText());
    }
    assertThat(all).as("no stack trace").doesNotContain("\tat ", "Exception in thread", "java.lang.", "picocli.",
        "internal error");
    assertThat(all).as("content read from outside the repository").doesNotContain(OUTSIDE_SECRET);
    for (JsonNode secret : spec.path("secrets")) {
      assertThat(all).as("secret value printed").doesNotContain(secret.asText());
    }
  }

  /** Copies the case's files (not case.yaml), replacing @OUTSIDE@ in their text. */
  private static void copy(Path from, Path to, String outside) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (!f.equals(from.resolve("case.yaml"))) {
          byte[] bytes = Files.readAllBytes(f);
          String text = new String(bytes, StandardCharsets.ISO_8859_1);
          if (text.contains("@OUTSIDE@")) {
            bytes = text.replace("@OUTSIDE@", outside).getBytes(StandardCharsets.ISO_8859_1);
          }
          Files.write(target, bytes);
        }
      }
    }
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }
}
