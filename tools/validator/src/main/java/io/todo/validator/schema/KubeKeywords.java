package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbstractJsonValidator;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import io.todo.validator.load.JsonTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The networknt keywords for what the API server checks beyond JSON Schema. */
final class KubeKeywords {
  /**
   * {@code <signedNumber><suffix>} of k8s.io/apimachinery/pkg/api/resource: the OpenAPI pattern
   * controller-gen writes for a Quantity, except that an exponent is an integer, as ParseQuantity
   * (what the API server runs on a built-in Quantity field) requires.
   */
  static final Pattern QUANTITY = io.todo.validator.model.QuantitySyntax.FORM;

  /**
   * Defaults the API server fills in before it compares list-map keys: two ports that differ only
   * by an omitted {@code protocol} collide.
   */
  private static final Map<String, String> KEY_DEFAULTS = Map.of("protocol", "TCP");

  private KubeKeywords() {}

  static List<Keyword> all() {
    return List.of(new ListMapKeys(), new QuantityKeyword());
  }

  static ValidationMessage message(String keyword, JsonNodePath at, JsonNode instance, String text) {
    return ValidationMessage.builder()
        .message(text) // sets the message key too, so it goes first
        .type(keyword)
        .messageKey(keyword)
        .code(keyword)
        .instanceLocation(at)
        .instanceNode(instance)
        .build();
  }

  /** {@code x-kubernetes-list-map-keys}: no two items of the list may share the key fields. */
  static final class ListMapKeys implements Keyword {
    @Override
    public String getValue() {
      return SchemaConverter.LIST_MAP_KEYS;
    }

    @Override
    public JsonValidator newValidator(SchemaLocation location, JsonNodePath evaluationPath, JsonNode schemaNode,
        JsonSchema parent, ValidationContext context) {
      List<String> keys = new ArrayList<>();
      schemaNode.forEach(k -> keys.add(k.asText()));
      return new AbstractJsonValidator(location, evaluationPath, this, schemaNode) {
        @Override
        public Set<ValidationMessage> validate(ExecutionContext ctx, JsonNode node, JsonNode root, JsonNodePath at) {
          if (!node.isArray() || keys.isEmpty()) {
            return Set.of();
          }
          Set<ValidationMessage> errors = new LinkedHashSet<>();
          Map<List<String>, Integer> seen = new HashMap<>();
          for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject()) {
              continue;
            }
            List<String> tuple = new ArrayList<>();
            StringBuilder shown = new StringBuilder();
            for (String k : keys) {
              JsonNode v = item.get(k);
              String text = v != null ? JsonTree.write(v) : KEY_DEFAULTS.containsKey(k)
                  ? "\"" + KEY_DEFAULTS.get(k) + "\"" : "null";
              tuple.add(text);
              if (v != null || keys.size() > 1) {
                shown.append(shown.length() == 0 ? "" : ", ").append(k).append(' ').append(text);
              }
            }
            Integer first = seen.putIfAbsent(tuple, i);
            if (first != null) {
              errors.add(message(getKeyword(), at.append(i), item,
                  "duplicate entry with " + shown + " (first at index " + first + ")"));
            }
          }
          return errors;
        }
      };
    }
  }

  /** {@value SchemaConverter#QUANTITY}: a string value must parse as a resource quantity. */
  static final class QuantityKeyword implements Keyword {
    @Override
    public String getValue() {
      return SchemaConverter.QUANTITY;
    }

    @Override
    public JsonValidator newValidator(SchemaLocation location, JsonNodePath evaluationPath, JsonNode schemaNode,
        JsonSchema parent, ValidationContext context) {
      return new AbstractJsonValidator(location, evaluationPath, this, schemaNode) {
        @Override
        public Set<ValidationMessage> validate(ExecutionContext ctx, JsonNode node, JsonNode root, JsonNodePath at) {
          if (node.isTextual() && !QUANTITY.matcher(node.asText()).matches()) {
            return Set.of(message(getKeyword(), at, node, "is not a valid quantity (for example 250m, 1.5, 512Mi, 2Gi)"));
          }
          return Set.of();
        }
      };
    }
  }
}
