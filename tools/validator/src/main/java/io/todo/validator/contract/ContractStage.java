package io.todo.validator.contract;

import io.todo.validator.config.RepoConfig;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a rendered overlay against policies/service-contract.yaml (CONTRACT-001..006, see
 * docs/service-contract.md). The contract is found like the admission policies: through the
 * validator.yaml above the target (or the working directory for standard input).
 */
public final class ContractStage implements Stage {
  private final Path cwd;
  private final ServiceContract fixed;
  private final Map<Path, Optional<ServiceContract>> cache = new ConcurrentHashMap<>();

  public ContractStage(Path cwd) {
    this.cwd = cwd.toAbsolutePath().normalize();
    this.fixed = null;
  }

  /** One given contract (tests, tools). */
  public ContractStage(ServiceContract contract) {
    this.cwd = Path.of("").toAbsolutePath();
    this.fixed = contract;
  }

  @Override
  public List<Finding> check(Target target, List<Resource> resources) {
    Optional<ServiceContract> contract = fixed != null ? Optional.of(fixed) : find(target);
    return contract.map(c -> new ContractCheck(c, target.environment(), resources).run()).orElse(List.of());
  }

  private Optional<ServiceContract> find(Target target) {
    Optional<RepoConfig> config = RepoConfig.find(target.isStdin() ? cwd : cwd.resolve(target.path()));
    if (config.isEmpty()) {
      return Optional.empty();
    }
    Path file = config.get().policiesDir().resolve(ServiceContract.FILE_NAME).toAbsolutePath().normalize();
    return cache.computeIfAbsent(file, f -> Files.isRegularFile(f)
        ? Optional.of(ServiceContract.read(f, display(f)))
        : Optional.empty());
  }

  private String display(Path abs) {
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }

  static Location at(Resource r, String pointer) {
    Location l = r.locate(pointer);
    return l != null ? l : r.origin();
  }
}
