package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Label selectors as the API server evaluates them. */
final class Selectors {
  private Selectors() {}

  /** A Service-style selector (a plain map); an empty map selects nothing here (Services) by the caller's choice. */
  static boolean matchesMap(JsonNode selector, JsonNode labels) {
    for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!labels.path(e.getKey()).isValueNode() || !labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  /** A metav1.LabelSelector; an empty selector selects everything. */
  static boolean matches(JsonNode selector, JsonNode labels) {
    if (selector == null || selector.isMissingNode() || selector.isNull()) {
      return true;
    }
    if (!matchesMap(selector.path("matchLabels"), labels)) {
      return false;
    }
    for (JsonNode expr : selector.path("matchExpressions")) {
      String key = expr.path("key").asText();
      JsonNode value = labels.path(key);
      boolean has = value.isValueNode();
      boolean in = false;
      for (JsonNode v : expr.path("values")) {
        in |= has && v.asText().equals(value.asText());
      }
      boolean ok = switch (expr.path("operator").asText()) {
        case "In" -> in;
        case "NotIn" -> !in;
        case "Exists" -> has;
        case "DoesNotExist" -> !has;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static boolean isEmpty(JsonNode selector) {
    return selector == null || selector.isMissingNode() || selector.isNull()
        || (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty());
  }
}
