package io.todo.validator.render;

import io.todo.validator.model.GoText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.ValidatorException;
import java.util.ArrayList;
import java.util.List;

/**
 * The buildMetadata field of the top kustomization: originAnnotations (config.kubernetes.io/origin
 * on every resource: the file it came from, or the generator that made it, relative to the top
 * kustomization) and managedByLabel; plus what kustomize does to annotations at the end of every
 * build. Origins are tracked (as real annotations, as kustomize does) whenever the top
 * kustomization lists any option, and removed at the end unless originAnnotations is listed.
 */
final class BuildMetadata {
  static final String ORIGIN = "config.kubernetes.io/origin";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String KUSTOMIZE_VERSION = "v5.8.1";

  private BuildMetadata() {}

  /** The origin path of the top kustomization ("" when tracking), or null when nothing is tracked. */
  static String tracking(Kustomization top) {
    List<String> options = top.strings("buildMetadata");
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).equals("transformerAnnotations")) {
        throw io.todo.validator.model.ValidatorException.input(top.at("/buildMetadata/" + i),
            "buildMetadata transformerAnnotations is not supported by this renderer");
      }
    }
    return options.isEmpty() ? null : "";
  }

  /** Go's filepath.Join: the cleaned path, ".." kept at the front. */
  static String join(String base, String entry) {
    java.util.Deque<String> out = new java.util.ArrayDeque<>();
    String all = base.isEmpty() ? entry : base + "/" + entry;
    for (String part : all.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !out.isEmpty() && !out.peekLast().equals("..")) {
        out.removeLast();
      } else {
        out.addLast(part);
      }
    }
    String joined = String.join("/", out);
    return all.startsWith("/") ? "/" + joined : joined.isEmpty() ? "." : joined;
  }

  /** A resource read from a file: its origin is the file. */
  static void fromFile(Res r, String origin, String entry) {
    if (origin != null) {
      annotations(r).put(ORIGIN, "path: " + yamlScalar(join(origin, entry)) + "\n");
    }
  }

  /** A generated resource: its origin is the generator of the kustomization at {@code origin}. */
  static void fromGenerator(Res r, String origin, String kustomizationFile) {
    fromGenerator(r, origin, kustomizationFile, r.kind().equals("Secret") ? "SecretGenerator" : "ConfigMapGenerator");
  }

  /** The same for a named builtin generator (HelmChartInflationGenerator). */
  static void fromGenerator(Res r, String origin, String kustomizationFile, String kind) {
    if (origin == null || annotations(r).has(ORIGIN)) {
      return;
    }
    annotations(r).put(ORIGIN, "configuredIn: " + yamlScalar(join(origin, kustomizationFile)) + "\n"
        + "configuredBy:\n  apiVersion: builtin\n  kind: " + kind + "\n");
  }

  /** A generator merging into an existing resource keeps that resource's origin. */
  static void keepOrigin(Res old, Res merged) {
    JsonNode o = old.obj.path("metadata").path("annotations").get(ORIGIN);
    if (o != null) {
      annotations(merged).set(ORIGIN, o);
    }
  }

  private static ObjectNode annotations(Res r) {
    JsonNode a = r.obj.path("metadata").get("annotations");
    if (a instanceof ObjectNode o) {
      return o;
    }
    return r.metadata().putObject("annotations");
  }

  private static String yamlScalar(String s) {
    return GoYaml.write(JsonNodeFactory.instance.textNode(s)).stripTrailing();
  }

  /** After sorting: the managed-by label, then origins dropped unless asked for. */
  static void finish(List<Res> resources, Kustomization top, String origin) {
    List<String> options = top.strings("buildMetadata");
    if (options.contains("managedByLabel")) {
      Transformers.setEntries(resources, java.util.Map.of(MANAGED_BY, "kustomize-" + KUSTOMIZE_VERSION),
          List.of(FieldSpec.of("", "metadata/labels", true)), top.at("/buildMetadata"));
    }
    if (origin != null && !options.contains("originAnnotations")) {
      for (Res r : resources) {
        JsonNode a = r.obj.path("metadata").get("annotations");
        if (a instanceof ObjectNode o) {
          o.remove(ORIGIN);
          if (o.isEmpty()) {
            r.metadata().remove("annotations"); // SetAnnotations of an empty map drops the field
          }
        }
      }
    }
  }

  private static ObjectNode annotationPairs(Res r, JsonNode a) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    if (!a.isArray()) {
      return m;
    }
    if (a.size() % 2 != 0) {
      throw ValidatorException.input(r.origin(), "panic: runtime error: index out of range [" + a.size() + "] with"
          + " length " + a.size() + " (the annotations of " + r.curId() + " are a sequence of odd length)");
    }
    for (int i = 0; i < a.size(); i += 2) {
      if (a.get(i).isContainerNode() || a.get(i + 1).isContainerNode()) {
        throw ValidatorException.input(r.origin(), "panic: wrong node kind: expected ScalarNode but got "
            + (a.get(i).isObject() || a.get(i + 1).isObject() ? "MappingNode" : "SequenceNode")
            + " (the annotations of " + r.curId() + " are a sequence)");
      }
      m.set(PathMatcher.value(a.get(i)), a.get(i + 1));
    }
    return m;
  }

  /**
   * SetAnnotations writes the keys back as untagged plain scalars: in an object that is printed, a
   * key yaml.v3 then reads as another type (true, 12, null, a date) fails the final JSON conversion.
   */
  static void requireStringAnnotationKeys(List<Res> resources) {
    for (Res r : resources) {
      JsonNode a = r.obj.path("metadata").get("annotations");
      if (a instanceof ObjectNode map) {
        map.fieldNames().forEachRemaining(k -> {
          if (!ScalarValue.readsAsString(k)) {
            throw ValidatorException.input(r.origin(), "json: unsupported type: map[interface {}]interface {}"
                + " (the annotation key " + GoText.quote(k) + " of " + r.curId() + " is not read back as a string)");
          }
        });
      }
    }
  }

  /**
   * RemoveBuildAnnotations reads the annotations as a string map and writes them back: every value
   * becomes a string of its YAML text (1 becomes "1", a mapping becomes "").
   */
  static void stringifyAnnotations(List<Res> resources) {
    for (Res r : resources) {
      JsonNode a = r.obj.path("metadata").get("annotations");
      if (a == null) {
        continue;
      }
      if (!(a instanceof ObjectNode)) {
        // kyaml's getMapFromMeta reads the node's content as key/value pairs: a scalar or null has
        // none, a sequence [k, v, ...] pairs up its elements
        a = annotationPairs(r, a);
        r.metadata().set("annotations", a);
      }
      ObjectNode map = (ObjectNode) a;
      if (map.isEmpty()) {
        r.metadata().remove("annotations"); // SetAnnotations of an empty map drops the field
        continue;
      }
      if (map.remove(HelmInflator.HELM_GENERATED) != null && map.isEmpty()) {
        r.metadata().remove("annotations"); // RemoveBuildAnnotations: SetAnnotations of an empty map drops the field
        continue;
      }
      List<String> keys = new ArrayList<>();
      map.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonNode v = map.get(k);
        if (!v.isTextual() || v instanceof io.todo.validator.load.PlainTimestamp) {
          map.set(k, JsonNodeFactory.instance.textNode(PathMatcher.value(v)));
        }
      }
    }
  }
}
