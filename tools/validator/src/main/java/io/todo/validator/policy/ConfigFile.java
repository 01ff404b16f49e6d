package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A strictly checked YAML configuration file: every error names file:line:col. */
final class ConfigFile {
  private final JsonNode root;
  private final YamlDocument doc;
  private final String shown;

  private ConfigFile(JsonNode root, YamlDocument doc, String shown) {
    this.root = root;
    this.doc = doc;
    this.shown = shown;
  }

  /** The file's single document, or null when the file does not exist. */
  static ConfigFile read(Path file, String shown) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<YamlDocument> docs = new YamlLoader().load(file, shown);
    List<YamlDocument> nonEmpty = docs.stream().filter(d -> !d.isEmpty()).toList();
    if (nonEmpty.size() > 1) {
      throw ValidatorException.input(nonEmpty.get(1).start(), "expected a single YAML document");
    }
    if (nonEmpty.isEmpty()) {
      return new ConfigFile(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), null, shown);
    }
    YamlDocument d = nonEmpty.get(0);
    if (!d.content().isObject()) {
      throw ValidatorException.input(d.start(), "expected a mapping");
    }
    return new ConfigFile(d.content(), d, shown);
  }

  JsonNode root() {
    return root;
  }

  Location at(String pointer) {
    if (doc == null) {
      return Location.of(shown);
    }
    Location l = doc.locations().locate(pointer);
    return l != null ? l : doc.start();
  }

  ValidatorException error(String pointer, String message) {
    return ValidatorException.input(at(pointer), message);
  }

  /** The mapping at pointer (empty when absent); unknown keys are errors unless allowed is null. */
  JsonNode mapping(String pointer, Set<String> allowed) {
    JsonNode n = root.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    if (!n.isObject()) {
      throw error(pointer, Pointers.toField(pointer) + " must be a mapping");
    }
    if (allowed != null) {
      Iterator<String> it = n.fieldNames();
      while (it.hasNext()) {
        String k = it.next();
        if (!allowed.contains(k)) {
          throw error(Pointers.join(pointer, k), "unknown field \"" + k + "\" (expected one of " + new TreeSet<>(allowed) + ")");
        }
      }
    }
    return n;
  }

  /** The list of strings at pointer (null when absent). */
  List<String> strings(String pointer) {
    JsonNode n = root.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw error(pointer, Pointers.toField(pointer) + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) {
        throw error(Pointers.join(pointer, i), Pointers.toField(pointer) + " must be a list of strings");
      }
      out.add(n.get(i).asText());
    }
    return out;
  }

  /** A scalar as text (null when absent). */
  String text(String pointer) {
    JsonNode n = root.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isValueNode()) {
      throw error(pointer, Pointers.toField(pointer) + " must be a scalar");
    }
    return n.asText();
  }
}
