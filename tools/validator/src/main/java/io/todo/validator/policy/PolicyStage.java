package io.todo.validator.policy;

import io.todo.validator.config.RepoConfig;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the organisation's rules over the rendered output of a target, with the severities of the
 * target's environment, then applies waivers: a valid waiver hides its finding, an expired one
 * turns it back into an error that says so, an unused one is reported.
 */
public final class PolicyStage implements Stage {
  /** Rule id of findings about waivers themselves. */
  public static final String WAIVER_RULE = "WAIVER";

  private final Catalogue catalogue;
  private final Clock clock;
  private final Path cwd;
  private final Setup fixed;
  private final Map<Path, Setup> cache = new ConcurrentHashMap<>();

  /** Configuration, waivers and repository root of one run. */
  record Setup(PolicyConfig config, Waivers waivers, Path repoRoot) {}

  /** Fixed configuration and repository root (tests, tools). */
  public PolicyStage(Catalogue catalogue, PolicyConfig config, Waivers waivers, Path repoRoot, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
    this.cwd = null;
    this.fixed = new Setup(config, waivers, repoRoot);
  }

  /**
   * The configuration in validator.yaml's policies directory, found from each target (from {@code
   * cwd} for standard input); built-in defaults outside a repository.
   */
  public PolicyStage(Path cwd) {
    this.catalogue = Catalogue.builtin();
    this.clock = Clock.systemDefaultZone();
    this.cwd = cwd.toAbsolutePath().normalize();
    this.fixed = null;
  }

  private Setup setup(Target target) {
    if (fixed != null) {
      return fixed;
    }
    Optional<RepoConfig> repo = RepoConfig.find(target.isStdin() ? cwd : cwd.resolve(target.path()));
    if (repo.isEmpty()) {
      return new Setup(PolicyConfig.defaults(), Waivers.none(), null);
    }
    Path dir = repo.get().policiesDir().toAbsolutePath().normalize();
    return cache.computeIfAbsent(dir, d -> {
      String shown = d.startsWith(cwd) ? cwd.relativize(d).toString().replace('\\', '/') : d.toString();
      shown = shown.isEmpty() ? "." : shown;
      return new Setup(PolicyConfig.load(d, shown), Waivers.load(d, shown), repo.get().root());
    });
  }

  @Override
  public List<Finding> check(Target target, List<Resource> resources) {
    Setup s = setup(target);
    String env = target.environment();
    PolicyContext ctx = new PolicyContext(target, resources, s.config(), s.repoRoot());
    List<Waiver> waivers = new ArrayList<>();
    s.waivers().fromFile().stream().filter(w -> w.appliesIn(env)).forEach(waivers::add);
    List<Waiver> annotated = new ArrayList<>();
    for (Resource r : resources) {
      annotated.addAll(Waivers.fromAnnotations(r));
    }
    waivers.addAll(annotated);
    Map<Waiver, Boolean> used = new IdentityHashMap<>();
    LocalDate today = LocalDate.now(clock);
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : catalogue.rules()) {
      Severity severity = s.config().severity(rule.info(), env);
      if (severity == null) {
        continue;
      }
      Violations out = new Violations();
      out.rule(rule.info().id());
      rule.check(ctx, out);
      for (Violations.Violation v : out.all()) {
        String ref = v.resource() == null ? null : v.resource().ref();
        Waiver w = waivers.stream().filter(x -> x.matches(v.ruleId(), ref, v.location())).findFirst().orElse(null);
        if (w != null) {
          used.put(w, true);
          if (!w.expired(today)) {
            continue;
          }
          findings.add(new Finding(Severity.ERROR, v.ruleId(), ref, v.field(),
              v.message() + " (the waiver at " + w.location() + " expired on " + w.expires() + ")", v.location()));
          continue;
        }
        findings.add(new Finding(severity, v.ruleId(), ref, v.field(), v.message(), v.location()));
      }
    }
    for (Waiver w : waivers) {
      if (used.containsKey(w) || s.config().severity(catalogue.find(w.rule()).orElseThrow().info(), env) == null) {
        continue;
      }
      boolean fromFile = !annotated.contains(w);
      boolean targetRendered = resources.stream().anyMatch(r -> Waiver.glob(w.target(), r.ref()));
      if (fromFile && w.environments().isEmpty() && !targetRendered) {
        continue; // meant for another overlay: cannot tell from here
      }
      findings.add(new Finding(Severity.WARNING, WAIVER_RULE, null, null,
          "unused waiver: " + w.rule() + " raises nothing for " + w.target()
              + (w.expired(today) ? " (and it expired on " + w.expires() + ")" : "") + "; remove it",
          w.location()));
    }
    return findings;
  }
}
