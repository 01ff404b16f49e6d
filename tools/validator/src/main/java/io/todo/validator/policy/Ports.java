package io.todo.validator.policy;

import io.todo.validator.model.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.policy.Workloads.Container;
import io.todo.validator.policy.Workloads.PodSpec;
import java.util.List;
import java.util.Map;

/**
 * XRF-005: ports named or numbered by Services, probes and NetworkPolicies must exist on the
 * containers they reach. A named port resolves only through containers[].ports[].name, so a typo
 * breaks routing silently; Services must also target declared port numbers.
 */
final class Ports implements Rule {
  private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");

  @Override
  public RuleInfo info() {
    return new RuleInfo("XRF-005", "Ports referenced by Services, probes and NetworkPolicies must exist", Severity.ERROR, null,
        "A Service targetPort, probe port or NetworkPolicy port that names a port the container does not declare routes nowhere: "
            + "the Service has no ready endpoints, the probe fails, the policy admits nothing.",
        "Declare the port in containers[].ports (with the name used), or fix the reference.",
        Map.of("kube-score", "container-ports-check (names only)", "kube-linter", "dangling-service, liveness-port, readiness-port, startup-port"));
  }

  @Override
  public void check(PolicyContext ctx, Violations out) {
    services(ctx, out);
    probes(ctx, out);
    networkPolicies(ctx, out);
  }

  static boolean declares(Container c, JsonNode port) {
    for (JsonNode p : c.node().path("ports")) {
      if (port.isTextual() && !isNumber(port.asText()) ? port.asText().equals(p.path("name").asText(null))
          : p.path("containerPort").asInt(-1) == port.asInt(-2)) {
        return true;
      }
    }
    return false;
  }

  static boolean podDeclares(PodSpec pod, JsonNode port) {
    return pod.containers().stream().filter(c -> c.list().equals("containers")
        || c.node().path("restartPolicy").asText().equals("Always")).anyMatch(c -> declares(c, port));
  }

  private static void services(PolicyContext ctx, Violations out) {
    for (Resource s : ctx.ofKind("Service")) {
      JsonNode sel = s.object().path("spec").path("selector");
      if (!sel.isObject() || sel.isEmpty()) {
        continue;
      }
      List<PodSpec> pods = CrossRefs.podsIn(ctx, s).stream().filter(p -> Selectors.matchesMap(sel, p.labels())).toList();
      JsonNode ports = s.object().path("spec").path("ports");
      for (int i = 0; i < Nodes.elements(ports); i++) {
        JsonNode target = ports.get(i).has("targetPort") ? ports.get(i).path("targetPort") : ports.get(i).path("port");
        for (PodSpec pod : pods) {
          if (!podDeclares(pod, target)) {
            out.add(s, "/spec/ports/" + i + (ports.get(i).has("targetPort") ? "/targetPort" : "/port"),
                "target port " + target.asText() + " is not declared by any container of " + pod.owner().ref());
          }
        }
      }
    }
  }

  private static void probes(PolicyContext ctx, Violations out) {
    for (PodSpec pod : ctx.podSpecs()) {
      for (Container c : pod.containers()) {
        for (String probe : PROBES) {
          for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
            JsonNode port = c.node().path(probe).path(handler).path("port");
            if (port.isTextual() && !isNumber(port.asText()) && !declares(c, port)) {
              out.add(pod.owner(), c.at(probe, handler, "port"), c.describe() + " " + probe + " uses port \"" + port.asText()
                  + "\", which the container does not declare");
            }
          }
        }
      }
    }
  }

  private static void networkPolicies(PolicyContext ctx, Violations out) {
    for (Resource np : ctx.ofKind("NetworkPolicy")) {
      JsonNode sel = np.object().path("spec").path("podSelector");
      List<PodSpec> pods = CrossRefs.podsIn(ctx, np).stream().filter(p -> Selectors.matches(sel, p.labels())).toList();
      JsonNode rules = np.object().path("spec").path("ingress");
      for (int i = 0; i < Nodes.elements(rules); i++) {
        JsonNode ports = rules.get(i).path("ports");
        for (int j = 0; j < Nodes.elements(ports); j++) {
          JsonNode port = ports.get(j).path("port");
          if (port.isTextual() && !isNumber(port.asText()) && !pods.isEmpty()
              && pods.stream().noneMatch(p -> podDeclares(p, port))) {
            out.add(np, "/spec/ingress/" + i + "/ports/" + j + "/port",
                "port \"" + port.asText() + "\" is not declared by any pod this policy selects");
          }
        }
      }
    }
  }

  /** A port given as digits (a number in a string) rather than a name. */
  private static boolean isNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
