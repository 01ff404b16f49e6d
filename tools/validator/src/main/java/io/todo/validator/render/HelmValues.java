package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.PlainTimestamp;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.ValidatorException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The values file kustomize hands to {@code helm template -f} (createNewMergedValuesFile /
 * copyValuesFile): without valuesInline, the values file's bytes unchanged; with it, valuesInline
 * merged with the values file by valuesMerge and written by sigs.k8s.io/yaml. The merge reads the
 * values file with kyaml (YAML 1.2: {@code yes} stays a string, a plain date becomes an RFC 3339
 * timestamp, only the first document counts), unlike helm reading it directly (YAML 1.1).
 */
final class HelmValues {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private HelmValues() {}

  /**
   * The bytes of the values file for helm.
   *
   * @param valuesFile the values file's bytes, or null when it is not read (valuesMerge replace)
   * @param inline valuesInline; null or empty: the values file is used as it is
   * @param merge override (valuesInline wins), merge (the values file wins) or replace
   * @throws RenderException with kustomize's reason when the values cannot be merged
   */
  static byte[] prepare(byte[] valuesFile, ObjectNode inline, String merge) {
    if (inline == null || inline.isEmpty()) {
      return valuesFile;
    }
    JsonNode values = goMap(inline);
    if (!merge.equals("replace")) {
      JsonNode chart = parse(valuesFile);
      ObjectNode dest;
      ObjectNode src;
      if (!chart.isObject()) {
        throw new RenderException("could not merge values: wrong node kind: expected "
            + (chart.isArray() ? "SequenceNode" : "ScalarNode") + " but got MappingNode");
      }
      if (merge.equals("override")) {
        dest = (ObjectNode) chart;
        src = (ObjectNode) values.deepCopy();
      } else {
        dest = (ObjectNode) values.deepCopy();
        src = (ObjectNode) chart;
      }
      try {
        if (!StrategicMerge.apply(dest, src, schema(dest, src))) {
          dest.removeAll();
        }
      } catch (RenderException e) {
        throw new RenderException("could not merge values: " + e.getMessage());
      }
      values = dest;
    }
    return GoYaml.write(GoValues.normalise(values)).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Walker.GetSchema: values are not a Kubernetes object, so lists are replaced, unless the dest or
   * the source carries both apiVersion and kind (then that kind's merge keys apply).
   */
  private static MergeSchema schema(JsonNode dest, JsonNode src) {
    for (JsonNode n : List.of(dest, src)) {
      String apiVersion = Res.text(n.get("apiVersion"));
      String kind = Res.text(n.get("kind"));
      if (!apiVersion.isEmpty() && !kind.isEmpty()) {
        MergeSchema s = MergeSchema.forResource(apiVersion, kind);
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  /** kyaml.Parse of the values file: its first document, YAML 1.2 typed. */
  private static JsonNode parse(byte[] bytes) {
    List<YamlDocument> docs;
    try {
      docs = new YamlLoader(ScalarSchema.CORE_1_2, YamlLimits.DEFAULT).load(bytes, "values");
    } catch (ValidatorException e) {
      throw new RenderException("could not parse values file into rnode: " + e.getMessage());
    }
    for (YamlDocument d : docs) {
      if (!d.isEmpty()) {
        return d.content();
      }
    }
    throw new RenderException("could not parse values file into rnode: EOF");
  }

  /**
   * valuesInline as the Go map kustomize holds: decoded from JSON (sigs.k8s.io/yaml), so a YAML 1.1
   * date stays the string it was written as, and numbers are float64 (3.0 is 3).
   */
  static JsonNode goMap(JsonNode n) {
    if (n instanceof PlainTimestamp) {
      return F.textNode(n.asText());
    }
    if (n.isObject()) {
      ObjectNode out = F.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), goMap(e.getValue()));
      }
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = F.arrayNode();
      n.forEach(v -> out.add(goMap(v)));
      return out;
    }
    if (n.isNumber()) {
      return GoValues.normalise(F.numberNode(n.doubleValue()));
    }
    return n;
  }
}
