package io.todo.validator.admission;

import java.util.List;

/** A NamedRuleWithOperations of matchConstraints / matchResources. */
record ResourceRule(
    List<String> apiGroups,
    List<String> apiVersions,
    List<String> resources,
    List<String> operations,
    String scope,
    List<String> resourceNames) {

  private static final String[] OPERATIONS = {"CREATE", "UPDATE", "DELETE", "CONNECT", "*"};

  static ResourceRule parse(Spec s) {
    s.fields("apiGroups", "apiVersions", "resources", "operations", "scope", "resourceNames");
    List<String> ops = s.strings("operations", true);
    for (int i = 0; i < ops.size(); i++) {
      if (!List.of(OPERATIONS).contains(ops.get(i))) {
        throw s.get("operations").get(String.valueOf(i))
            .error("unsupported value \"" + ops.get(i) + "\" (expected one of " + List.of(OPERATIONS) + ")");
      }
    }
    List<String> resources = s.strings("resources", true);
    for (int i = 0; i < resources.size(); i++) {
      String r = resources.get(i);
      if (r.isEmpty() || r.indexOf('/') != r.lastIndexOf('/')) {
        throw s.get("resources").get(String.valueOf(i)).error("invalid resource \"" + r + "\"");
      }
    }
    return new ResourceRule(
        s.strings("apiGroups", true),
        s.strings("apiVersions", true),
        resources,
        ops,
        s.oneOf("scope", "*", "*", "Cluster", "Namespaced"),
        s.strings("resourceNames", false));
  }

  /**
   * Whether a CREATE of the object matches. {@code compareVersion} false: the version is not compared
   * (matchPolicy Equivalent for a kind whose other served versions we do not know).
   */
  boolean matches(ResourceKey key, boolean compareVersion) {
    if (!(operations.contains("CREATE") || operations.contains("*"))) {
      return false;
    }
    if (!(apiGroups.contains("*") || apiGroups.contains(key.group()))) {
      return false;
    }
    if (compareVersion && !(apiVersions.contains("*") || apiVersions.contains(key.version()))) {
      return false;
    }
    // "*" = every resource, "*/*" = every resource and subresource, "x/*" = subresources of x;
    // a rendered object is always the main resource, never a subresource
    boolean resource = resources.stream().anyMatch(r -> r.equals("*") || r.equals("*/*") || r.equals(key.resource()));
    if (!resource) {
      return false;
    }
    if (!scope.equals("*") && key.namespaced() != scope.equals("Namespaced")) {
      return false;
    }
    return resourceNames.isEmpty() || resourceNames.contains(key.name());
  }
}
