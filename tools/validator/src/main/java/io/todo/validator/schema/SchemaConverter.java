package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the bundle's OpenAPI definitions and CRD {@code openAPIV3Schema}s into standalone JSON
 * schemas (draft 4, local {@code #/definitions/...} references) that both our networknt validator
 * and kubeconform understand.
 *
 * <p>What the conversion adds, because the API server enforces it but the documents do not say
 * it in JSON Schema terms: {@code additionalProperties: false} on every object with declared
 * properties (strict mode) except under {@code x-kubernetes-preserve-unknown-fields};
 * int-or-string as {@code ["integer","string"]}; quantities as strings or numbers with the
 * {@value #QUANTITY} marker; {@code uniqueItems} for {@code x-kubernetes-list-type: set}; the
 * {@value #LIST_MAP_KEYS} keyword for map lists; ObjectMeta for a custom resource's metadata.
 */
public final class SchemaConverter {
  public static final String LIST_MAP_KEYS = "x-kubernetes-list-map-keys";
  public static final String QUANTITY = "x-validator-quantity";
  static final String DEFS = "#/definitions/";
  static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
  private static final String QUANTITY_DEF = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Keywords copied as they are; everything else (descriptions, formats, extensions) is dropped. */
  private static final Set<String> PLAIN =
      Set.of("type", "required", "enum", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
          "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
          "multipleOf", "$ref");

  private final SchemaBundle bundle;
  private final boolean strict;
  /**
   * Converted definitions and the references they make, by the bundle's definition node: the
   * bundle parses each definition once and shares it across versions, so the kinds of a run (and
   * neighbouring Kubernetes versions) convert ObjectMeta, PodSpec and the rest once. Shared nodes
   * are only read after conversion.
   */
  private final Map<JsonNode, ObjectNode> converted = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
  private final Map<JsonNode, Set<String>> referenced = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  public SchemaConverter(SchemaBundle bundle, boolean strict) {
    this.bundle = bundle;
    this.strict = strict;
  }

  /** The standalone schema of a built-in definition ({@code io.k8s.api.apps.v1.Deployment}). */
  public ObjectNode builtin(String version, String definitionName) {
    JsonNode def = bundle.definition(version, definitionName)
        .orElseThrow(() -> new IllegalArgumentException("no definition " + definitionName + " in " + version));
    ObjectNode root = convertDefinition(definitionName, def);
    root.put("$schema", "http://json-schema.org/draft-04/schema#");
    root.set("definitions", definitions(version, root));
    return root;
  }

  /** The standalone schema of one served version of a CRD; metadata is checked as ObjectMeta. */
  public ObjectNode crd(String version, JsonNode openApiV3Schema) {
    ObjectNode root = convert(openApiV3Schema, true);
    if (!root.has("type")) {
      root.put("type", "object");
    }
    ObjectNode props = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
    props.set("apiVersion", F.objectNode().put("type", "string"));
    props.set("kind", F.objectNode().put("type", "string"));
    props.set("metadata", F.objectNode().put("$ref", DEFS + OBJECT_META));
    if (strict && !openApiV3Schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
        && !root.has("additionalProperties")) {
      root.put("additionalProperties", false);
    }
    root.put("$schema", "http://json-schema.org/draft-04/schema#");
    root.set("definitions", definitions(version, root));
    return root;
  }

  private ObjectNode convertDefinition(String name, JsonNode def) {
    if (name.equals(INT_OR_STRING)) {
      return intOrString();
    }
    if (name.equals(QUANTITY_DEF)) {
      ObjectNode q = F.objectNode();
      q.set("type", F.arrayNode().add("string").add("number"));
      q.put(QUANTITY, true);
      return q;
    }
    return convert(def, true);
  }

  /** Every definition reachable from {@code root}, converted. */
  private ObjectNode definitions(String version, JsonNode root) {
    Map<String, JsonNode> out = new TreeMap<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      for (String ref : n == root ? refs(n) : referenced.computeIfAbsent(n, SchemaConverter::refs)) {
        if (!out.containsKey(ref)) {
          Optional<JsonNode> def = bundle.definition(version, ref);
          JsonNode c = def.isPresent()
              ? converted.computeIfAbsent(def.get(), d -> convertDefinition(ref, d))
              : convertDefinition(ref, F.objectNode());
          out.put(ref, c);
          todo.push(c);
        }
      }
    }
    ObjectNode defs = F.objectNode();
    out.forEach(defs::set);
    return defs;
  }

  private static Set<String> refs(JsonNode node) {
    Set<String> found = new java.util.TreeSet<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(node);
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      if (n.isObject()) {
        JsonNode ref = n.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith(DEFS)) {
          found.add(ref.asText().substring(DEFS.length()));
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getKey().equals("definitions")) {
            todo.push(e.getValue());
          }
        }
      } else if (n.isArray()) {
        n.forEach(todo::push);
      }
    }
    return found;
  }

  /**
   * Converts one schema. {@code valuePosition}: the schema describes a whole value (root,
   * property, item); false inside allOf/anyOf/oneOf/not, whose branches only add constraints and
   * so must not close the object.
   */
  private ObjectNode convert(JsonNode in, boolean valuePosition) {
    ObjectNode out = F.objectNode();
    if (!in.isObject()) {
      return out;
    }
    boolean preserve = in.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (String key : PLAIN) {
      if (in.has(key)) {
        out.set(key, in.get(key).deepCopy());
      }
    }
    if (in.has("$ref")) {
      return out; // siblings of $ref are ignored by draft 4 anyway
    }
    if (in.path("format").asText().equals("int-or-string") || in.path("x-kubernetes-int-or-string").asBoolean(false)) {
      out.setAll(intOrString());
    }
    if (in.has("properties")) {
      ObjectNode props = out.putObject("properties");
      in.get("properties").fields().forEachRemaining(e -> props.set(e.getKey(), convert(e.getValue(), true)));
    }
    if (in.has("items")) {
      JsonNode items = in.get("items");
      if (items.isArray()) {
        ArrayNode arr = out.putArray("items");
        items.forEach(i -> arr.add(convert(i, true)));
      } else {
        out.set("items", convert(items, true));
      }
    }
    JsonNode ap = in.get("additionalProperties");
    if (ap != null) {
      out.set("additionalProperties", ap.isObject() ? convert(ap, true) : ap.deepCopy());
    }
    for (String comb : new String[] {"allOf", "anyOf", "oneOf"}) {
      if (in.has(comb) && !(comb.equals("anyOf") && isIntOrStringAnyOf(in))) {
        ArrayNode arr = out.putArray(comb);
        in.get(comb).forEach(b -> arr.add(convert(b, false)));
      }
    }
    if (in.has("not")) {
      out.set("not", convert(in.get("not"), false));
    }
    if (in.path("x-kubernetes-list-type").asText().equals("set")) {
      out.put("uniqueItems", true);
    }
    if (in.path("x-kubernetes-list-type").asText().equals("map") && in.has(LIST_MAP_KEYS)) {
      out.set(LIST_MAP_KEYS, in.get(LIST_MAP_KEYS).deepCopy());
    }
    if (in.path("x-kubernetes-embedded-resource").asBoolean(false) && out.has("properties")) {
      ObjectNode props = (ObjectNode) out.get("properties");
      props.putIfAbsent("apiVersion", F.objectNode().put("type", "string"));
      props.putIfAbsent("kind", F.objectNode().put("type", "string"));
      props.putIfAbsent("metadata", F.objectNode().put("type", "object"));
    }
    if (strict && valuePosition && !preserve && out.has("properties") && !out.has("additionalProperties")) {
      out.put("additionalProperties", false);
    }
    return out;
  }

  /** {@code anyOf: [{type: integer}, {type: string}]} beside x-kubernetes-int-or-string. */
  private static boolean isIntOrStringAnyOf(JsonNode in) {
    if (!in.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return false;
    }
    for (JsonNode b : in.get("anyOf")) {
      if (b.size() != 1 || !b.has("type")) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode intOrString() {
    ObjectNode s = F.objectNode();
    s.set("type", F.arrayNode().add("integer").add("string"));
    return s;
  }
}
