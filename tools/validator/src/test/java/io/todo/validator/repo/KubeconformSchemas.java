package io.todo.validator.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.schema.SchemaBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the validator's built-in schemas (Kubernetes definitions of one version plus the bundled
 * CRDs) as standalone, strict JSON schemas in the layout kubeconform reads with
 * {@code -schema-location DIR/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json}, so the real
 * kubeconform can check the overlays without a network. Strict as openapi2jsonschema --strict is:
 * an object with declared properties allows no others.
 */
final class KubeconformSchemas {
  static final String LOCATION = "{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json";
  /** kubeconform does not look up LOCATION for the core group (""), so core kinds live at the top. */
  static final String CORE_LOCATION = "{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REF = "#/definitions/";

  private KubeconformSchemas() {}

  static void write(String kubernetesVersion, Path dir) throws IOException {
    SchemaBundle bundle = SchemaBundle.builtin();
    for (String name : bundle.definitionNames(kubernetesVersion)) {
      JsonNode def = bundle.definition(kubernetesVersion, name).orElseThrow();
      JsonNode gvks = def.path("x-kubernetes-group-version-kind");
      if (gvks.size() != 1) {
        continue; // list/option types shared by many groups are not top-level manifests here
      }
      ObjectNode schema = strict(def.deepCopy());
      ObjectNode defs = schema.putObject("definitions");
      closure(bundle, kubernetesVersion, def).forEach((n, d) -> defs.set(n, strict(d.deepCopy())));
      JsonNode gvk = gvks.get(0);
      write(dir, gvk.path("group").asText(), gvk.path("kind").asText(), gvk.path("version").asText(), schema);
    }
    for (JsonNode crd : bundle.crds()) {
      String group = crd.at("/spec/group").asText();
      String kind = crd.at("/spec/names/kind").asText();
      for (JsonNode v : crd.at("/spec/versions")) {
        write(dir, group, kind, v.path("name").asText(), strict(v.at("/schema/openAPIV3Schema").deepCopy()));
      }
    }
  }

  private static void write(Path dir, String group, String kind, String version, JsonNode schema) throws IOException {
    Path file = dir.resolve(group).resolve(kind.toLowerCase(Locale.ROOT) + "_" + version + ".json");
    Files.createDirectories(file.getParent());
    Files.write(file, JSON.writeValueAsBytes(schema));
  }

  /** Every definition reachable through $ref from the root. */
  private static Map<String, JsonNode> closure(SchemaBundle bundle, String version, JsonNode root) {
    Map<String, JsonNode> seen = new TreeMap<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      for (JsonNode ref : todo.pop().findValues("$ref")) {
        if (!ref.isTextual() || !ref.asText().startsWith(REF)) {
          continue; // a property named "$ref" (JSONSchemaProps), not a reference
        }
        String name = ref.asText().substring(REF.length());
        if (!seen.containsKey(name)) {
          JsonNode d = bundle.definition(version, name).orElseThrow(() -> new IllegalStateException("dangling " + ref));
          seen.put(name, d);
          todo.push(d);
        }
      }
    }
    return seen;
  }

  /** Closes objects, and lets int-or-string and quantities be either, as the API server does. */
  private static ObjectNode strict(ObjectNode node) {
    if (node.path("format").asText().equals("int-or-string") || node.path("x-kubernetes-int-or-string").asBoolean()) {
      ObjectNode either = JSON.createObjectNode();
      ArrayNode one = either.putArray("oneOf");
      one.addObject().put("type", "string");
      one.addObject().put("type", "integer");
      return either;
    }
    node.fields().forEachRemaining(e -> {
      if (e.getValue().isObject()) {
        e.setValue(strict((ObjectNode) e.getValue()));
      } else if (e.getValue().isArray()) {
        ArrayNode a = (ArrayNode) e.getValue();
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i).isObject()) {
            a.set(i, strict((ObjectNode) a.get(i)));
          }
        }
      }
    });
    if (node.has("properties") && !node.has("additionalProperties")
        && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
      node.put("additionalProperties", false);
    }
    return node;
  }
}
