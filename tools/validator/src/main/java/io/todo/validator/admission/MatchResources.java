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
  boolean matches(ResourceKey key, List<ResourceKey> equivalents, Map<String, String> objectLabels, Map<String, String> namespaceLabels) {
    return matchedAs(key, equivalents, objectLabels, namespaceLabels) != null;
  }

  /**
   * As matching.Matcher: the key the request matches as, or null. That is the object's own, or with
   * matchPolicy Equivalent the first of {@code equivalents} (the resource at its other served
   * versions, in the order they are served) that a rule names; {@code equivalents} null means the
   * versions are unknown, and then the version is not compared at all under Equivalent.
   */
  ResourceKey matchedAs(ResourceKey key, List<ResourceKey> equivalents, Map<String, String> objectLabels, Map<String, String> namespaceLabels) {
    if (namespaceLabels != null && !namespaceSelector.matches(namespaceLabels)) {
      return null;
    }
    if (!objectSelector.matches(objectLabels)) {
      return null;
    }
    if (!excludes.isEmpty() && matchRules(excludes, key, equivalents) != null) {
      return null;
    }
    return rules == null ? key : matchRules(rules, key, equivalents);
  }

  private ResourceKey matchRules(List<ResourceRule> list, ResourceKey key, List<ResourceKey> equivalents) {
    boolean compareVersion = exact || equivalents != null;
    if (list.stream().anyMatch(r -> r.matches(key, compareVersion))) {
      return key;
    }
    if (!exact && equivalents != null) {
      for (ResourceKey e : equivalents) {
        if (!e.version().equals(key.version()) && list.stream().anyMatch(r -> r.matches(e, true))) {
          return e;
        }
      }
    }
    return null;
  }
}
