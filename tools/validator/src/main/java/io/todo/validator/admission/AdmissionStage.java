package io.todo.validator.admission;

import io.todo.validator.config.RepoConfig;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the repository's ValidatingAdmissionPolicies ({@code <policies>/admission/}) against
 * every rendered resource, as the API server would on create. Repositories without admission
 * policies pay nothing: the CEL environment is only built when a policy or binding exists.
 */
public final class AdmissionStage implements Stage {
  public static final String DIR = "admission";

  private final Path cwd;
  private final Path fixedDir;
  private final String fixedShown;
  private final Map<Path, PolicySet> cache = new ConcurrentHashMap<>();

  /**
   * Policies from {@code validator.yaml}'s policies directory, found from each target (from
   * {@code cwd} for standard input); paths in diagnostics are relative to {@code cwd}.
   */
  public AdmissionStage(Path cwd) {
    this.cwd = cwd.toAbsolutePath().normalize();
    this.fixedDir = null;
    this.fixedShown = null;
  }

  /** Policies from one directory, shown as {@code shown} in diagnostics (tests, tools). */
  public AdmissionStage(Path admissionDir, String shown) {
    this.cwd = Path.of("").toAbsolutePath();
    this.fixedDir = admissionDir;
    this.fixedShown = shown;
  }

  /**
   * Compiles the admission policies of the repository around {@code cwd} ahead of the command (the
   * costliest set-up of a cold validate), on the caller's thread; the stage then finds them compiled.
   */
  public static void warmUp(Path cwd) {
    new AdmissionStage(cwd).policiesFrom(cwd.toAbsolutePath().normalize());
  }

  @Override
  public void prepare(Target target) {
    policies(target);
  }

  @Override
  public List<Finding> check(Target target, List<Resource> resources) {
    PolicySet set = policies(target);
    if (set.isEmpty()) {
      return List.of();
    }
    return new Evaluator(set, resources).run();
  }

  private PolicySet policies(Target target) {
    return policiesFrom(target.isStdin() ? cwd : cwd.resolve(target.path()));
  }

  private PolicySet policiesFrom(Path from) {
    Path dir;
    String shown;
    if (fixedDir != null) {
      dir = fixedDir;
      shown = fixedShown;
    } else {
      Optional<RepoConfig> config = RepoConfig.find(from);
      if (config.isEmpty()) {
        return PolicySet.EMPTY;
      }
      dir = config.get().policiesDir().resolve(DIR).toAbsolutePath().normalize();
      shown = display(dir);
    }
    return cache.computeIfAbsent(dir, d -> PolicySet.cached(d, shown));
  }

  private String display(Path abs) {
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }
}
