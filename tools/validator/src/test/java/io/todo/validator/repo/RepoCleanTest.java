package io.todo.validator.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import io.todo.validator.model.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's overlays pass the validator without a single finding at any severity (a warning
 * nobody fixes becomes noise), and the documented dev → prod promotion works on them.
 */
class RepoCleanTest {
  private static final List<String> IMAGES = List.of("frontend", "backend", "mcp-server");

  @Test
  void everyOverlayHasZeroFindings() {
    CliRunner.Result r = CliRunner.runIn(RepoFixture.ROOT, "validate");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).as(r.out()).contains("3 targets").contains(": 0 errors, 0 warnings, 0 infos");
  }

  /** Regression: from outside the repository the overlays lost their validator.yaml environment. */
  @Test
  void theOverlaysGiveTheSameResultFromAnyWorkingDirectory(@TempDir Path elsewhere) {
    String[] overlays = Stream.of("dev", "minikube", "prod")
        .map(o -> RepoFixture.ROOT.resolve("overlays").resolve(o).toString()).toArray(String[]::new);
    CliRunner.Result r = CliRunner.runIn(elsewhere, Stream.concat(Stream.of("validate"), Stream.of(overlays)).toArray(String[]::new));
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).as(r.out()).contains("3 targets").contains(": 0 errors, 0 warnings, 0 infos");
  }

  @Test
  void prodPassesTheProdProfile() {
    CliRunner.Result r = CliRunner.runIn(RepoFixture.ROOT, "validate", "--environment", "prod", "overlays/prod");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).as(r.out()).contains(": 0 errors, 0 warnings, 0 infos");
  }

  @Test
  void promotionDryRunShowsEveryImageAndWritesNothing() throws IOException {
    Path prod = RepoFixture.ROOT.resolve("overlays/prod/kustomization.yaml");
    String before = Files.readString(prod);
    CliRunner.Result r = CliRunner.runIn(RepoFixture.ROOT, "promote", "--dry-run", "overlays/dev", "overlays/prod");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(prod)).isEqualTo(before);
    if (!r.out().startsWith("nothing to promote")) {
      assertThat(r.out()).contains("--- a/overlays/prod/kustomization.yaml");
    }
  }

  @Test
  void promotionWithDigestsLeavesProdValid(@TempDir Path tmp) throws IOException {
    for (String p : List.of("base", "overlays", "policies", "validator.yaml")) {
      copy(RepoFixture.ROOT.resolve(p), tmp.resolve(p));
    }
    String[] args = Stream.concat(Stream.of("promote", "overlays/dev", "overlays/prod"),
        IMAGES.stream().flatMap(i -> Stream.of("--digest", "ghcr.io/evolution-of-todo/" + i + "=sha256:" + "ab".repeat(32))))
        .toArray(String[]::new);
    CliRunner.Result r = CliRunner.runIn(tmp, args);
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.err()).doesNotContain("warning");
    String prod = Files.readString(tmp.resolve("overlays/prod/kustomization.yaml"));
    String original = Files.readString(RepoFixture.ROOT.resolve("overlays/prod/kustomization.yaml"));
    assertThat(prod).contains("  digest: sha256:" + "ab".repeat(32));
    // only the images entries' newTag and digest lines may differ
    List<String> a = original.lines().filter(l -> !l.matches("\\s*(newTag|digest):.*")).toList();
    List<String> b = prod.lines().filter(l -> !l.matches("\\s*(newTag|digest):.*")).toList();
    assertThat(b).isEqualTo(a);
    assertThat(r.out()).contains(": 0 errors, 0 warnings, 0 infos");
  }

  /** Build output, downloaded tools and private keys never enter the repository (the house rules). */
  @Test
  void theRepositoryHoldsNoBuildOutputToolsOrPrivateKeys() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(RepoFixture.ROOT.resolve(".git")),
        "not a git checkout");
    Process p = new ProcessBuilder("git", "ls-files").directory(RepoFixture.ROOT.toFile()).redirectErrorStream(true).start();
    List<String> files = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    assertThat(p.waitFor()).as(String.join("\n", files)).isZero();
    assertThat(files).hasSizeGreaterThan(100);
    java.util.regex.Pattern forbidden = java.util.regex.Pattern.compile(
        "(^|.*/)(target|__pycache__|\\.tools|node_modules)/.*|.*\\.(class|jar|jsa|pyc|key|p12|jks)|.*private.*\\.pem");
    assertThat(files).filteredOn(f -> forbidden.matcher(f).matches()).isEmpty();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
