package io.todo.validator.pipeline;

import io.todo.validator.model.Finding;
import io.todo.validator.model.Severity;
import java.util.List;

/** The outcome for one target: how many resources were rendered and what was found. */
public record TargetResult(Target target, int resources, List<Finding> findings) {

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }
}
