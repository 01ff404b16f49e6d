package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kustomization file, read the way kustomize reads it: YAML 1.1 scalars (sigs.k8s.io/yaml) and a
 * strict decode, so unknown fields and wrong types are errors. Fields this renderer does not
 * implement fail loudly rather than being ignored.
 */
final class Kustomization {
  /** The decode schema: field name to type; nested object types are described by further maps. */
  private enum T { STRING, BOOL, INT, MAP, STRINGS, OBJECT, OBJECTS, ANY }

  private record F(T type, Map<String, F> fields) {
    static F of(T t) {
      return new F(t, Map.of());
    }
  }

  private static final Map<String, F> GVK_FIELDS = fields(
      "group", F.of(T.STRING), "version", F.of(T.STRING), "kind", F.of(T.STRING));
  private static final Map<String, F> FIELD_SPEC = fields(
      "group", F.of(T.STRING), "version", F.of(T.STRING), "kind", F.of(T.STRING), "path", F.of(T.STRING),
      "create", F.of(T.BOOL));
  private static final Map<String, F> SELECTOR = fields(
      "group", F.of(T.STRING), "version", F.of(T.STRING), "kind", F.of(T.STRING), "name", F.of(T.STRING),
      "namespace", F.of(T.STRING), "labelSelector", F.of(T.STRING), "annotationSelector", F.of(T.STRING));
  private static final Map<String, F> GENERATOR_OPTIONS = fields(
      "labels", F.of(T.MAP), "annotations", F.of(T.MAP), "disableNameSuffixHash", F.of(T.BOOL),
      "immutable", F.of(T.BOOL));
  private static final Map<String, F> GENERATOR = fields(
      "name", F.of(T.STRING), "namespace", F.of(T.STRING), "behavior", F.of(T.STRING),
      "literals", F.of(T.STRINGS), "files", F.of(T.STRINGS), "envs", F.of(T.STRINGS), "env", F.of(T.STRING),
      "options", new F(T.OBJECT, GENERATOR_OPTIONS), "type", F.of(T.STRING));
  private static final Map<String, F> FIELD_OPTIONS = fields(
      "delimiter", F.of(T.STRING), "index", F.of(T.INT), "encoding", F.of(T.STRING), "create", F.of(T.BOOL));
  private static final Map<String, F> REPLACEMENT = fields(
      "path", F.of(T.STRING), "sourceValue", F.of(T.STRING),
      "source", new F(T.OBJECT, fields("group", F.of(T.STRING), "version", F.of(T.STRING), "kind", F.of(T.STRING),
          "name", F.of(T.STRING), "namespace", F.of(T.STRING), "fieldPath", F.of(T.STRING),
          "options", new F(T.OBJECT, FIELD_OPTIONS))),
      "targets", new F(T.OBJECTS, fields("select", new F(T.OBJECT, SELECTOR), "reject", new F(T.OBJECTS, SELECTOR),
          "fieldPaths", F.of(T.STRINGS), "options", new F(T.OBJECT, FIELD_OPTIONS))));
  /** api/types/helmchartargs.go HelmChart; valuesInline is any mapping. */
  private static final Map<String, F> HELM_CHART = fields(
      "name", F.of(T.STRING), "version", F.of(T.STRING), "repo", F.of(T.STRING), "releaseName", F.of(T.STRING),
      "namespace", F.of(T.STRING), "additionalValuesFiles", F.of(T.STRINGS), "valuesFile", F.of(T.STRING),
      "valuesInline", new F(T.OBJECT, null), "valuesMerge", F.of(T.STRING), "includeCRDs", F.of(T.BOOL),
      "skipHooks", F.of(T.BOOL), "apiVersions", F.of(T.STRINGS), "kubeVersion", F.of(T.STRING),
      "nameTemplate", F.of(T.STRING), "skipTests", F.of(T.BOOL), "debug", F.of(T.BOOL), "devel", F.of(T.BOOL));
  /** The deprecated HelmChartArgs, still decoded and converted by kustomize v5.8.1. */
  private static final Map<String, F> HELM_CHART_ARGS = fields(
      "chartName", F.of(T.STRING), "chartVersion", F.of(T.STRING), "chartRepoUrl", F.of(T.STRING),
      "chartHome", F.of(T.STRING), "chartRepoName", F.of(T.STRING), "helmBin", F.of(T.STRING),
      "helmHome", F.of(T.STRING), "values", F.of(T.STRING), "valuesLocal", new F(T.OBJECT, null),
      "valuesMerge", F.of(T.STRING), "releaseName", F.of(T.STRING), "releaseNamespace", F.of(T.STRING),
      "extraArgs", F.of(T.STRINGS));
  private static final Map<String, F> TOP = fields(
      "apiVersion", F.of(T.STRING), "kind", F.of(T.STRING), "metadata", F.of(T.ANY),
      "openapi", F.of(T.MAP), "namePrefix", F.of(T.STRING), "nameSuffix", F.of(T.STRING),
      "namespace", F.of(T.STRING), "commonLabels", F.of(T.MAP),
      "labels", new F(T.OBJECTS, fields("pairs", F.of(T.MAP), "includeSelectors", F.of(T.BOOL),
          "includeTemplates", F.of(T.BOOL), "fields", new F(T.OBJECTS, FIELD_SPEC))),
      "commonAnnotations", F.of(T.MAP),
      "patchesStrategicMerge", F.of(T.STRINGS),
      "patchesJson6902", new F(T.OBJECTS, fields("path", F.of(T.STRING), "patch", F.of(T.STRING),
          "target", new F(T.OBJECT, SELECTOR), "options", new F(T.OBJECT, fields(
              "allowNameChange", F.of(T.BOOL), "allowKindChange", F.of(T.BOOL))))),
      "patches", new F(T.OBJECTS, fields("path", F.of(T.STRING), "patch", F.of(T.STRING),
          "target", new F(T.OBJECT, SELECTOR), "options", new F(T.OBJECT, fields(
              "allowNameChange", F.of(T.BOOL), "allowKindChange", F.of(T.BOOL))))),
      "images", new F(T.OBJECTS, fields("name", F.of(T.STRING), "newName", F.of(T.STRING),
          "tagSuffix", F.of(T.STRING), "newTag", F.of(T.STRING), "digest", F.of(T.STRING))),
      "imageTags", new F(T.OBJECTS, fields("name", F.of(T.STRING), "newName", F.of(T.STRING),
          "tagSuffix", F.of(T.STRING), "newTag", F.of(T.STRING), "digest", F.of(T.STRING))),
      "replacements", new F(T.OBJECTS, REPLACEMENT),
      "replicas", new F(T.OBJECTS, fields("name", F.of(T.STRING), "count", F.of(T.INT))),
      "vars", new F(T.OBJECTS, fields("name", F.of(T.STRING), "objref", new F(T.OBJECT, fields(
          "apiVersion", F.of(T.STRING), "group", F.of(T.STRING), "version", F.of(T.STRING), "kind", F.of(T.STRING),
          "name", F.of(T.STRING), "namespace", F.of(T.STRING))),
          "fieldref", new F(T.OBJECT, fields("fieldPath", F.of(T.STRING))))),
      "sortOptions", new F(T.OBJECT, fields("order", F.of(T.STRING), "legacySortOptions", new F(T.OBJECT,
          fields("orderFirst", F.of(T.STRINGS), "orderLast", F.of(T.STRINGS))))),
      "resources", F.of(T.STRINGS), "components", F.of(T.STRINGS), "crds", F.of(T.STRINGS),
      "bases", F.of(T.STRINGS),
      "configMapGenerator", new F(T.OBJECTS, GENERATOR), "secretGenerator", new F(T.OBJECTS, GENERATOR),
      "helmGlobals", new F(T.OBJECT, fields("chartHome", F.of(T.STRING), "configHome", F.of(T.STRING))),
      "helmCharts", new F(T.OBJECTS, HELM_CHART),
      "helmChartInflationGenerator", new F(T.OBJECTS, HELM_CHART_ARGS),
      "generatorOptions", new F(T.OBJECT, GENERATOR_OPTIONS),
      "configurations", F.of(T.STRINGS), "generators", F.of(T.STRINGS), "transformers", F.of(T.STRINGS),
      "validators", F.of(T.STRINGS), "buildMetadata", F.of(T.STRINGS));

  /** Fields kustomize has that this renderer does not implement (yet): refused, never ignored. */
  private static final List<String> UNSUPPORTED = List.of("generators", "transformers", "validators");

  static final String KUSTOMIZATION_V1BETA1 = "kustomize.config.k8s.io/v1beta1";
  static final String COMPONENT_V1ALPHA1 = "kustomize.config.k8s.io/v1alpha1";

  final ObjectNode root;
  final SourceMap locations;
  final String file;
  final Path dir;
  final String kind;

  private Kustomization(ObjectNode root, SourceMap locations, String file, Path dir) {
    this.root = root;
    this.locations = locations;
    this.file = file;
    this.dir = dir;
    this.kind = root.path("kind").asText("").isEmpty() ? "Kustomization" : root.get("kind").asText();
  }

  static Kustomization read(Path path, String shown, Path dir) {
    List<YamlDocument> docs = new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT).load(path, shown);
    List<YamlDocument> nonEmpty = docs.stream().filter(d -> !d.isEmpty()).toList();
    if (nonEmpty.size() > 1) {
      throw ValidatorException.input(nonEmpty.get(1).start(), "a kustomization file must hold one YAML document");
    }
    if (nonEmpty.isEmpty()) {
      throw ValidatorException.input(Location.of(shown), "kustomization.yaml is empty");
    }
    YamlDocument d = nonEmpty.get(0);
    if (!d.content().isObject()) {
      throw ValidatorException.input(d.start(), "invalid Kustomization: the document must be a mapping");
    }
    Kustomization k = new Kustomization((ObjectNode) d.content(), d.locations(), shown, dir);
    boolean empty = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = k.root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("apiVersion") && !e.getKey().equals("kind") && !e.getValue().isNull()) {
        empty = false;
      }
    }
    if (empty) {
      throw ValidatorException.input(d.start(), "kustomization.yaml is empty");
    }
    k.check();
    return k;
  }

  private void check() {
    List<ValidatorException> errors = new ArrayList<>();
    checkObject(root, "", TOP, errors);
    for (String f : UNSUPPORTED) {
      if (root.has(f)) {
        errors.add(ValidatorException.input(at("/" + f), f + " is not supported by this renderer (plugins are not run)"));
      }
    }
    String apiVersion = root.path("apiVersion").asText("");
    if (kind.equals("Component")) {
      if (!apiVersion.isEmpty() && !apiVersion.equals(COMPONENT_V1ALPHA1)) {
        errors.add(ValidatorException.input(at("/apiVersion"),
            "apiVersion for Component should be " + COMPONENT_V1ALPHA1));
      }
    } else if (kind.equals("Kustomization")) {
      if (!apiVersion.isEmpty() && !apiVersion.equals(KUSTOMIZATION_V1BETA1)) {
        errors.add(ValidatorException.input(at("/apiVersion"),
            "apiVersion for Kustomization should be " + KUSTOMIZATION_V1BETA1));
      }
    } else {
      errors.add(ValidatorException.input(at("/kind"), "kind should be Kustomization or Component"));
    }
    if (!errors.isEmpty()) {
      throw ValidatorException.all(errors);
    }
  }

  private void checkObject(JsonNode obj, String ptr, Map<String, F> schema, List<ValidatorException> errors) {
    if (schema == null) {
      return; // a map[string]interface{}: any keys and values
    }
    canonicalKeys((ObjectNode) obj, schema);
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = ptr + "/" + SourceMap.escape(e.getKey());
      F f = schema.get(e.getKey());
      if (f == null) {
        errors.add(ValidatorException.input(at(p), "invalid Kustomization: unknown field \"" + e.getKey() + "\""));
        continue;
      }
      checkValue(e.getValue(), p, e.getKey(), f, errors);
    }
  }

  /** encoding/json matches struct fields case-insensitively: "fieldpath" sets fieldPath (the last one wins). */
  private static void canonicalKeys(ObjectNode obj, Map<String, F> schema) {
    boolean folded = false;
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (!schema.containsKey(key)) {
        for (String known : schema.keySet()) {
          if (known.equalsIgnoreCase(key)) {
            key = known;
            folded = true;
            break;
          }
        }
      }
      out.remove(key);
      out.put(key, e.getValue());
    }
    if (folded) {
      obj.removeAll();
      obj.setAll(out);
    }
  }

  private void checkValue(JsonNode v, String p, String name, F f, List<ValidatorException> errors) {
    if (v.isNull()) {
      return; // null decodes to the zero value
    }
    switch (f.type()) {
      case STRING -> expect(v.isTextual(), v, p, name, "a string", errors);
      case BOOL -> expect(v.isBoolean(), v, p, name, "a boolean", errors);
      case INT -> expect(v.isIntegralNumber(), v, p, name, "an integer", errors);
      case MAP -> {
        if (expect(v.isObject(), v, p, name, "a map of strings", errors)) {
          v.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
              expect(e.getValue().isTextual(), e.getValue(), p + "/" + SourceMap.escape(e.getKey()), e.getKey(),
                  "a string", errors);
            }
          });
        }
      }
      case STRINGS -> {
        if (expect(v.isArray(), v, p, name, "a list of strings", errors)) {
          for (int i = 0; i < v.size(); i++) {
            expect(v.get(i).isTextual(), v.get(i), p + "/" + i, name + "[" + i + "]", "a string", errors);
          }
        }
      }
      case OBJECT -> {
        if (expect(v.isObject(), v, p, name, "a mapping", errors)) {
          checkObject(v, p, f.fields(), errors);
        }
      }
      case OBJECTS -> {
        if (expect(v.isArray(), v, p, name, "a list", errors)) {
          for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (expect(item.isObject() || item.isNull(), item, p + "/" + i, name + "[" + i + "]", "a mapping", errors)
                && item.isObject()) {
              checkObject(item, p + "/" + i, f.fields(), errors);
            }
          }
        }
      }
      case ANY -> { }
    }
  }

  private boolean expect(boolean ok, JsonNode v, String p, String name, String what, List<ValidatorException> errors) {
    if (!ok) {
      errors.add(ValidatorException.input(at(p),
          "invalid Kustomization: " + name + " must be " + what + ", not " + describe(v)));
    }
    return ok;
  }

  private static String describe(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isBoolean()) {
      return "a boolean (" + v.asText() + "; quote it to make it a string)";
    }
    if (v.isNumber()) {
      return "a number (" + v.asText() + "; quote it to make it a string)";
    }
    return v.isArray() ? "a list" : "a mapping";
  }

  Location at(String pointer) {
    Location l = locations.locate(pointer);
    return l != null ? l : Location.of(file);
  }

  boolean isComponent() {
    return kind.equals("Component");
  }

  String string(String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? "" : n.asText();
  }

  /** A list of strings (empty when absent). */
  List<String> strings(String field) {
    List<String> out = new ArrayList<>();
    root.path(field).forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A string map in file order (empty when absent). */
  static Map<String, String> map(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    }
    return out;
  }

  /** The items of a list of objects with their pointers. */
  List<Item> items(String field) {
    List<Item> out = new ArrayList<>();
    JsonNode list = root.path(field);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).isObject()) {
        out.add(new Item(list.get(i), "/" + field + "/" + i));
      }
    }
    return out;
  }

  record Item(JsonNode node, String pointer) {
    String string(String f) {
      JsonNode n = node.get(f);
      return n == null || n.isNull() ? "" : n.asText();
    }

    boolean bool(String f) {
      return node.path(f).asBoolean(false);
    }
  }

  private static Map<String, F> fields(Object... kv) {
    Map<String, F> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (F) kv[i + 1]);
    }
    return m;
  }
}
