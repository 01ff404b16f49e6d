package io.todo.validator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Target;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rule corpus: {@code policy-cases/<RULE-ID>/pass-*.yaml} must raise no finding of that rule,
 * {@code fail-*.yaml} exactly the findings listed in {@code fail-*.expected} (one per line:
 * {@code LINE:COL SEVERITY subject}). Run with {@code -Dpolicy.bless=true} to rewrite the expected
 * files from the actual findings (then review the diff). Header lines {@code # environment: ENV} and {@code # kubernetesVersion: 1.NN} set
 * the target; {@code # repo: DIR} names a repository root (relative to the case file) for rules
 * that look at the repository, {@code # target: DIR} a kustomization directory as the target path (rules
 * that read kustomizations) ({@code _repo/} holds one with validator.yaml, overlays and
 * policies/policies.yaml).
 */
class PolicyCasesTest {

  static Path root() throws URISyntaxException {
    return Path.of(PolicyCasesTest.class.getResource("/policy-cases").toURI());
  }

  @TestFactory
  Stream<DynamicNode> cases() throws IOException, URISyntaxException {
    List<DynamicNode> rules = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root())) {
      for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("_")).sorted().toList()) {
        List<DynamicNode> files = new ArrayList<>();
        try (Stream<Path> fs = Files.list(dir)) {
          for (Path f : fs.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
            files.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(dir.getFileName().toString(), f)));
          }
        }
        rules.add(DynamicContainer.dynamicContainer(dir.getFileName().toString(), files));
      }
    }
    return rules.stream();
  }

  @Test
  void everyRuleHasAPassingAndAFailingCase() throws Exception {
    for (Rule r : Catalogue.builtin().rules()) {
      Path dir = root().resolve(r.info().id());
      assertThat(dir).as(r.info().id() + " has a case directory").isDirectory();
      try (Stream<Path> fs = Files.list(dir)) {
        List<String> names = fs.map(p -> p.getFileName().toString()).toList();
        assertThat(names).as(r.info().id()).anyMatch(n -> n.startsWith("pass-"));
        assertThat(names).as(r.info().id()).anyMatch(n -> n.startsWith("fail-"));
      }
    }
  }

  private static void run(String ruleId, Path file) throws IOException {
    List<String> header = Files.readAllLines(file).stream().takeWhile(l -> l.startsWith("#")).toList();
    String env = value(header, "environment");
    String version = value(header, "kubernetesVersion");
    String repo = value(header, "repo");
    String targetDir = value(header, "target");
    String shown = file.getFileName().toString();
    List<Resource> resources = new Manifests().readFile(file, shown);
    Path repoRoot = repo == null ? null : file.getParent().resolve(repo).normalize();
    PolicyConfig config = repoRoot != null && Files.isDirectory(repoRoot.resolve("policies"))
        ? PolicyConfig.load(repoRoot.resolve("policies"), "policies")
        : PolicyConfig.defaults();
    PolicyStage stage = new PolicyStage(Catalogue.builtin(), config, Waivers.none(), repoRoot,
        java.time.Clock.fixed(java.time.Instant.parse("2026-06-01T00:00:00Z"), java.time.ZoneOffset.UTC));
    List<String> actual = stage.check(new Target(targetDir == null ? file : file.getParent().resolve(targetDir), shown, env, version), resources).stream()
        .filter(f -> f.ruleId().equals(ruleId))
        .sorted(Finding.ORDER)
        .map(f -> f.location().line() + ":" + f.location().column() + " "
            + f.severity().name().toLowerCase(Locale.ROOT) + " " + f.subject())
        .toList();
    if (shown.startsWith("pass-")) {
      assertThat(actual).as(file.toString()).isEmpty();
    } else {
      Path expectedFile = file.resolveSibling(shown.replaceFirst("\\.yaml$", ".expected"));
      if (Boolean.getBoolean("policy.bless")) {
        Path src = Path.of(expectedFile.toString().replace("target/test-classes", "src/test/resources"));
        Files.write(src, actual);
        return;
      }
      List<String> expected = Files.readAllLines(expectedFile);
      assertThat(expected).as(expectedFile + " lists the expected findings").isNotEmpty();
      assertThat(actual).as(file.toString()).containsExactlyElementsOf(expected);
    }
  }

  private static String value(List<String> header, String key) {
    return header.stream()
        .filter(l -> l.startsWith("# " + key + ": "))
        .map(l -> l.substring(("# " + key + ": ").length()).trim())
        .findFirst().orElse(null);
  }
}
