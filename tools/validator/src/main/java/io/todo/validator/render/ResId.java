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

  /** Unknown kinds count as namespaced, as in kyaml's openapi lookup. */
  boolean isClusterScoped() {
    Boolean namespaced = RenderTable.get().namespaced(group, kind);
    return namespaced != null && !namespaced;
  }

  /** "" and "default" name the same namespace. */
  String effectiveNamespace() {
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
