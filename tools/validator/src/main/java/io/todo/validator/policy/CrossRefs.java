package io.todo.validator.policy;

import io.todo.validator.model.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.policy.Workloads.Container;
import io.todo.validator.policy.Workloads.PodSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** References between rendered objects: selectors, scale targets and named objects must resolve. */
final class CrossRefs {
  private CrossRefs() {}

  static List<Rule> all() {
    return List.of(new ServiceSelects(), new HpaTarget(), new PdbSelects(), new ObjectRefs(), new IngressBackends(),
        new WorkloadSelector(), new StatefulSetService());
  }

  static boolean sameNamespace(Resource a, Resource b) {
    return Objects.equals(ns(a), ns(b));
  }

  static String ns(Resource r) {
    String n = r.namespace();
    return n == null || n.isEmpty() ? "default" : n;
  }

  /** Pod templates in the namespace of {@code r}. */
  static List<PodSpec> podsIn(PolicyContext ctx, Resource r) {
    return ctx.podSpecsIn(ns(r));
  }

  /** The HPA that scales a workload, or null. */
  static Resource hpaFor(PolicyContext ctx, Resource w) {
    return ctx.hpaFor(w.kind(), ns(w), w.name());
  }

  /** XRF-001: a Service with a selector must select at least one pod template. */
  static final class ServiceSelects implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("XRF-001", "Services must select a pod template of the overlay", Severity.ERROR, null,
          "A selector that matches no pod leaves the Service without endpoints: clients get connection refused, usually after a label rename.",
          "Make spec.selector match the labels of the workload's pod template (spec.template.metadata.labels).",
          Map.of("kube-score", "service-targets-pod", "kube-linter", "dangling-service"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Resource s : ctx.ofKind("Service")) {
        JsonNode sel = s.object().path("spec").path("selector");
        if ("ExternalName".equals(s.object().path("spec").path("type").asText())) {
          continue;
        }
        if (!sel.isObject() || sel.isEmpty()) {
          if (!hasEndpoints(ctx, s)) {
            out.add(s, "/spec", "the Service has no selector and the overlay holds no Endpoints or EndpointSlice for it");
          }
          continue;
        }
        if (podsIn(ctx, s).stream().noneMatch(p -> Selectors.matchesMap(sel, p.labels()))) {
          out.add(s, "/spec/selector", "the selector " + sel + " matches no pod template in namespace " + ns(s));
        }
      }
    }
  }

  /** Endpoints named like the Service, or an EndpointSlice labelled with its name. */
  static boolean hasEndpoints(PolicyContext ctx, Resource s) {
    return ctx.resources().stream().filter(r -> sameNamespace(r, s)).anyMatch(r ->
        ("Endpoints".equals(r.kind()) && Objects.equals(r.name(), s.name()))
            || ("EndpointSlice".equals(r.kind()) && Objects.equals(s.name(),
                r.object().path("metadata").path("labels").path("kubernetes.io/service-name").asText(null))));
  }

  /** XRF-002: an HPA's scale target must exist and be scalable. */
  static final class HpaTarget implements Rule {
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

    @Override
    public RuleInfo info() {
      return new RuleInfo("XRF-002", "HorizontalPodAutoscalers must target an existing workload", Severity.ERROR, null,
          "An HPA whose target does not exist scales nothing, and the workload runs at its static replica count.",
          "Make spec.scaleTargetRef (apiVersion, kind, name) name a Deployment or StatefulSet of the overlay.",
          Map.of("kube-score", "horizontalpodautoscaler-has-target", "kube-linter", "dangling-horizontalpodautoscaler"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Resource h : ctx.ofKind("HorizontalPodAutoscaler")) {
        JsonNode ref = h.object().path("spec").path("scaleTargetRef");
        String kind = ref.path("kind").asText("");
        String name = ref.path("name").asText("");
        String group = ref.path("apiVersion").asText("").contains("/") ? ref.path("apiVersion").asText().split("/")[0] : "";
        boolean found = ctx.named(kind, ns(h), name).stream().anyMatch(r -> group.equals(r.group()));
        if (!found) {
          out.add(h, "/spec/scaleTargetRef", "the scale target " + kind + "/" + name + " (" + ref.path("apiVersion").asText("no apiVersion")
              + ") does not exist in namespace " + ns(h));
        } else if (!SCALABLE.contains(kind)) {
          out.add(h, "/spec/scaleTargetRef/kind", "the scale target kind " + kind + " cannot be scaled by an HPA");
        }
      }
    }
  }

  /** XRF-003: a PDB must select a workload. */
  static final class PdbSelects implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("XRF-003", "PodDisruptionBudgets must select a workload of the overlay", Severity.ERROR, null,
          "A budget that selects no pod protects nothing during node drains; one with an empty selector protects every pod of the namespace.",
          "Make spec.selector match the pod template labels of the workload it protects.",
          Map.of("kube-linter", "dangling-poddisruptionbudget (not in the default set)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Resource b : ctx.ofKind("PodDisruptionBudget")) {
        JsonNode sel = b.object().path("spec").path("selector");
        if (Selectors.isEmpty(sel)) {
          out.add(b, "/spec", "the budget has an empty selector: it selects every pod of namespace " + ns(b));
        } else if (podsIn(ctx, b).stream().noneMatch(p -> Selectors.matches(sel, p.labels()))) {
          out.add(b, "/spec/selector", "the selector matches no pod template in namespace " + ns(b));
        }
      }
    }
  }

  /** XRF-004: Secrets, ConfigMaps and PVCs a pod uses must exist or be declared external. */
  static final class ObjectRefs implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("XRF-004", "Referenced Secrets, ConfigMaps and PersistentVolumeClaims must exist", Severity.ERROR, null,
          "A pod that references a missing object stays in ContainerCreating or CreateContainerConfigError; a typo or a forgotten "
              + "SealedSecret is only noticed after the sync.",
          "Add the object to the overlay (a SealedSecret for a Secret), fix the name, mark the reference optional: true, or "
              + "list it under external in policies/policies.yaml.",
          Map.of("kube-linter", "env-var-secret (related, not equivalent)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (PodSpec pod : ctx.podSpecs()) {
        for (Container c : pod.containers()) {
          JsonNode env = c.node().path("env");
          for (int i = 0; i < Nodes.elements(env); i++) {
            JsonNode from = env.get(i).path("valueFrom");
            ref(ctx, out, pod, from.path("secretKeyRef"), "secrets", c.at("env", String.valueOf(i), "valueFrom", "secretKeyRef", "name"));
            ref(ctx, out, pod, from.path("configMapKeyRef"), "configMaps", c.at("env", String.valueOf(i), "valueFrom", "configMapKeyRef", "name"));
          }
          JsonNode envFrom = c.node().path("envFrom");
          for (int i = 0; i < Nodes.elements(envFrom); i++) {
            ref(ctx, out, pod, envFrom.get(i).path("secretRef"), "secrets", c.at("envFrom", String.valueOf(i), "secretRef", "name"));
            ref(ctx, out, pod, envFrom.get(i).path("configMapRef"), "configMaps", c.at("envFrom", String.valueOf(i), "configMapRef", "name"));
          }
        }
        JsonNode vols = pod.spec().path("volumes");
        for (int i = 0; i < Nodes.elements(vols); i++) {
          JsonNode v = vols.get(i);
          String at = pod.at("volumes", String.valueOf(i));
          if (v.has("secret")) {
            JsonNode s = v.path("secret");
            check(ctx, out, pod, "secrets", s.path("secretName").asText(null), s.path("optional").asBoolean(false), at + "/secret/secretName");
          }
          ref(ctx, out, pod, v.path("configMap"), "configMaps", at + "/configMap/name");
          if (v.has("persistentVolumeClaim")) {
            check(ctx, out, pod, "persistentVolumeClaims", v.path("persistentVolumeClaim").path("claimName").asText(null), false,
                at + "/persistentVolumeClaim/claimName");
          }
          JsonNode sources = v.path("projected").path("sources");
          for (int j = 0; j < Nodes.elements(sources); j++) {
            String sp = at + "/projected/sources/" + j;
            ref(ctx, out, pod, sources.get(j).path("secret"), "secrets", sp + "/secret/name");
            ref(ctx, out, pod, sources.get(j).path("configMap"), "configMaps", sp + "/configMap/name");
          }
        }
      }
    }

    private static void ref(PolicyContext ctx, Violations out, PodSpec pod, JsonNode ref, String kind, String pointer) {
      if (ref.isObject()) {
        check(ctx, out, pod, kind, ref.path("name").asText(null), ref.path("optional").asBoolean(false), pointer);
      }
    }

    private static void check(PolicyContext ctx, Violations out, PodSpec pod, String kind, String name, boolean optional, String pointer) {
      if (name == null || optional || exists(ctx, pod.owner(), kind, name)
          || ctx.config().isExternal(kind, ns(pod.owner()), name)) {
        return;
      }
      String what = switch (kind) {
        case "secrets" -> "Secret";
        case "configMaps" -> "ConfigMap";
        default -> "PersistentVolumeClaim";
      };
      out.add(pod.owner(), pointer, what + " \"" + name + "\" does not exist in namespace " + ns(pod.owner())
          + " (not rendered, not declared under external." + kind + " in policies.yaml)");
    }

    /** A Secret also exists when a SealedSecret will create it (under the template's name if it sets one). */
    static boolean exists(PolicyContext ctx, Resource from, String kind, String name) {
      String ns = ns(from);
      return switch (kind) {
        case "secrets" -> !ctx.named("Secret", ns, name).isEmpty()
            || ctx.ofKind("SealedSecret").stream().anyMatch(r -> sameNamespace(r, from)
                && name.equals(r.object().path("spec").path("template").path("metadata").path("name").asText(r.name())));
        case "configMaps" -> !ctx.named("ConfigMap", ns, name).isEmpty();
        case "persistentVolumeClaims" -> !ctx.named("PersistentVolumeClaim", ns, name).isEmpty();
        case "services" -> !ctx.named("Service", ns, name).isEmpty();
        default -> false;
      };
    }
  }

  /** XRF-006: Ingress backends must be Services of the overlay with the named port. */
  static final class IngressBackends implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("XRF-006", "Ingress backends must be existing Services and ports", Severity.ERROR, null,
          "An Ingress that points at a missing Service or port answers 503 for its paths.",
          "Make backend.service.name and port (number or name) match a Service of the overlay, or list the Service under external.services.",
          Map.of("kube-linter", "dangling-ingress (not in the default set)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Resource ing : ctx.ofKind("Ingress")) {
        JsonNode spec = ing.object().path("spec");
        backend(ctx, out, ing, spec.path("defaultBackend"), "/spec/defaultBackend");
        JsonNode rules = spec.path("rules");
        for (int i = 0; i < Nodes.elements(rules); i++) {
          JsonNode paths = rules.get(i).path("http").path("paths");
          for (int j = 0; j < Nodes.elements(paths); j++) {
            backend(ctx, out, ing, paths.get(j).path("backend"), "/spec/rules/" + i + "/http/paths/" + j + "/backend");
          }
        }
      }
    }

    private static void backend(PolicyContext ctx, Violations out, Resource ing, JsonNode backend, String pointer) {
      JsonNode svc = backend.path("service");
      if (!svc.isObject()) {
        return;
      }
      String name = svc.path("name").asText("");
      if (ctx.config().isExternal("services", ns(ing), name)) {
        return;
      }
      Resource target = ctx.ofKind("Service").stream().filter(s -> sameNamespace(s, ing) && name.equals(s.name())).findFirst().orElse(null);
      if (target == null) {
        out.add(ing, pointer + "/service/name", "backend Service \"" + name + "\" does not exist in namespace " + ns(ing));
        return;
      }
      JsonNode port = svc.path("port");
      JsonNode ports = target.object().path("spec").path("ports");
      boolean ok = false;
      for (JsonNode p : ports) {
        ok |= port.has("number") && p.path("port").asInt(-1) == port.path("number").asInt(-2);
        ok |= port.has("name") && port.path("name").asText().equals(p.path("name").asText(null));
      }
      if (!ok) {
        out.add(ing, pointer + "/service/port", "Service \"" + name + "\" has no port "
            + (port.has("name") ? "named \"" + port.path("name").asText() + "\"" : port.path("number").asText("(none given)")));
      }
    }
  }

  /** XRF-007: a controller's selector must select its own pod template. */
  static final class WorkloadSelector implements Rule {
    private static final Set<String> NEEDS_SELECTOR = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

    @Override
    public RuleInfo info() {
      return new RuleInfo("XRF-007", "Workload selectors must match their pod template labels", Severity.ERROR, null,
          "The API server rejects a controller whose selector does not select its own template, and a selector that is too "
              + "broad adopts other workloads' pods; the sync fails or the controller fights another one.",
          "Set spec.selector.matchLabels to labels of spec.template.metadata.labels (a stable subset: the selector is immutable).",
          Map.of("kube-score", "deployment-pod-selector-labels-match-template-metadata-labels, "
              + "statefulset-pod-selector-labels-match-template-metadata-labels"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (PodSpec pod : ctx.podSpecs()) {
        Resource w = pod.owner();
        if (!NEEDS_SELECTOR.contains(w.kind())) {
          continue;
        }
        JsonNode sel = w.object().path("spec").path("selector");
        if (Selectors.isEmpty(sel)) {
          out.add(w, "/spec", "the workload has no spec.selector (required, and it must match the pod template labels)");
        } else if (!Selectors.matches(sel, pod.labels())) {
          out.add(w, "/spec/selector", "spec.selector does not match the pod template labels " + pod.labels());
        }
      }
    }
  }

  /** XRF-008: a StatefulSet's governing Service must exist and be headless. */
  static final class StatefulSetService implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("XRF-008", "StatefulSets must name an existing headless Service", Severity.ERROR, null,
          "The governing Service gives each replica its stable DNS name (db-0.db); without it, or with a normal ClusterIP Service, "
              + "the per-pod names the application relies on do not resolve.",
          "Set spec.serviceName to a Service of the overlay with clusterIP: None that selects the StatefulSet's pods.",
          Map.of("kube-score", "statefulset-has-servicename"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Resource s : ctx.ofKind("StatefulSet")) {
        JsonNode name = s.object().path("spec").path("serviceName");
        if (!name.isTextual() || name.asText().isEmpty()) {
          out.add(s, "/spec", "the StatefulSet names no governing Service (spec.serviceName)");
          continue;
        }
        Resource svc = ctx.ofKind("Service").stream().filter(r -> sameNamespace(r, s) && name.asText().equals(r.name())).findFirst().orElse(null);
        if (svc == null) {
          out.add(s, "/spec/serviceName", "Service \"" + name.asText() + "\" does not exist in namespace " + ns(s));
        } else if (!"None".equals(svc.object().path("spec").path("clusterIP").asText())) {
          out.add(s, "/spec/serviceName", "Service \"" + name.asText() + "\" is not headless (clusterIP: None)");
        }
      }
    }
  }
}
