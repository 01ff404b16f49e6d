package io.todo.validator.policy;

import io.todo.validator.model.Severity;
import java.util.Map;

/**
 * What {@code validator policies explain ID} prints about a rule.
 *
 * @param id stable id ({@code SEC-001})
 * @param title one line
 * @param severity the default severity in every environment
 * @param environments per-environment defaults that differ from {@code severity}; a null value
 *     means the rule is off there (prod-only rules are off in dev and minikube)
 * @param rationale why the rule exists
 * @param fix what to change
 * @param peers equivalent checks by tool (kube-score, polaris, kube-linter, checkov); absent = none
 */
public record RuleInfo(
    String id,
    String title,
    Severity severity,
    Map<String, Severity> environments,
    String rationale,
    String fix,
    Map<String, String> peers) {

  public static final java.util.List<String> PEER_TOOLS = java.util.List.of("kube-score", "polaris", "kube-linter", "checkov");

  public RuleInfo {
    environments = environments == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(environments));
    peers = Map.copyOf(peers);
  }

  /** The default severity in an environment, or null when the rule is off there by default. */
  public Severity defaultSeverity(String environment) {
    if (environment != null && environments.containsKey(environment)) {
      return environments.get(environment);
    }
    return severity;
  }
}
