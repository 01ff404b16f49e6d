package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.schema.SchemaMessages.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the API server rejects in metadata although the OpenAPI documents (and so kubeconform)
 * accept it: malformed names per kind, malformed namespaces, a namespace on a cluster-scoped kind,
 * bad label and annotation keys and label values, oversized annotations.
 */
final class MetadataRules {
  private static final Set<String> RBAC = Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");
  private static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;
  private static final FieldPath META = FieldPath.root().child("metadata");

  private MetadataRules() {}

  /**
   * @param namespaced whether the kind is namespaced, or null when unknown
   */
  static List<Problem> check(JsonNode object, String group, String kind, Boolean namespaced) {
    List<Problem> out = new ArrayList<>();
    JsonNode meta = object.get("metadata");
    if (meta == null || !meta.isObject()) {
      if (meta == null) {
        out.add(new Problem(FieldPath.root(), "missing required field \"metadata\""));
      }
      return out;
    }
    JsonNode name = meta.get("name");
    if (name != null && name.isTextual()) {
      String why = nameRule(group, kind).apply(name.asText());
      if (why != null) {
        out.add(new Problem(META.child("name"), "\"" + name.asText() + "\" is not a valid " + kind + " name: " + why));
      }
    } else if (name == null && !meta.path("generateName").isTextual()) {
      out.add(new Problem(META, "missing required field \"name\""));
    }
    JsonNode ns = meta.get("namespace");
    if (ns != null && ns.isTextual()) {
      if (Boolean.FALSE.equals(namespaced)) {
        out.add(new Problem(META.child("namespace"),
            kind + " is cluster-scoped and cannot have a namespace (found \"" + ns.asText() + "\")"));
      } else {
        String why = KubeNames.dns1123Label(ns.asText());
        if (why != null) {
          out.add(new Problem(META.child("namespace"), "\"" + ns.asText() + "\" is not a valid namespace: " + why));
        }
      }
    }
    checkKeys(meta.get("labels"), META.child("labels"), true, out);
    checkKeys(meta.get("annotations"), META.child("annotations"), false, out);
    return out;
  }

  private static void checkKeys(JsonNode map, FieldPath at, boolean labels, List<Problem> out) {
    if (map == null || !map.isObject()) {
      return;
    }
    long size = 0;
    Iterator<Map.Entry<String, JsonNode>> it = map.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String why = KubeNames.qualifiedName(e.getKey());
      if (why != null) {
        out.add(new Problem(at.child(e.getKey()), "invalid " + (labels ? "label" : "annotation") + " key: " + why));
      }
      JsonNode v = e.getValue();
      if (labels && v.isTextual()) {
        String vWhy = KubeNames.labelValue(v.asText());
        if (vWhy != null) {
          out.add(new Problem(at.child(e.getKey()), SchemaMessages.show(v, false) + " is not a valid label value: " + vWhy));
        }
      }
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length
          + (v.isTextual() ? v.asText().getBytes(StandardCharsets.UTF_8).length : 0);
    }
    if (!labels && size > ANNOTATIONS_MAX_BYTES) {
      out.add(new Problem(at, "annotations total " + size + " bytes, more than the limit of " + ANNOTATIONS_MAX_BYTES));
    }
  }

  /** The name rule of a kind (k8s.io/kubernetes/pkg/apis/.../validation). */
  static UnaryOperator<String> nameRule(String group, String kind) {
    if (group.isEmpty() && kind.equals("Namespace")) {
      return KubeNames::dns1123Label;
    }
    if (group.isEmpty() && kind.equals("Service")) {
      return KubeNames::dns1035Label;
    }
    if (group.equals("rbac.authorization.k8s.io") && RBAC.contains(kind)) {
      return KubeNames::pathSegment;
    }
    if (group.equals("batch") && kind.equals("CronJob")) {
      // the controller appends an 11-character suffix to name the Jobs
      return v -> v.length() > 52 ? "must be no more than 52 characters" : KubeNames.dns1123Subdomain(v);
    }
    return KubeNames::dns1123Subdomain;
  }
}
