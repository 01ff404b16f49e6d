package io.todo.validator.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads JSON into the same tree {@code ObjectMapper.readTree} builds, and writes a tree as
 * {@code JsonNode.toString} does, with jackson-core only: a cold start should not pay for
 * databind's mapper machinery (about 60 ms and some 380 classes; {@code JsonNode.toString} alone
 * loads all of it).
 */
public final class JsonTree {
  /**
   * Without a shared symbol table: each parser copied the factory's table, grown by every document
   * read before (the schema bundle is read as hundreds of slices), before adding its first name.
   */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonTree() {}

  /** The document's root node; the stream (UTF-8) is read to its end but not closed. */
  public static JsonNode read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    return read(all, 0, all.length);
  }

  /**
   * The UTF-8 document at {@code bytes[offset, offset + length)}. Decoded here, then parsed as
   * chars: without a canonicalising symbol table jackson reads a byte stream through an
   * {@code InputStreamReader}, whose decoder was a tenth of reading the schema bundle.
   */
  public static JsonNode read(byte[] bytes, int offset, int length) throws IOException {
    try (JsonParser p = FACTORY.createParser(new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8))) {
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

  /** The compact JSON text {@code node.toString()} gives, without databind. */
  public static String write(JsonNode node) {
    if (node.isTextual() || node.isNull() || node.isBoolean() || node.isIntegralNumber() && node.canConvertToLong()) {
      return scalarText(node); // the common case (keys, enum values): no generator
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static String scalarText(JsonNode node) {
    if (node.isTextual()) {
      StringBuilder sb = new StringBuilder(node.textValue().length() + 2).append('"');
      com.fasterxml.jackson.core.io.CharTypes.appendQuoted(sb, node.textValue());
      return sb.append('"').toString();
    }
    return node.isNull() ? "null" : node.asText();
  }

  /** Recursive: the trees written are schemas and values the YAML loader already bounded in depth. */
  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    if (node.isObject()) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode item : node) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (node.isTextual()) {
      g.writeString(node.textValue());
    } else if (node.isBoolean()) {
      g.writeBoolean(node.booleanValue());
    } else if (node.isNull() || node.isMissingNode()) {
      g.writeNull();
    } else if (node.isBigInteger()) {
      g.writeNumber(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      g.writeNumber(node.decimalValue());
    } else if (node.isIntegralNumber()) {
      g.writeNumber(node.longValue());
    } else if (node.isFloat()) {
      g.writeNumber(node.floatValue());
    } else if (node.isNumber()) {
      g.writeNumber(node.doubleValue());
    } else if (node.isBinary()) {
      g.writeBinary(node.binaryValue());
    } else {
      g.writeString(node.asText()); // POJO nodes: none are built here
    }
  }
}
