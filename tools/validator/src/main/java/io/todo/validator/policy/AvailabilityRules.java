package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.policy.Workloads.PodSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Availability of long-running workloads; strict in prod, relaxed or off elsewhere. */
final class AvailabilityRules {
  private static final Set<String> REPLICATED = Set.of("Deployment", "StatefulSet");

  private AvailabilityRules() {}

  static List<Rule> all() {
    return List.of(new Replicas(), new Pdb(), new RollingUpdate(), new Spread());
  }

  static Map<String, Severity> offOutsideProd() {
    Map<String, Severity> m = new HashMap<>();
    m.put("dev", null);
    m.put("minikube", null);
    return m;
  }

  static List<PodSpec> replicated(PolicyContext ctx) {
    return ctx.podSpecs().stream().filter(p -> REPLICATED.contains(p.owner().kind())).toList();
  }

  /** Most pods the workload may run: its replicas, or the HPA's maxReplicas. */
  static long maxReplicas(PolicyContext ctx, Resource w) {
    Resource hpa = CrossRefs.hpaFor(ctx, w);
    if (hpa != null) {
      return hpa.object().path("spec").path("maxReplicas").asLong(1);
    }
    JsonNode r = w.object().path("spec").path("replicas");
    return r.isMissingNode() ? 1 : r.asLong(1);
  }

  /** AVL-001: two replicas at least (or an HPA whose minimum is two). */
  static final class Replicas implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("AVL-001", "Production workloads must run at least 2 replicas or be scaled by an HPA", Severity.ERROR,
          offOutsideProd(),
          "A single replica is down during every rollout, node drain and crash.",
          "Set spec.replicas: 2 or more in the prod overlay, or add a HorizontalPodAutoscaler with minReplicas: 2 or more.",
          Map.of("kube-score", "deployment-replicas (not in the default set)", "polaris", "deploymentMissingReplicas",
              "kube-linter", "minimum-three-replicas (3, not in the default set)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (PodSpec pod : replicated(ctx)) {
        Resource w = pod.owner();
        Resource hpa = CrossRefs.hpaFor(ctx, w);
        if (hpa != null) {
          long min = hpa.object().path("spec").path("minReplicas").asLong(1);
          if (min < 2) {
            out.add(hpa, hpa.object().path("spec").has("minReplicas") ? "/spec/minReplicas" : "/spec",
                "the HPA of " + w.ref() + " may scale it down to " + min + " replica");
          }
          continue;
        }
        JsonNode r = w.object().path("spec").path("replicas");
        if (r.isMissingNode() || r.asLong(1) < 2) {
          out.add(w, r.isMissingNode() ? "/spec" : "/spec/replicas", "runs " + (r.isMissingNode() ? "1 replica (the default)" : r.asLong() + " replica(s)")
              + " and no HorizontalPodAutoscaler scales it");
        }
      }
    }
  }

  /** AVL-002: a PodDisruptionBudget for every workload that may run more than one pod. */
  static final class Pdb implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("AVL-002", "Multi-replica workloads must have a PodDisruptionBudget", Severity.WARNING,
          Map.of("prod", Severity.ERROR),
          "Without a budget a node drain or cluster upgrade may evict every replica at once.",
          "Add a PodDisruptionBudget whose selector matches the pod template, with maxUnavailable: 1 (or minAvailable).",
          Map.of("kube-score", "deployment-has-poddisruptionbudget, statefulset-has-poddisruptionbudget",
              "polaris", "missingPodDisruptionBudget (not in the default config)", "kube-linter", "(none)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (PodSpec pod : replicated(ctx)) {
        if (maxReplicas(ctx, pod.owner()) < 2) {
          continue;
        }
        boolean covered = ctx.ofKind("PodDisruptionBudget").stream().anyMatch(b -> CrossRefs.sameNamespace(b, pod.owner())
            && !Selectors.isEmpty(b.object().path("spec").path("selector"))
            && Selectors.matches(b.object().path("spec").path("selector"), pod.labels()));
        if (!covered) {
          out.add(pod.owner(), pod.metadataPointer() + "/labels", "no PodDisruptionBudget selects the pods of this multi-replica workload");
        }
      }
    }
  }

  /** AVL-003: rollouts keep full capacity. */
  static final class RollingUpdate implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("AVL-003", "Deployments must roll out with maxUnavailable: 0", Severity.WARNING, Map.of("prod", Severity.ERROR),
          "The default strategy takes up to 25% of the pods down before their replacements are ready, and Recreate takes all of them down.",
          "Set spec.strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}.",
          Map.of("kube-score", "deployment-strategy (not in the default set)", "kube-linter", "no-rolling-update-strategy (related)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Resource d : ctx.ofKind("Deployment")) {
        if (Workloads.podSpec(d) == null) {
          continue;
        }
        JsonNode strategy = d.object().path("spec").path("strategy");
        String type = strategy.path("type").asText("RollingUpdate");
        JsonNode mu = strategy.path("rollingUpdate").path("maxUnavailable");
        if (type.equals("Recreate")) {
          out.add(d, "/spec/strategy/type", "the Recreate strategy stops every pod before starting the new ones");
        } else if (mu.isMissingNode()) {
          out.add(d, strategy.isMissingNode() ? "/spec" : "/spec/strategy", "the rolling update may take pods down before their "
              + "replacements are ready (maxUnavailable defaults to 25%); set maxUnavailable: 0");
        } else if (!mu.asText().equals("0") && !mu.asText().equals("0%")) {
          out.add(d, "/spec/strategy/rollingUpdate/maxUnavailable", "maxUnavailable is " + mu.asText() + "; set it to 0");
        }
      }
    }
  }

  /** AVL-004: replicas spread across nodes or zones. */
  static final class Spread implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("AVL-004", "Production multi-replica workloads must spread across nodes", Severity.ERROR, offOutsideProd(),
          "Replicas that land on one node fail together when it does.",
          "Add spec.template.spec.topologySpreadConstraints (topologyKey kubernetes.io/hostname or topology.kubernetes.io/zone) "
              + "or a podAntiAffinity rule on the same labels.",
          Map.of("kube-score", "deployment-has-host-podantiaffinity, statefulset-has-host-podantiaffinity",
              "polaris", "topologySpreadConstraint (not in the default config)", "kube-linter", "no-anti-affinity"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (PodSpec pod : replicated(ctx)) {
        if (maxReplicas(ctx, pod.owner()) < 2) {
          continue;
        }
        boolean spread = !pod.spec().path("topologySpreadConstraints").isEmpty()
            || !pod.spec().path("affinity").path("podAntiAffinity").isEmpty();
        if (!spread) {
          out.add(pod.owner(), pod.pointer(), "the replicas have neither topologySpreadConstraints nor podAntiAffinity");
        }
      }
    }
  }
}
