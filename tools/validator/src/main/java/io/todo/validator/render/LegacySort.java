package io.todo.validator.render;

import java.util.List;

/** kustomize's legacy output order (SortOrderTransformer): by kind rank, then GVK, then ns/name. */
final class LegacySort {
  static final List<String> ORDER_FIRST = List.of(
      "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
      "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service",
      "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet",
      "CronJob", "PodDisruptionBudget");
  static final List<String> ORDER_LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

  private LegacySort() {}

  /** Sorts in place; each resource's id is computed once, not per comparison. */
  static void sort(List<Res> resources, List<String> first, List<String> last) {
    java.util.Map<Res, ResId> ids = new java.util.IdentityHashMap<>();
    for (Res r : resources) {
      ids.put(r, r.curId());
    }
    resources.sort((a, b) -> compare(ids.get(a), ids.get(b), first, last));
  }

  /**
   * kustomize fills one map from orderFirst, then from orderLast, so a kind listed twice takes its
   * last place, and a kind in both lists is ordered last.
   */
  private static int rank(String kind, List<String> first, List<String> last) {
    int j = last.lastIndexOf(kind);
    if (j >= 0) {
      return 1 + j;
    }
    int i = first.lastIndexOf(kind);
    return i >= 0 ? i - first.size() : 0;
  }

  static int compare(ResId a, ResId b, List<String> first, List<String> last) {
    if (!a.gvkEquals(b)) {
      int ra = rank(a.kind(), first, last);
      int rb = rank(b.kind(), first, last);
      if (ra != rb) {
        return Integer.compare(ra, rb);
      }
      if (a.kind().equals("Namespace") && b.kind().equals("Namespace") && (a.group().isEmpty() || b.group().isEmpty())) {
        return -gvkKey(a).compareTo(gvkKey(b));
      }
      return gvkKey(a).compareTo(gvkKey(b));
    }
    return idKey(a).compareTo(idKey(b));
  }

  /**
   * resid.Gvk.IsLessThan: the default kind ranks, then the GVK string. kustomize sorts every
   * transformer configuration's field specs with it (TransformerConfig.sortFields).
   */
  static int compareGvk(ResId a, ResId b) {
    int ra = rank(a.kind(), ORDER_FIRST, ORDER_LAST);
    int rb = rank(b.kind(), ORDER_FIRST, ORDER_LAST);
    return ra != rb ? Integer.compare(ra, rb) : gvkKey(a).compareTo(gvkKey(b));
  }

  private static String gvkKey(ResId id) {
    return (id.group().isEmpty() ? "~G" : id.group()) + "_" + (id.version().isEmpty() ? "~V" : id.version()) + "_"
        + (id.kind().isEmpty() ? "~K" : id.kind());
  }

  private static String idKey(ResId id) {
    return id.gvkString() + "|" + (id.namespace().isEmpty() ? "~X" : id.namespace()) + "|" + (id.name().isEmpty() ? "~N" : id.name());
  }
}
