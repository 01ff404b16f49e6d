package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Severity;
import io.todo.validator.policy.Workloads.Container;
import java.util.List;
import java.util.Map;

/** Probes on long-running containers (app containers and sidecars of non-Job workloads). */
final class HealthRules {
  private HealthRules() {}

  static List<Rule> all() {
    return List.of(
        new Missing("HLT-001", "livenessProbe", "Long-running containers must have a liveness probe",
            "Without a liveness probe a deadlocked process keeps its pod Running forever.",
            Map.of("kube-score", "pod-probes", "polaris", "livenessProbeMissing", "kube-linter", "no-liveness-probe", "checkov", "CKV_K8S_8")),
        new Missing("HLT-002", "readinessProbe", "Long-running containers must have a readiness probe",
            "Without a readiness probe the pod receives traffic as soon as it starts, before it can serve, and during rollouts.",
            Map.of("kube-score", "pod-probes", "polaris", "readinessProbeMissing", "kube-linter", "no-readiness-probe", "checkov", "CKV_K8S_9")),
        new Identical(),
        new SlowStart());
  }

  /** HLT-001/002: a probe must be present. */
  static final class Missing implements Rule {
    private final RuleInfo info;
    private final String probe;

    Missing(String id, String probe, String title, String rationale, Map<String, String> peers) {
      this.info = new RuleInfo(id, title, Severity.ERROR, Map.of("dev", Severity.WARNING, "minikube", Severity.WARNING), rationale,
          "Add " + probe + " (httpGet on the health endpoint, or tcpSocket) to the container.", peers);
      this.probe = probe;
    }

    @Override
    public RuleInfo info() {
      return info;
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Workloads.PodSpec pod : ctx.podSpecs()) {
        for (Container c : pod.containers()) {
          if (c.longRunning() && !c.node().path(probe).isObject()) {
            out.add(pod.owner(), c.pointer(), c.describe() + " has no " + probe);
          }
        }
      }
    }
  }

  /** HLT-003: liveness must not equal readiness. */
  static final class Identical implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("HLT-003", "A liveness probe must differ from the readiness probe", Severity.ERROR, null,
          "When both probes are the same check, a dependency outage that should only take the pod out of the Service "
              + "restarts it instead, and every replica restarts at once.",
          "Point liveness at a check of the process itself (/livez) and readiness at its ability to serve (/readyz), "
              + "or give liveness a higher failureThreshold.",
          Map.of("kube-score", "pod-probes-identical", "polaris", "(none)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Workloads.PodSpec pod : ctx.podSpecs()) {
        for (Container c : pod.containers()) {
          JsonNode l = c.node().path("livenessProbe");
          JsonNode r = c.node().path("readinessProbe");
          if (l.isObject() && l.equals(r)) {
            out.add(pod.owner(), c.at("livenessProbe"), c.describe() + " has a liveness probe identical to its readiness probe");
          }
        }
      }
    }
  }

  /** HLT-004: a slow start belongs in a startup probe, not in the liveness probe's initial delay. */
  static final class SlowStart implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("HLT-004", "Slow-starting containers must use a startup probe", Severity.WARNING, null,
          "A long livenessProbe.initialDelaySeconds delays detection of every later deadlock too, and a start slower than "
              + "the delay is killed in a restart loop; a startupProbe covers the start only.",
          "Move the delay into a startupProbe (failureThreshold × periodSeconds ≥ the start time) and drop initialDelaySeconds "
              + "from the liveness probe. The threshold is health.slowStartSeconds in policies.yaml (default 30).",
          Map.of());
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      int slow = ctx.config().slowStartSeconds();
      for (Workloads.PodSpec pod : ctx.podSpecs()) {
        for (Container c : pod.containers()) {
          JsonNode delay = c.node().path("livenessProbe").path("initialDelaySeconds");
          if (c.longRunning() && delay.asInt(0) >= slow && !c.node().path("startupProbe").isObject()) {
            out.add(pod.owner(), c.at("livenessProbe", "initialDelaySeconds"), c.describe() + " delays its liveness probe by "
                + delay.asInt() + "s but has no startupProbe");
          }
        }
      }
    }
  }
}
