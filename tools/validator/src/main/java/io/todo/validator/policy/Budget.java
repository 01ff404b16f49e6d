package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.policy.Workloads.Container;
import io.todo.validator.policy.Workloads.PodSpec;
import java.math.BigDecimal;
import java.util.Map;

/**
 * RES-005: the overlay's total requests must fit the environment's budget. A pod requests the
 * larger of its longest-running set (app containers plus sidecars) and its largest init container,
 * as the scheduler computes it; a workload counts its replicas, or its HPA's minReplicas when an
 * HPA scales it, DaemonSets count once (a one-node cluster) and Jobs their parallelism.
 */
final class Budget implements Rule {
  @Override
  public RuleInfo info() {
    return new RuleInfo("RES-005", "The overlay's requests must fit the environment's budget", Severity.ERROR, null,
        "The Minikube overlay has to start on a laptop-sized cluster (2 CPUs, 2Gi); an overlay that requests more leaves pods Pending.",
        "Lower requests or replicas in the overlay, or change budgets.<environment> in policies/policies.yaml.",
        Map.of());
  }

  @Override
  public void check(PolicyContext ctx, Violations out) {
    PolicyConfig.Budget budget = ctx.config().budget(ctx.environment());
    if (budget == null) {
      return;
    }
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal mem = BigDecimal.ZERO;
    Resource biggest = null;
    BigDecimal biggestMem = BigDecimal.valueOf(-1);
    for (PodSpec pod : ctx.podSpecs()) {
      long n = replicas(ctx, pod.owner());
      BigDecimal[] req = podRequests(pod);
      cpu = cpu.add(req[0].multiply(BigDecimal.valueOf(n)));
      BigDecimal m = req[1].multiply(BigDecimal.valueOf(n));
      mem = mem.add(m);
      if (m.compareTo(biggestMem) > 0) {
        biggestMem = m;
        biggest = pod.owner();
      }
    }
    String where = budget.location() == null ? "the built-in budget" : "the budget at " + budget.location();
    if (biggest == null) {
      return;
    }
    if (budget.cpu() != null && cpu.compareTo(budget.cpu()) > 0) {
      out.add(biggest, "", "the " + ctx.environment() + " overlay requests " + Quantities.cpu(cpu) + " CPU in total, more than "
          + where + " allows (" + budget.cpuText() + "), counting replicas and HPA minimums");
    }
    if (budget.memory() != null && mem.compareTo(budget.memory()) > 0) {
      out.add(biggest, "", "the " + ctx.environment() + " overlay requests " + Quantities.memory(mem) + " of memory in total, more than "
          + where + " allows (" + budget.memoryText() + "), counting replicas and HPA minimums");
    }
  }

  /** {cpu, memory} the scheduler reserves for one pod. */
  static BigDecimal[] podRequests(PodSpec pod) {
    BigDecimal[] running = {BigDecimal.ZERO, BigDecimal.ZERO};
    BigDecimal[] init = {BigDecimal.ZERO, BigDecimal.ZERO};
    for (Container c : pod.containers()) {
      BigDecimal cpu = request(c, "cpu");
      BigDecimal mem = request(c, "memory");
      boolean sidecar = c.list().equals("initContainers") && c.node().path("restartPolicy").asText().equals("Always");
      if (c.list().equals("containers") || sidecar) {
        running[0] = running[0].add(cpu);
        running[1] = running[1].add(mem);
      } else if (c.list().equals("initContainers")) {
        init[0] = init[0].max(cpu.add(running[0]));
        init[1] = init[1].max(mem.add(running[1]));
      }
    }
    return new BigDecimal[] {running[0].max(init[0]), running[1].max(init[1])};
  }

  private static BigDecimal request(Container c, String r) {
    JsonNode res = c.node().path("resources");
    String text = res.path("requests").path(r).asText(null);
    if (text == null) {
      text = res.path("limits").path(r).asText(null); // the API server defaults a missing request to the limit
    }
    BigDecimal v = Quantities.parse(text);
    return v == null ? BigDecimal.ZERO : v;
  }

  /** How many pods a workload runs at minimum. */
  static long replicas(PolicyContext ctx, Resource w) {
    JsonNode spec = w.object().path("spec");
    switch (w.kind()) {
      case "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController" -> {
        Resource hpa = CrossRefs.hpaFor(ctx, w);
        if (hpa != null) {
          return Math.max(1, hpa.object().path("spec").path("minReplicas").asLong(1));
        }
        return spec.has("replicas") ? Math.max(0, spec.path("replicas").asLong(1)) : 1;
      }
      case "Job" -> {
        return Math.max(1, spec.path("parallelism").asLong(1));
      }
      case "CronJob" -> {
        return Math.max(1, spec.path("jobTemplate").path("spec").path("parallelism").asLong(1));
      }
      default -> {
        return 1;
      }
    }
  }
}
