package io.todo.validator.admission;

import java.util.List;
import java.util.Map;

/** matchConstraints of a policy, matchResources of a binding. */
record MatchResources(
    List<ResourceRule> rules,
    List<ResourceRule> excludes,
    LabelSelector namespaceSelector,
    LabelSelector objectSelector,
    boolean exact) {

  /** A binding without matchResources constrains nothing. */
  static final MatchResources ANY = new MatchResources(null, List.of(), LabelSelector.EVERYTHING, LabelSelector.EVERYTHING, false);

  static MatchResources parse(Spec s, boolean rulesRequired) {
    s.fields("namespaceSelector", "objectSelector", "resourceRules", "excludeResourceRules", "matchPolicy");
    List<ResourceRule> rules = s.list("resourceRules", rulesRequired).stream().map(ResourceRule::parse).toList();
    return new MatchResources(
        !rulesRequired && rules.isEmpty() ? null : rules,
        s.list("excludeResourceRules", false).stream().map(ResourceRule::parse).toList(),
        s.has("namespaceSelector") ? LabelSelector.parse(s.get("namespaceSelector")) : LabelSelector.EVERYTHING,
        s.has("objectSelector") ? LabelSelector.parse(s.get("objectSelector")) : LabelSelector.EVERYTHING,
        s.oneOf("matchPolicy", "Equivalent", "Exact", "Equivalent").equals("Exact"));
  }

  /**
   * Whether the object is in scope. {@code namespaceLabels} are the labels of the object's
   * namespace (null for cluster-scoped objects other than Namespaces, which the namespace selector
   * never excludes).
   */
  boolean matches(ResourceKey key, Map<String, String> objectLabels, Map<String, String> namespaceLabels) {
    if (namespaceLabels != null && !namespaceSelector.matches(namespaceLabels)) {
      return false;
    }
    if (!objectSelector.matches(objectLabels)) {
      return false;
    }
    if (rules != null && rules.stream().noneMatch(r -> r.matches(key, exact))) {
      return false;
    }
    return excludes.stream().noneMatch(r -> r.matches(key, exact));
  }
}
