package io.todo.validator.render;

import java.util.Objects;

/** A resource's identity as kustomize sees it (kyaml resid.ResId): group, version, kind, name, namespace. */
record ResId(String group, String version, String kind, String name, String namespace) {

  // written out for the same reason as FieldSpec's: no invokedynamic bootstrap on a cold start
  @Override
  public boolean equals(Object o) {
    return o instanceof ResId r && Objects.equals(group, r.group)
        && Objects.equals(version, r.version)
        && Objects.equals(kind, r.kind)
        && Objects.equals(name, r.name)
        && Objects.equals(namespace, r.namespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, version, kind, name, namespace);
  }

  static ResId of(String apiVersion, String kind, String name, String namespace) {
    String av = apiVersion == null ? "" : apiVersion;
    int slash = av.indexOf('/');
    String g = slash < 0 ? "" : av.substring(0, slash);
    String v = slash < 0 ? av : av.substring(slash + 1);
    return new ResId(g, v, nz(kind), nz(name), nz(namespace));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * kyaml's {@code precomputedIsNamespaceScoped} (openapi.go, Kubernetes v1.21.2) keyed by exact
   * apiVersion and kind, cluster-scoped entries only: kustomize asks it before any schema, and any
   * other type (a newer kind, another version, a CRD's kind) counts as namespaced.
   */
  private static final java.util.Set<String> CLUSTER_SCOPED = java.util.Set.of(
      "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration",
      "admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration",
      "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration",
      "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration",
      "apiextensions.k8s.io/v1 CustomResourceDefinition", "apiextensions.k8s.io/v1beta1 CustomResourceDefinition",
      "apiregistration.k8s.io/v1 APIService", "apiregistration.k8s.io/v1beta1 APIService",
      "certificates.k8s.io/v1 CertificateSigningRequest", "certificates.k8s.io/v1beta1 CertificateSigningRequest",
      "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema",
      "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration", "networking.k8s.io/v1 IngressClass",
      "networking.k8s.io/v1beta1 IngressClass", "node.k8s.io/v1 RuntimeClass", "node.k8s.io/v1beta1 RuntimeClass",
      "policy/v1beta1 PodSecurityPolicy", "rbac.authorization.k8s.io/v1 ClusterRole",
      "rbac.authorization.k8s.io/v1 ClusterRoleBinding", "rbac.authorization.k8s.io/v1beta1 ClusterRole",
      "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding", "scheduling.k8s.io/v1 PriorityClass",
      "scheduling.k8s.io/v1beta1 PriorityClass", "storage.k8s.io/v1 CSIDriver", "storage.k8s.io/v1 CSINode",
      "storage.k8s.io/v1 StorageClass", "storage.k8s.io/v1 VolumeAttachment", "storage.k8s.io/v1beta1 CSIDriver",
      "storage.k8s.io/v1beta1 CSINode", "storage.k8s.io/v1beta1 StorageClass",
      "storage.k8s.io/v1beta1 VolumeAttachment", "v1 ComponentStatus", "v1 Namespace", "v1 Node",
      "v1 NodeProxyOptions", "v1 PersistentVolume");

  /** openapi.IsCertainlyClusterScoped: only the types kyaml knows as cluster-scoped. */
  boolean isClusterScoped() {
    return CLUSTER_SCOPED.contains(apiVersion() + " " + kind);
  }

  /** kyaml's EffectiveNamespace: "" and "default" name the same namespace; cluster-scoped types have none. */
  String effectiveNamespace() {
    if (isClusterScoped()) {
      return "_non_namespaceable_";
    }
    return namespace.isEmpty() ? "default" : namespace;
  }

  boolean nsEquals(ResId o) {
    return effectiveNamespace().equals(o.effectiveNamespace());
  }

  boolean gvkEquals(ResId o) {
    return group.equals(o.group) && version.equals(o.version) && kind.equals(o.kind);
  }

  /** resid.ResId.Equals: same GVK, name and (effective) namespace. */
  boolean matches(ResId o) {
    return gvkEquals(o) && name.equals(o.name) && nsEquals(o);
  }

  /** Equal for ids that {@link #matches} each other: for hash lookups instead of pairwise scans. */
  String key() {
    return group + "|" + version + "|" + kind + "|" + name + "|" + effectiveNamespace();
  }

  /** Gvk.IsSelected: empty selector fields match anything. */
  boolean selectedBy(String g, String v, String k) {
    return (g == null || g.isEmpty() || g.equals(group))
        && (v == null || v.isEmpty() || v.equals(version))
        && (k == null || k.isEmpty() || k.equals(kind));
  }

  ResId withName(String n) {
    return new ResId(group, version, kind, n, namespace);
  }

  /** kyaml's Gvk.String: Kind.version.group with placeholders for empty parts. */
  String gvkString() {
    return (kind.isEmpty() ? "[noKind]" : kind) + "." + (version.isEmpty() ? "[noVer]" : version) + "."
        + (group.isEmpty() ? "[noGrp]" : group);
  }

  /** kyaml's ResId.String: Gvk.String() + "/" + name + "." + namespace, "[noName]"/"[noNs]" for empty ones. */
  @Override
  public String toString() {
    return gvkString() + "/" + (name.isEmpty() ? "[noName]" : name) + "." + (namespace.isEmpty() ? "[noNs]" : namespace);
  }
}
