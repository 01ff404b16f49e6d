package io.todo.validator.policy;

import io.todo.validator.model.Severity;

/** policies/policies.yaml: which rules apply and how severe they are per environment. */
public final class PolicyConfig {

  public static PolicyConfig defaults() {
    return new PolicyConfig();
  }

  /** The severity of a rule in an environment, or null when it is off there. */
  public Severity severity(RuleInfo info, String environment) {
    return info.defaultSeverity(environment);
  }
}
