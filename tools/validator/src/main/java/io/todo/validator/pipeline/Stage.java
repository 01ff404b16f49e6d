package io.todo.validator.pipeline;

import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import java.util.List;

/** A check over the rendered resources of one target (schema, policy, ...). */
public interface Stage {

  /** Findings for the target; must not modify the resources and must be thread-safe. */
  List<Finding> check(Target target, List<Resource> resources);

  /**
   * Expensive set-up for the target (compiling policies, loading schemas) that may run on another
   * thread while the target renders; {@link #check} must give the same result whether or not it ran.
   */
  default void prepare(Target target) {}
}
