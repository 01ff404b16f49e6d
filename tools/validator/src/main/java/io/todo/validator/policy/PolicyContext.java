package io.todo.validator.policy;

import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * What a rule sees: the target, its rendered resources, the policy configuration and the
 * repository root (null when no validator.yaml was found).
 */
public record PolicyContext(Target target, List<Resource> resources, PolicyConfig config, Path repoRoot) {

  /** The policy environment (dev, minikube, prod), or null when unknown. */
  public String environment() {
    return target.environment();
  }

  public List<Workloads.PodSpec> podSpecs() {
    return Workloads.podSpecs(resources);
  }

  /** Resources of a kind (any group), in rendered order. */
  public List<Resource> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(r.kind())).toList();
  }
}
