package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import io.todo.validator.load.JsonTree;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns networknt's messages into ours: the field the user must edit and a sentence about the
 * value ({@code "8000a" is not an integer}). Values of Secret data are never shown.
 */
final class SchemaMessages {
  private SchemaMessages() {}

  /** A problem at a field, before it becomes a Finding. */
  record Problem(FieldPath path, String message) {}

  static Problem of(ValidationMessage m, boolean redact) {
    FieldPath at = path(m.getInstanceLocation());
    JsonNode value = m.getInstanceNode();
    String key = m.getType() != null ? m.getType() : String.valueOf(m.getMessageKey());
    String shown = show(value, redact || isSecretData(at));
    switch (key) {
      case "type":
        return new Problem(at, typeMessage(value, shown, m.getSchemaNode()));
      case "additionalProperties":
        return new Problem(at.child(m.getProperty()), "unknown field \"" + m.getProperty() + "\"");
      case "required":
        return new Problem(at, "missing required field \"" + m.getProperty() + "\"");
      case "enum":
        return new Problem(at, shown + " is not one of " + enumValues(m.getSchemaNode()));
      case "pattern":
        return new Problem(at, shown + " does not match the pattern " + m.getSchemaNode().asText());
      case "uniqueItems":
        return new Problem(at, "has duplicate entries (the list is a set)");
      case SchemaConverter.QUANTITY:
        return new Problem(at, shown + " " + m.getMessage());
      case SchemaConverter.LIST_MAP_KEYS:
        return new Problem(at, m.getMessage());
      default:
        return new Problem(at, stripPath(m.getMessage()));
    }
  }

  private static FieldPath path(JsonNodePath p) {
    List<Object> segments = new ArrayList<>();
    for (int i = 0; i < p.getNameCount(); i++) {
      segments.add(p.getElement(i));
    }
    return new FieldPath(List.copyOf(segments));
  }

  private static boolean isSecretData(FieldPath at) {
    return at.startsWith("data") || at.startsWith("stringData");
  }

  private static String typeMessage(JsonNode value, String shown, JsonNode schemaType) {
    List<String> expected = new ArrayList<>();
    if (schemaType != null && schemaType.isArray()) {
      schemaType.forEach(t -> expected.add(t.asText()));
    } else if (schemaType != null && schemaType.isTextual()) {
      expected.add(schemaType.asText());
    }
    expected.remove("null");
    List<String> words = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      words.add(i == 0 ? article(expected.get(i)) : expected.get(i));
    }
    String want = words.isEmpty() ? "of the expected type" : String.join(" or ", words);
    if (value != null && value.isContainerNode()) {
      return "is " + article(jsonType(value)) + ", not " + want;
    }
    return shown + " is not " + want;
  }

  private static String article(String type) {
    return (type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ") + type;
  }

  private static String jsonType(JsonNode v) {
    return v.isObject() ? "object" : v.isArray() ? "array" : v.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  static String show(JsonNode value, boolean redact) {
    if (value == null) {
      return "the value";
    }
    if (redact) {
      return "the value";
    }
    if (value.isContainerNode()) {
      return "the " + jsonType(value);
    }
    String s = JsonTree.write(value);
    return s.length() > 80 ? s.substring(0, 77) + "...\"" : s;
  }

  private static String enumValues(JsonNode schemaNode) {
    List<String> values = new ArrayList<>();
    if (schemaNode != null && schemaNode.isArray()) {
      schemaNode.forEach(v -> values.add(JsonTree.write(v)));
    }
    return String.join(", ", values);
  }

  /** networknt's message starts with the instance path: "/spec/x: must ..." */
  private static String stripPath(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 && message.startsWith("/") || colon >= 0 && message.startsWith("$") || colon == 0
        ? message.substring(colon + 2) : message;
  }
}
