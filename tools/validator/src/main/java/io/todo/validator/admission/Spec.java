package io.todo.validator.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A strict view of one field of a policy manifest: unknown fields, wrong types and bad enum values
 * are input errors at the field's file:line.
 */
final class Spec {
  final Resource doc;
  final String pointer;
  final JsonNode node;

  Spec(Resource doc, String pointer, JsonNode node) {
    this.doc = doc;
    this.pointer = pointer;
    this.node = node;
  }

  static Spec root(Resource r) {
    return new Spec(r, "", r.object());
  }

  Location location() {
    return doc.locate(pointer);
  }

  /** The field path as users write it: {@code spec.validations[0].expression}. */
  String path() {
    StringBuilder sb = new StringBuilder();
    for (String seg : pointer.split("/")) {
      if (seg.isEmpty()) {
        continue;
      }
      if (seg.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(seg).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(seg.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }

  ValidatorException error(String message) {
    String p = path();
    return ValidatorException.input(location(), (p.isEmpty() ? "" : p + ": ") + message);
  }

  boolean has(String key) {
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  Spec get(String key) {
    return new Spec(doc, pointer + "/" + SourceMap.escape(key), node.get(key));
  }

  Spec object() {
    if (!node.isObject()) {
      throw error("must be a mapping");
    }
    return this;
  }

  /** Checks the node is a mapping whose keys are all in {@code allowed}. */
  Spec fields(String... allowed) {
    object();
    Set<String> ok = Set.of(allowed);
    Iterator<String> it = node.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!ok.contains(k)) {
        throw get(k).error("unknown field \"" + k + "\" (expected one of " + new TreeSet<>(ok) + ")");
      }
    }
    return this;
  }

  String string(String key, boolean required) {
    if (!has(key)) {
      if (required) {
        throw error("missing required field \"" + key + "\"");
      }
      return null;
    }
    Spec f = get(key);
    if (!f.node.isTextual()) {
      throw f.error("must be a string");
    }
    return f.node.asText();
  }

  String nonEmpty(String key) {
    String s = string(key, true);
    if (s.isEmpty()) {
      throw get(key).error("must not be empty");
    }
    return s;
  }

  String oneOf(String key, String dflt, String... values) {
    String s = string(key, false);
    if (s == null) {
      return dflt;
    }
    for (String v : values) {
      if (v.equals(s)) {
        return s;
      }
    }
    throw get(key).error("unsupported value \"" + s + "\" (expected one of " + List.of(values) + ")");
  }

  List<Spec> list(String key, boolean required) {
    if (!has(key)) {
      if (required) {
        throw error("missing required field \"" + key + "\"");
      }
      return List.of();
    }
    Spec f = get(key);
    if (!f.node.isArray()) {
      throw f.error("must be a list");
    }
    List<Spec> out = new ArrayList<>();
    for (int i = 0; i < f.node.size(); i++) {
      out.add(new Spec(doc, f.pointer + "/" + i, f.node.get(i)));
    }
    if (required && out.isEmpty()) {
      throw f.error("must not be empty");
    }
    return out;
  }

  List<String> strings(String key, boolean required) {
    List<String> out = new ArrayList<>();
    for (Spec s : list(key, required)) {
      if (!s.node.isTextual()) {
        throw s.error("must be a string");
      }
      out.add(s.node.asText());
    }
    return List.copyOf(out);
  }

  Map<String, String> stringMap(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!has(key)) {
      return out;
    }
    Spec m = get(key).object();
    m.node.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw m.get(e.getKey()).error("must be a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }
}
