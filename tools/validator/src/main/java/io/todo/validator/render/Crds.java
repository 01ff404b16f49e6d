package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A kustomization's {@code crds}: OpenAPI definition maps (type name to {@code Schema}) whose
 * Kubernetes-like types declare, through x-kubernetes-* extensions, which properties are name
 * references, label selectors, annotations or identities (kustomize's LoadConfigFromCRDs).
 */
final class Crds {
  private Crds() {}

  static TransformerConfig load(Kustomization k, Loader loader) {
    List<String> files = k.strings("crds");
    TransformerConfig tc = TransformerConfig.empty();
    for (int i = 0; i < files.size(); i++) {
      Location where = k.at("/crds/" + i);
      String entry = files.get(i);
      Path real = loader.checked(entry, where);
      String shown = loader.shown(loader.resolve(entry));
      List<YamlDocument> docs = new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT).load(real, shown);
      JsonNode defs = docs.stream().filter(d -> !d.isEmpty()).findFirst().map(YamlDocument::content).orElse(null);
      if (defs == null || defs.isNull()) {
        continue;
      }
      if (!defs.isObject()) {
        throw ValidatorException.input(where, "unable to parse open API definition from '" + entry
            + "': expected a map of type names to definitions");
      }
      tc = TransformerConfig.merged(tc, fromDefinitions(defs, where, entry), where);
    }
    return tc;
  }

  private static TransformerConfig fromDefinitions(JsonNode defs, Location where, String entry) {
    TransformerConfig result = TransformerConfig.empty();
    for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode props = properties(schema(e.getValue(), where, entry));
      if (!props.has("kind") || !props.has("apiVersion") || !props.has("metadata")) {
        continue;
      }
      String[] parts = e.getKey().split("\\.", -1);
      Acc acc = new Acc(parts[parts.length - 1]);
      walk(acc, defs, e.getKey(), new ArrayList<>(), where, entry, 0);
      result = TransformerConfig.merged(result, acc.config(), where);
    }
    return result;
  }

  /** The definition's Schema (encoding/json matches the key case-insensitively). */
  private static JsonNode schema(JsonNode def, Location where, String entry) {
    if (def == null || def.isNull()) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    if (!def.isObject()) {
      throw ValidatorException.input(where, "unable to parse open API definition from '" + entry
          + "': a definition must be a mapping");
    }
    JsonNode found = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    for (Iterator<Map.Entry<String, JsonNode>> it = def.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equalsIgnoreCase("schema")) {
        found = f.getValue();
      }
    }
    return found;
  }

  private static JsonNode properties(JsonNode schema) {
    JsonNode p = schema.path("properties");
    return p.isObject() ? p : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** loadCrdIntoConfig: extensions on each property, then into the type a property's $ref names. */
  private static void walk(Acc acc, JsonNode defs, String typeName, List<String> path, Location where, String entry,
      int depth) {
    JsonNode def = defs.get(typeName);
    if (def == null || depth > 64) {
      return; // kustomize ignores unknown types; the depth bound stops $ref cycles
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = properties(schema(def, where, entry)).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode prop = p.getValue();
      List<String> here = new ArrayList<>(path);
      here.add(p.getKey());
      String fieldPath = String.join("/", here);
      if (extension(prop, "x-kubernetes-annotation") != null) {
        acc.add("commonAnnotations", fieldPath);
      }
      if (extension(prop, "x-kubernetes-label-selector") != null) {
        acc.add("commonLabels", fieldPath);
      }
      if (extension(prop, "x-kubernetes-identity") != null) {
        acc.add("namePrefix", fieldPath);
      }
      String version = extension(prop, "x-kubernetes-object-ref-api-version");
      String kind = extension(prop, "x-kubernetes-object-ref-kind");
      if (version != null && kind != null) {
        String nameKey = extension(prop, "x-kubernetes-object-ref-name-key");
        acc.refs = TransformerConfig.merged(acc.config(), TransformerConfig.of(Map.of(), List.of(
            new BuiltinConfig.NameRef("", version, kind, List.of(FieldSpec.of(acc.kind,
                fieldPath + "/" + (nameKey == null ? "name" : nameKey), false))))), where).nameReference;
      }
      JsonNode ref = prop.path("$ref");
      if (ref.isTextual() && !ref.asText().isEmpty()) {
        walk(acc, defs, ref.asText(), here, where, entry, depth + 1);
      }
    }
  }

  /** A string-valued vendor extension (spec.Extensions.GetString: other types do not count). */
  private static String extension(JsonNode prop, String key) {
    if (!prop.isObject()) {
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = prop.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(key) && e.getValue().isTextual()) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  /** The configuration of one type being collected. */
  private static final class Acc {
    final String kind;
    final Map<String, List<FieldSpec>> lists = new java.util.LinkedHashMap<>();
    List<BuiltinConfig.NameRef> refs = List.of();

    Acc(String kind) {
      this.kind = kind;
    }

    void add(String key, String path) {
      lists.put(key, TransformerConfig.mergeAll(lists.getOrDefault(key, List.of()),
          List.of(FieldSpec.of(kind, path, false)), key));
    }

    TransformerConfig config() {
      return TransformerConfig.of(lists, refs);
    }
  }
}
