package io.todo.validator.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads JSON into the same tree {@code ObjectMapper.readTree} builds, with jackson-core only: a
 * cold start that needs one JSON document should not pay for databind's mapper machinery (about
 * 60 ms of class loading and initialisation before the first byte is read).
 */
public final class JsonTree {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonTree() {}

  /** The document's root node; the stream is read to its end but not closed. */
  public static JsonNode read(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new IOException("no JSON content");
      }
      return read(p, t);
    }
  }

  /** Iterative, so deep documents cannot overflow the stack. */
  private static JsonNode read(JsonParser p, JsonToken first) throws IOException {
    if (!first.isStructStart()) {
      return scalar(p, first);
    }
    Deque<JsonNode> open = new ArrayDeque<>();
    JsonNode root = first == JsonToken.START_OBJECT ? F.objectNode() : F.arrayNode();
    open.push(root);
    String field = null;
    JsonToken t;
    while (!open.isEmpty() && (t = p.nextToken()) != null) {
      switch (t) {
        case FIELD_NAME:
          field = p.currentName();
          continue;
        case END_OBJECT:
        case END_ARRAY:
          open.pop();
          continue;
        default:
          break;
      }
      JsonNode value = t == JsonToken.START_OBJECT ? F.objectNode()
          : t == JsonToken.START_ARRAY ? F.arrayNode() : scalar(p, t);
      JsonNode parent = open.peek();
      if (parent instanceof ObjectNode o) {
        o.set(field, value);
      } else {
        ((ArrayNode) parent).add(value);
      }
      if (t.isStructStart()) {
        open.push(value);
      }
    }
    if (!open.isEmpty()) {
      throw new IOException("unexpected end of JSON input");
    }
    return root;
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return F.textNode(p.getText());
      case VALUE_TRUE:
        return F.booleanNode(true);
      case VALUE_FALSE:
        return F.booleanNode(false);
      case VALUE_NULL:
        return F.nullNode();
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return F.numberNode(p.getIntValue());
          case LONG:
            return F.numberNode(p.getLongValue());
          default:
            return F.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return F.numberNode(p.getDoubleValue());
      default:
        throw new IOException("unexpected JSON token " + t);
    }
  }
}
