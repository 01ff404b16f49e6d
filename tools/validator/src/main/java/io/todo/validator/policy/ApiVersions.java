package io.todo.validator.policy;

import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * API-001 (removed) and API-002 (deprecated) for the target's Kubernetes version, from the
 * Kubernetes deprecated API migration guide (kubernetes.io/docs/reference/using-api/deprecation-guide).
 */
final class ApiVersions {
  /** One retired API: {@code kind} "*" = every kind of the group version; removedIn 0 = still served. */
  record Retired(String apiVersion, String kind, int deprecatedIn, int removedIn, String replacement) {}

  static final List<Retired> TABLE = List.of(
      new Retired("extensions/v1beta1", "Deployment", 9, 16, "apps/v1"),
      new Retired("extensions/v1beta1", "DaemonSet", 9, 16, "apps/v1"),
      new Retired("extensions/v1beta1", "ReplicaSet", 9, 16, "apps/v1"),
      new Retired("extensions/v1beta1", "NetworkPolicy", 9, 16, "networking.k8s.io/v1"),
      new Retired("extensions/v1beta1", "PodSecurityPolicy", 11, 16, "Pod Security Admission"),
      new Retired("extensions/v1beta1", "Ingress", 14, 22, "networking.k8s.io/v1"),
      new Retired("apps/v1beta1", "*", 9, 16, "apps/v1"),
      new Retired("apps/v1beta2", "*", 9, 16, "apps/v1"),
      new Retired("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", 16, 22, "admissionregistration.k8s.io/v1"),
      new Retired("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", 16, 22, "admissionregistration.k8s.io/v1"),
      new Retired("apiextensions.k8s.io/v1beta1", "*", 16, 22, "apiextensions.k8s.io/v1"),
      new Retired("apiregistration.k8s.io/v1beta1", "*", 19, 22, "apiregistration.k8s.io/v1"),
      new Retired("authentication.k8s.io/v1beta1", "*", 19, 22, "authentication.k8s.io/v1"),
      new Retired("authorization.k8s.io/v1beta1", "*", 19, 22, "authorization.k8s.io/v1"),
      new Retired("certificates.k8s.io/v1beta1", "*", 19, 22, "certificates.k8s.io/v1"),
      new Retired("coordination.k8s.io/v1beta1", "*", 19, 22, "coordination.k8s.io/v1"),
      new Retired("networking.k8s.io/v1beta1", "Ingress", 19, 22, "networking.k8s.io/v1"),
      new Retired("networking.k8s.io/v1beta1", "IngressClass", 19, 22, "networking.k8s.io/v1"),
      new Retired("rbac.authorization.k8s.io/v1beta1", "*", 17, 22, "rbac.authorization.k8s.io/v1"),
      new Retired("scheduling.k8s.io/v1beta1", "*", 14, 22, "scheduling.k8s.io/v1"),
      new Retired("storage.k8s.io/v1beta1", "CSIDriver", 19, 22, "storage.k8s.io/v1"),
      new Retired("storage.k8s.io/v1beta1", "CSINode", 17, 22, "storage.k8s.io/v1"),
      new Retired("storage.k8s.io/v1beta1", "StorageClass", 19, 22, "storage.k8s.io/v1"),
      new Retired("storage.k8s.io/v1beta1", "VolumeAttachment", 19, 22, "storage.k8s.io/v1"),
      new Retired("batch/v1beta1", "CronJob", 21, 25, "batch/v1"),
      new Retired("discovery.k8s.io/v1beta1", "EndpointSlice", 21, 25, "discovery.k8s.io/v1"),
      new Retired("events.k8s.io/v1beta1", "Event", 21, 25, "events.k8s.io/v1"),
      new Retired("autoscaling/v2beta1", "HorizontalPodAutoscaler", 22, 25, "autoscaling/v2"),
      new Retired("policy/v1beta1", "PodDisruptionBudget", 21, 25, "policy/v1"),
      new Retired("policy/v1beta1", "PodSecurityPolicy", 21, 25, "Pod Security Admission"),
      new Retired("node.k8s.io/v1beta1", "RuntimeClass", 20, 25, "node.k8s.io/v1"),
      new Retired("flowcontrol.apiserver.k8s.io/v1beta1", "*", 23, 26, "flowcontrol.apiserver.k8s.io/v1"),
      new Retired("autoscaling/v2beta2", "HorizontalPodAutoscaler", 23, 26, "autoscaling/v2"),
      new Retired("storage.k8s.io/v1beta1", "CSIStorageCapacity", 24, 27, "storage.k8s.io/v1"),
      new Retired("flowcontrol.apiserver.k8s.io/v1beta2", "*", 26, 29, "flowcontrol.apiserver.k8s.io/v1"),
      new Retired("flowcontrol.apiserver.k8s.io/v1beta3", "*", 29, 32, "flowcontrol.apiserver.k8s.io/v1"),
      new Retired("v1", "ComponentStatus", 19, 0, "(none: use the components' health endpoints)"),
      new Retired("v1", "Endpoints", 33, 0, "discovery.k8s.io/v1 EndpointSlice"));

  private ApiVersions() {}

  static List<Rule> all() {
    return List.of(new Removed(), new Deprecated());
  }

  /** The minor version of the target ("1.33" → 33); the newest when unknown. */
  static int minor(PolicyContext ctx) {
    String v = ctx.target().kubernetesVersion();
    if (v == null) {
      return Integer.MAX_VALUE;
    }
    try {
      String[] parts = v.replaceFirst("^v", "").split("\\.");
      return Integer.parseInt(parts[1]);
    } catch (RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }

  static Retired lookup(Resource r) {
    for (Retired t : TABLE) {
      if (t.apiVersion().equals(r.apiVersion()) && (t.kind().equals("*") || t.kind().equals(r.kind()))) {
        return t;
      }
    }
    return null;
  }

  static final class Removed implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("API-001", "No API versions removed in the target Kubernetes version", Severity.ERROR, null,
          "The API server rejects objects of a removed API version: the sync fails.",
          "Move the object to the replacement API version (see kubernetes.io/docs/reference/using-api/deprecation-guide).",
          Map.of("polaris", "(none; Pluto and kubent do this)", "kube-linter", "no-extensions-v1beta (extensions/v1beta1 only)",
              "kube-score", "stable-version (partial)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      int minor = minor(ctx);
      for (Resource r : ctx.resources()) {
        Retired t = lookup(r);
        if (t != null && t.removedIn() > 0 && minor >= t.removedIn()) {
          out.add(r, "/apiVersion", r.apiVersion() + " " + r.kind() + " was removed in Kubernetes 1." + t.removedIn()
              + "; use " + t.replacement());
        }
      }
    }
  }

  static final class Deprecated implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("API-002", "No API versions deprecated in the target Kubernetes version", Severity.WARNING, null,
          "A deprecated API version still works but will be removed; migrating before the cluster upgrade avoids a failed sync.",
          "Move the object to the replacement API version before upgrading the cluster.",
          Map.of("kube-score", "stable-version (partial)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      int minor = minor(ctx);
      for (Resource r : ctx.resources()) {
        Retired t = lookup(r);
        if (t != null && minor >= t.deprecatedIn() && (t.removedIn() == 0 || minor < t.removedIn())) {
          out.add(r, "/apiVersion", r.apiVersion() + " " + r.kind() + " is deprecated since Kubernetes 1." + t.deprecatedIn()
              + (t.removedIn() > 0 ? " and removed in 1." + t.removedIn() : "") + "; use " + t.replacement());
        }
      }
    }
  }
}
