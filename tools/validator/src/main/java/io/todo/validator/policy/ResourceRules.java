package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Severity;
import io.todo.validator.policy.Workloads.Container;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Requests and limits of every container. */
final class ResourceRules {
  private ResourceRules() {}

  static List<Rule> all() {
    return List.of(
        new Required("RES-001", "requests", "cpu", "Containers must request CPU",
            "Without a CPU request the scheduler places the pod as if it needed nothing and the pod is first to be starved.",
            Map.of("kube-score", "container-resources", "polaris", "cpuRequestsMissing", "kube-linter", "unset-cpu-requirements",
                "checkov", "CKV_K8S_10")),
        new Required("RES-002", "requests", "memory", "Containers must request memory",
            "Without a memory request the scheduler overcommits the node and the pod is first to be evicted under memory pressure.",
            Map.of("kube-score", "container-resources", "polaris", "memoryRequestsMissing", "kube-linter", "unset-memory-requirements",
                "checkov", "CKV_K8S_12")),
        new Required("RES-003", "limits", "memory", "Containers must limit memory",
            "A container without a memory limit can take the node's memory and get its neighbours OOM-killed.",
            Map.of("kube-score", "container-resources", "polaris", "memoryLimitsMissing", "kube-linter", "unset-memory-requirements",
                "checkov", "CKV_K8S_13")),
        new Ratio(),
        new Budget());
  }

  /** Containers that take resources: init and app containers (ephemeral containers cannot set any). */
  static List<Container> sized(PolicyContext ctx) {
    return ctx.podSpecs().stream().flatMap(p -> p.containers().stream())
        .filter(c -> !c.list().equals("ephemeralContainers")).toList();
  }

  /** RES-001..003: a request or limit must be set and be a valid quantity. */
  static final class Required implements Rule {
    private final RuleInfo info;
    private final String section;
    private final String resource;

    Required(String id, String section, String resource, String title, String rationale, Map<String, String> peers) {
      this.info = new RuleInfo(id, title, Severity.ERROR, null, rationale,
          "Set resources." + section + "." + resource + " on every container, init containers included.", peers);
      this.section = section;
      this.resource = resource;
    }

    @Override
    public RuleInfo info() {
      return info;
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Container c : sized(ctx)) {
        JsonNode v = c.node().path("resources").path(section).path(resource);
        if (v.isMissingNode() || v.isNull()) {
          String where = c.node().path("resources").has(section) ? c.at("resources", section)
              : c.node().has("resources") ? c.at("resources") : c.pointer();
          out.add(c.pod().owner(), where, c.describe() + " has no " + resource + " " + singular(section));
        } else if (Quantities.parse(v.asText()) == null || Quantities.parse(v.asText()).signum() <= 0) {
          out.add(c.pod().owner(), c.at("resources", section, resource),
              c.describe() + " has an invalid " + resource + " " + singular(section) + " \"" + v.asText() + "\"");
        }
      }
    }

    private static String singular(String section) {
      return section.substring(0, section.length() - 1);
    }
  }

  /** RES-004: limit/request ratio, only when policies.yaml sets resources.maxLimitRequestRatio. */
  static final class Ratio implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("RES-004", "Limits must stay within the configured ratio of requests", Severity.WARNING, null,
          "A limit far above the request overcommits the node: the pod is scheduled for the request but may use the limit, "
              + "so neighbours are throttled or OOM-killed. Active only when policies.yaml sets resources.maxLimitRequestRatio.",
          "Raise the request or lower the limit so that limit / request is at most the configured ratio.",
          Map.of("kube-score", "container-cpu-requests-equal-limits / container-memory-requests-equal-limits (optional, ratio 1)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Container c : sized(ctx)) {
        for (String r : List.of("cpu", "memory")) {
          BigDecimal max = ctx.config().maxRatio(r);
          BigDecimal req = Quantities.parse(c.node().path("resources").path("requests").path(r).asText(null));
          BigDecimal lim = Quantities.parse(c.node().path("resources").path("limits").path(r).asText(null));
          if (max == null || req == null || lim == null || req.signum() <= 0) {
            continue;
          }
          BigDecimal ratio = lim.divide(req, 2, RoundingMode.HALF_UP);
          if (ratio.compareTo(max) > 0) {
            out.add(c.pod().owner(), c.at("resources", "limits", r), c.describe() + " " + r + " limit is " + ratio.stripTrailingZeros().toPlainString()
                + " times its request (at most " + max.toPlainString() + " allowed)");
          }
        }
      }
    }
  }
}
