package io.todo.validator.admission;

import java.util.List;
import java.util.Map;

/** A metav1.LabelSelector; the empty selector matches everything. */
record LabelSelector(Map<String, String> matchLabels, List<Requirement> requirements) {

  static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

  record Requirement(String key, String operator, List<String> values) {
    boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (operator) {
        case "In" -> v != null && values.contains(v);
        case "NotIn" -> v == null || !values.contains(v);
        case "Exists" -> v != null;
        case "DoesNotExist" -> v == null;
        default -> throw new IllegalStateException(operator);
      };
    }
  }

  boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return requirements.stream().allMatch(r -> r.matches(labels));
  }

  static LabelSelector parse(Spec s) {
    s.fields("matchLabels", "matchExpressions");
    Map<String, String> labels = Map.copyOf(s.stringMap("matchLabels"));
    List<Requirement> reqs =
        s.list("matchExpressions", false).stream()
            .map(r -> {
              r.fields("key", "operator", "values");
              String op = r.oneOf("operator", null, "In", "NotIn", "Exists", "DoesNotExist");
              if (op == null) {
                throw r.error("missing required field \"operator\"");
              }
              List<String> values = r.strings("values", false);
              boolean set = op.equals("In") || op.equals("NotIn");
              if (set && values.isEmpty()) {
                throw r.error("values must be non-empty for operator " + op);
              }
              if (!set && !values.isEmpty()) {
                throw r.get("values").error("values must be empty for operator " + op);
              }
              return new Requirement(r.nonEmpty("key"), op, values);
            })
            .toList();
    return new LabelSelector(labels, reqs);
  }
}
