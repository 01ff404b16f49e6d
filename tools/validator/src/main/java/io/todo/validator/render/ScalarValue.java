package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.todo.validator.load.PlainTimestamp;
import io.todo.validator.load.ScalarResolver;

/**
 * A yaml.Node as kustomize's replacements move it around: a tag plus the scalar text (or a whole
 * container). Writing text into a tagged scalar keeps the tag, and the output round trip then
 * decodes the text with that tag: "5" into an int stays an int, "5" into a string stays a string,
 * "abc" into an int is an error.
 */
record ScalarValue(Tag tag, String text, JsonNode container) {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  enum Tag { STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, UNTYPED, MAP, SEQ }

  static ScalarValue of(JsonNode n) {
    Tag t = tagOf(n);
    return new ScalarValue(t, PathMatcher.value(n), n.isContainerNode() ? n : null);
  }

  /** sourceValue: yaml.NewScalarRNode, a scalar without a tag. */
  static ScalarValue untagged(String text) {
    return new ScalarValue(Tag.UNTYPED, text, null);
  }

  ScalarValue withText(String t) {
    return new ScalarValue(tag, t, container);
  }

  boolean isScalar() {
    return container == null;
  }

  static Tag tagOf(JsonNode n) {
    if (n instanceof PathMatcher.Created) {
      return Tag.UNTYPED;
    }
    if (n instanceof PlainTimestamp) {
      return Tag.TIMESTAMP;
    }
    if (n == null || n.isNull()) {
      return Tag.NULL;
    }
    if (n.isObject()) {
      return Tag.MAP;
    }
    if (n.isArray()) {
      return Tag.SEQ;
    }
    if (n.isBoolean()) {
      return Tag.BOOL;
    }
    if (n.isIntegralNumber()) {
      return Tag.INT;
    }
    if (n.isNumber()) {
      return Tag.FLOAT;
    }
    return Tag.STR;
  }

  /** The node itself (SetYNode of a copy). */
  JsonNode node() {
    return container != null ? container.deepCopy() : typed(tag, text);
  }

  /** An untagged plain scalar, typed as yaml.v3 types it. */
  static JsonNode untyped(String text) {
    return ScalarResolver.plainCore(text);
  }

  /**
   * Whether yaml.v3 reads this text, written as an untagged plain scalar, as a string: kyaml writes
   * map keys that way (annotations, labels, generated data), and a key that reads as true, 12,
   * null or a date fails kustomize's final JSON conversion.
   */
  static boolean readsAsString(String text) {
    JsonNode n = untyped(text);
    return n.isTextual() && !(n instanceof PlainTimestamp);
  }

  /** What yaml.v3 decodes from a scalar with this tag and text. */
  static JsonNode typed(Tag tag, String text) {
    JsonNode plain = untyped(text);
    return switch (tag) {
      case UNTYPED -> plain;
      case STR, MAP, SEQ -> F.textNode(text);
      case NULL -> plain.isNull() ? plain : fail(plain, text, "null");
      case BOOL -> plain.isBoolean() ? plain : fail(plain, text, "bool");
      case INT -> plain.isIntegralNumber() ? plain : fail(plain, text, "int");
      case FLOAT -> plain.isNumber() ? plain : fail(plain, text, "float");
      case TIMESTAMP -> plain instanceof PlainTimestamp ? plain : fail(plain, text, "timestamp");
    };
  }

  private static JsonNode fail(JsonNode resolved, String text, String tag) {
    String r = switch (tagOf(resolved)) {
      case NULL -> "null";
      case BOOL -> "bool";
      case INT -> "int";
      case FLOAT -> "float";
      case TIMESTAMP -> "timestamp";
      default -> "str";
    };
    throw new RenderException("cannot decode !!" + r + " `" + text + "` as a !!" + tag);
  }
}
