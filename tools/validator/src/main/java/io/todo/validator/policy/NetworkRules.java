package io.todo.validator.policy;

import io.todo.validator.model.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.policy.Workloads.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Network isolation: deny by default, then admit exactly what each workload needs. */
final class NetworkRules {
  private NetworkRules() {}

  static List<Rule> all() {
    return List.of(new DefaultDeny(), new Reachability());
  }

  static List<String> policyTypes(Resource np) {
    JsonNode types = np.object().path("spec").path("policyTypes");
    List<String> out = new ArrayList<>();
    if (types.isArray() && !types.isEmpty()) {
      types.forEach(t -> out.add(t.asText()));
      return out;
    }
    out.add("Ingress"); // the API server's default, plus Egress when egress rules exist
    if (np.object().path("spec").has("egress")) {
      out.add("Egress");
    }
    return out;
  }

  /** Policies of the namespace that select the pod and restrict a direction. */
  static List<Resource> selecting(PolicyContext ctx, PodSpec pod, String direction) {
    return ctx.ofKind("NetworkPolicy").stream()
        .filter(np -> CrossRefs.sameNamespace(np, pod.owner()))
        .filter(np -> policyTypes(np).contains(direction))
        .filter(np -> Selectors.matches(np.object().path("spec").path("podSelector"), pod.labels()))
        .toList();
  }

  /** NET-001: every namespace with workloads has a default-deny policy. */
  static final class DefaultDeny implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("NET-001", "Every namespace with workloads must have a default-deny NetworkPolicy", Severity.ERROR, null,
          "Without a default deny every pod accepts traffic from every pod of the cluster; a policy added for one workload leaves "
              + "the others open.",
          "Add a NetworkPolicy with podSelector: {}, policyTypes: [Ingress, Egress] and no rules (networkPolicy.defaultDeny in "
              + "policies.yaml says which directions are required), then allow traffic per workload.",
          Map.of("kube-score", "pod-networkpolicy (per pod, ingress and egress)", "checkov", "CKV2_K8S_6"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      Map<String, Resource> first = new java.util.TreeMap<>();
      for (PodSpec pod : ctx.podSpecs()) {
        first.putIfAbsent(CrossRefs.ns(pod.owner()), pod.owner());
      }
      for (Map.Entry<String, Resource> e : first.entrySet()) {
        for (String dir : ctx.config().defaultDeny()) {
          boolean ok = ctx.ofKind("NetworkPolicy").stream().anyMatch(np -> CrossRefs.ns(np).equals(e.getKey())
              && Selectors.isEmpty(np.object().path("spec").path("podSelector"))
              && policyTypes(np).contains(dir)
              && np.object().path("spec").path(dir.toLowerCase(java.util.Locale.ROOT)).isEmpty());
          if (!ok) {
            out.add(e.getValue(), "", "namespace " + e.getKey() + " has no default-deny " + dir
                + " NetworkPolicy (podSelector: {}, policyTypes: [" + dir + "], no rules)");
          }
        }
      }
    }
  }

  /**
   * NET-002: a workload is reachable only as its policies say. Flags ingress rules that admit every
   * source, and Services whose traffic no policy admits (the port is dead behind the default deny).
   */
  static final class Reachability implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("NET-002", "Workloads must be reachable exactly as their NetworkPolicies allow", Severity.ERROR, null,
          "An ingress rule without from admits the whole cluster (and the internet through a LoadBalancer); a Service "
              + "whose port no policy admits is dead once the default deny is in place.",
          "Give every ingress rule a from (podSelector/namespaceSelector); add a policy admitting the Service's clients on its target port.",
          Map.of("kube-score", "networkpolicy-targets-pod (related)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Resource np : ctx.ofKind("NetworkPolicy")) {
        if (!policyTypes(np).contains("Ingress")) {
          continue;
        }
        JsonNode rules = np.object().path("spec").path("ingress");
        for (int i = 0; i < Nodes.elements(rules); i++) {
          String open = openSource(rules.get(i));
          if (open != null) {
            out.add(np, "/spec/ingress/" + i, "ingress rule " + i + " admits " + open);
          }
        }
      }
      for (Resource s : ctx.ofKind("Service")) {
        JsonNode sel = s.object().path("spec").path("selector");
        if (!sel.isObject() || sel.isEmpty()) {
          continue;
        }
        for (PodSpec pod : CrossRefs.podsIn(ctx, s)) {
          if (!Selectors.matchesMap(sel, pod.labels())) {
            continue;
          }
          List<Resource> policies = selecting(ctx, pod, "Ingress");
          if (policies.isEmpty()) {
            continue; // unrestricted: NET-001's finding
          }
          JsonNode ports = s.object().path("spec").path("ports");
          for (int i = 0; i < Nodes.elements(ports); i++) {
            JsonNode target = ports.get(i).has("targetPort") ? ports.get(i).path("targetPort") : ports.get(i).path("port");
            if (policies.stream().noneMatch(np -> admits(np, pod, target))) {
              TreeSet<String> names = new TreeSet<>();
              policies.forEach(np -> names.add(np.name()));
              out.add(s, "/spec/ports/" + i, "no NetworkPolicy admits traffic to " + pod.owner().ref() + " on port " + target.asText()
                  + " (selected by " + String.join(", ", names) + ")");
            }
          }
        }
      }
    }

    /** Why an ingress rule admits every source, or null. */
    static String openSource(JsonNode rule) {
      JsonNode from = rule.path("from");
      if (from.isMissingNode() || from.isNull() || from.isEmpty()) {
        return "traffic from every source (no from)";
      }
      for (JsonNode peer : from) {
        String cidr = peer.path("ipBlock").path("cidr").asText("");
        if (cidr.equals("0.0.0.0/0") || cidr.equals("::/0")) {
          return "traffic from every address (ipBlock " + cidr + ")";
        }
        if (peer.has("namespaceSelector") && Selectors.isEmpty(peer.path("namespaceSelector"))
            && (!peer.has("podSelector") || Selectors.isEmpty(peer.path("podSelector")))) {
          return "traffic from every pod of every namespace (namespaceSelector: {})";
        }
      }
      return null;
    }

    static boolean admits(Resource np, PodSpec pod, JsonNode target) {
      for (JsonNode rule : np.object().path("spec").path("ingress")) {
        JsonNode ports = rule.path("ports");
        if (ports.isMissingNode() || ports.isEmpty()) {
          return true;
        }
        for (JsonNode p : ports) {
          JsonNode port = p.path("port");
          if (port.isMissingNode() || port.asText().equals(target.asText())) {
            return true;
          }
          if (samePort(pod, port, target)) {
            return true;
          }
        }
      }
      return false;
    }

    /** A name and a number denote the same port when a container declares both. */
    private static boolean samePort(PodSpec pod, JsonNode a, JsonNode b) {
      for (Workloads.Container c : pod.containers()) {
        for (JsonNode p : c.node().path("ports")) {
          String name = p.path("name").asText("");
          String num = p.path("containerPort").asText("");
          boolean aHit = a.asText().equals(name) || a.asText().equals(num);
          boolean bHit = b.asText().equals(name) || b.asText().equals(num);
          if (aHit && bHit) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
