package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The content hash kustomize appends to generated ConfigMap and Secret names (api/hasher). */
final class Hasher {
  private Hasher() {}

  static String hash(JsonNode obj) {
    Map<String, Object> m = new TreeMap<>();
    String kind = Res.text(obj.get("kind"));
    // kustomize looks the name up with a path that never matches, so it always hashes ""
    m.put("name", "");
    m.put("kind", kind);
    m.put("data", value(obj.get("data")));
    if (kind.equals("Secret")) {
      m.put("type", value(obj.get("type")));
      if (obj.path("stringData").isObject()) {
        m.put("stringData", obj.get("stringData"));
      }
    } else if (obj.path("binaryData").isObject()) {
      m.put("binaryData", obj.get("binaryData"));
    }
    StringBuilder sb = new StringBuilder();
    json(m, sb);
    return encode(sha256Hex(sb.toString()));
  }

  private static Object value(JsonNode n) {
    if (n == null) {
      return "";
    }
    return n.isContainerNode() ? n : n.isNull() ? "null" : n.asText();
  }

  private static String encode(String hex) {
    StringBuilder sb = new StringBuilder();
    for (char c : hex.substring(0, 10).toCharArray()) {
      sb.append(switch (c) {
        case '0' -> 'g';
        case '1' -> 'h';
        case '3' -> 'k';
        case 'a' -> 'm';
        case 'e' -> 't';
        default -> c;
      });
    }
    return sb.toString();
  }

  private static String sha256Hex(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : d) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Go's encoding/json: sorted map keys, compact, HTML-safe escapes. */
  private static void json(Object o, StringBuilder sb) {
    if (o instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(e.getKey().toString(), sb);
        sb.append(':');
        json(e.getValue(), sb);
      }
      sb.append('}');
    } else if (o instanceof String s) {
      string(s, sb);
    } else if (o instanceof JsonNode n) {
      node(n, sb);
    }
  }

  private static void node(JsonNode n, StringBuilder sb) {
    if (n.isObject()) {
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      keys.sort(GoJsonText::compareUtf8);
      sb.append('{');
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        string(keys.get(i), sb);
        sb.append(':');
        node(n.get(keys.get(i)), sb);
      }
      sb.append('}');
    } else if (n.isArray()) {
      sb.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        node(n.get(i), sb);
      }
      sb.append(']');
    } else if (n.isTextual()) {
      string(n.asText(), sb);
    } else if (n.isNull()) {
      sb.append("null");
    } else if (n.isNumber()) {
      // values pass through interface{}: numbers become float64
      double d = n.doubleValue();
      sb.append(d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString((long) d) : GoValues.formatFloat(d));
    } else {
      sb.append(n.asText());
    }
  }

  private static void string(String s, StringBuilder sb) {
    GoJsonText.quote(s, sb);
  }
}
