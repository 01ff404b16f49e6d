package io.todo.validator.policy;

import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.todo.validator.config.RepoConfig;

/** Runs the organisation's rules over the rendered output of a target. */
public final class PolicyStage implements Stage {
  private final Catalogue catalogue;
  private final PolicyConfig config;
  private final Path repoRoot;

  private final Path cwd;

  /** Fixed configuration and repository root (tests, tools). */
  public PolicyStage(Catalogue catalogue, PolicyConfig config, Path repoRoot) {
    this.catalogue = catalogue;
    this.config = config;
    this.repoRoot = repoRoot;
    this.cwd = null;
  }

  /**
   * The repository's configuration, found from each target through validator.yaml (from {@code
   * cwd} for standard input); built-in defaults outside a repository.
   */
  public PolicyStage(Path cwd) {
    this.catalogue = Catalogue.builtin();
    this.config = null;
    this.repoRoot = null;
    this.cwd = cwd.toAbsolutePath().normalize();
  }

  @Override
  public List<Finding> check(Target target, List<Resource> resources) {
    if (cwd != null) {
      Optional<RepoConfig> repo = RepoConfig.find(target.isStdin() ? cwd : cwd.resolve(target.path()));
      Path root = repo.map(RepoConfig::root).orElse(null);
      return new PolicyStage(catalogue, PolicyConfig.defaults(), root).check(target, resources);
    }
    PolicyContext ctx = new PolicyContext(target, resources, config, repoRoot);
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : catalogue.rules()) {
      Severity severity = config.severity(rule.info(), target.environment());
      if (severity == null) {
        continue;
      }
      Violations out = new Violations();
      out.rule(rule.info().id());
      rule.check(ctx, out);
      for (Violations.Violation v : out.all()) {
        findings.add(new Finding(severity, v.ruleId(), v.resource() == null ? null : v.resource().ref(),
            v.field(), v.message(), v.location()));
      }
    }
    return findings;
  }
}
