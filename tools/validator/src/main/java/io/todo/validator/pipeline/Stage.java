package io.todo.validator.pipeline;

import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import java.util.List;

/** A check over the rendered resources of one target (schema, policy, ...). */
public interface Stage {

  /** Findings for the target; must not modify the resources and must be thread-safe. */
  List<Finding> check(Target target, List<Resource> resources);
}
