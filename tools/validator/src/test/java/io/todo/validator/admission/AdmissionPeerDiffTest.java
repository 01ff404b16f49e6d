package io.todo.validator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.peers.PeerTool;
import io.todo.validator.pipeline.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code admission-cases/} directory (but those expecting a load error: vap-peer has no mode
 * that reports compile errors, so those cases are checked only against their expected-error.txt)
 * through Kubernetes' own ValidatingAdmissionPolicy plugin (tools/scripts/vap-peer: k8s.io/apiserver v0.36.6 over fake
 * clients) and through our admission stage: the same findings, as lines
 * {@code Kind/namespace/name TAB policy TAB binding TAB action TAB text}.
 *
 * <p>Our findings map to actions by severity (error → Deny, warning → Warn, info → Audit: one
 * finding per decision at the binding's strongest action, which vap-peer mirrors). Our texts add
 * {@code " (reason: X)"} for a validation's non-Invalid reason, which the API server returns as the
 * status reason, not in the message: vap-peer adds it the same way, from the reason the plugin
 * gives that validation's failures, so reasons are compared too. A knowing difference is listed
 * in {@code admission-peer/differences.tsv} (case, side, the line, reason); a listed line that no
 * longer differs fails the test, so the list stays true. The organisation's policies are compared
 * the same way on {@code admission-org/good.yaml} and {@code bad.yaml}.
 */
class AdmissionPeerDiffTest {
  private static final Pattern TEXT = Pattern.compile(
      "(?:ValidatingAdmissionPolicy '[^']*' with binding '([^']*)' denied request: |"
          + "Validation failed for ValidatingAdmissionPolicy '[^']*' with binding '([^']*)': ).*");

  @TempDir Path tmp;

  @Test
  void sameFindingsAsKubernetes() throws Exception {
    Path root = Path.of(Objects.requireNonNull(getClass().getResource("/admission-cases")).toURI());
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(Files::isDirectory).filter(d -> !Files.exists(d.resolve("expected-error.txt"))).sorted().toList();
    }
    assertThat(dirs).hasSizeGreaterThanOrEqualTo(14);
    compare(dirs);
  }

  /** The organisation's policies (policies/admission) on the workloads of admission-org/. */
  @Test
  void orgPoliciesSameAsKubernetes() throws Exception {
    Path repo = Path.of(System.getProperty("validator.repo.root", "../.."));
    List<Path> dirs = new ArrayList<>();
    for (String name : List.of("good", "bad")) {
      Path dir = tmp.resolve("org-" + name);
      Files.createDirectories(dir.resolve("admission"));
      try (Stream<Path> s = Files.list(repo.resolve("policies/admission"))) {
        for (Path f : s.filter(f -> !f.getFileName().toString().startsWith("kustomization.")).toList()) {
          Files.copy(f, dir.resolve("admission").resolve(f.getFileName()));
        }
      }
      Files.copy(Path.of("src/test/resources/admission-org", name + ".yaml"), dir.resolve("resources.yaml"));
      dirs.add(dir);
    }
    compare(dirs);
  }

  private void compare(List<Path> dirs) throws Exception {
    Path peer = PeerTool.require("vap-peer", "tools/scripts/install-peers.sh vap-peer");
    Map<String, String> listed = differences();
    List<String> unexpected = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Path dir : dirs) {
      String name = dir.getFileName().toString();
      TreeSet<String> theirs = new TreeSet<>(kubernetes(peer, dir));
      TreeSet<String> ours = new TreeSet<>(ours(dir));
      for (String l : theirs) {
        if (!ours.contains(l)) {
          String key = name + "\tkubernetes\t" + l;
          if (listed.containsKey(key)) {
            seen.add(key);
          } else {
            unexpected.add(name + ": only Kubernetes: " + l);
          }
        }
      }
      for (String l : ours) {
        if (!theirs.contains(l)) {
          String key = name + "\tours\t" + l;
          if (listed.containsKey(key)) {
            seen.add(key);
          } else {
            unexpected.add(name + ": only ours:       " + l);
          }
        }
      }
    }
    List<String> stale = listed.keySet().stream()
        .filter(k -> dirs.stream().anyMatch(d -> k.startsWith(d.getFileName() + "\t")))
        .filter(k -> !seen.contains(k)).toList();
    assertThat(unexpected).as("findings that differ from Kubernetes (fix, or list in admission-peer/differences.tsv)").isEmpty();
    assertThat(stale).as("listed in admission-peer/differences.tsv but no longer different").isEmpty();
  }

  private static List<String> kubernetes(Path peer, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(peer.toString(), dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("vap-peer " + dir).isZero();
    return out.lines().filter(l -> !l.isEmpty()).toList();
  }

  private static List<String> ours(Path dir) {
    Path file = dir.resolve("resources.yaml");
    List<Resource> resources = new Manifests().readFile(file, "resources.yaml");
    Map<String, Resource> byLocation = new HashMap<>();
    resources.forEach(r -> byLocation.put(r.origin().toString(), r));
    List<Finding> findings = new AdmissionStage(dir.resolve("admission"), "admission")
        .check(new Target(file, "resources.yaml", null, null), resources);
    List<String> lines = new ArrayList<>();
    for (Finding f : findings) {
      if ("spec.auditAnnotations".equals(f.field()) && f.resource() == null) {
        continue; // the note that auditAnnotations are only checked for errors offline: the API server has none
      }
      Resource r = byLocation.get(f.location().toString());
      Matcher m = TEXT.matcher(f.message());
      assertThat(r).as(f.toString()).isNotNull();
      assertThat(m.matches()).as(f.message()).isTrue();
      String action = switch (f.severity()) {
        case ERROR -> "Deny";
        case WARNING -> "Warn";
        default -> "Audit";
      };
      String id = r.kind() + "/" + Objects.toString(r.namespace(), "") + "/" + Objects.toString(r.name(), "");
      String binding = m.group(1) != null ? m.group(1) : m.group(2);
      lines.add(String.join("\t", id, f.ruleId().substring("ADM-".length()), binding, action, f.message()));
    }
    return lines;
  }

  /** case TAB kubernetes|ours TAB the line (5 tab-separated fields) TAB why. */
  private Map<String, String> differences() throws IOException {
    Map<String, String> m = new HashMap<>();
    try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/admission-peer/differences.tsv"))) {
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String[] f = l.split("\t", -1);
        assertThat(f).as(l).hasSize(8);
        m.put(String.join("\t", List.of(f).subList(0, 7)), f[7]);
      }
    }
    return m;
  }
}
