package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the schemas of one Kubernetes version in kubeconform's local layout ({@value
 * SchemaLocations#LAYOUT}), strict and non-strict, for the built-in kinds and the given CRDs, so
 * that kubeconform (or any tool reading that layout) validates against exactly our schemas.
 */
public final class SchemaExporter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final SchemaBundle bundle;

  public SchemaExporter(SchemaBundle bundle) {
    this.bundle = bundle;
  }

  /** What was written: the number of schema files per directory. */
  public record Result(int kinds, int files) {}

  public Result export(String version, Collection<JsonNode> crds, Path outDir) {
    return export(version, crds, outDir, true);
  }

  /** Like {@link #export(String, Collection, Path)}; without built-ins only the CRDs are written. */
  public Result export(String version, Collection<JsonNode> crds, Path outDir, boolean builtinKinds) {
    if (!bundle.supports(version)) {
      throw new ValidatorException(ExitCodes.USAGE, "unsupported --kubernetes-version " + version
          + " (supported: " + String.join(", ", bundle.kubernetesVersions()) + ")");
    }
    Map<String, String> builtins = builtinKinds ? builtinKinds(version) : Map.of();
    CrdIndex crdIndex = CrdIndex.of(crds);
    int files = 0;
    for (boolean strict : new boolean[] {false, true}) {
      SchemaConverter converter = new SchemaConverter(bundle, strict);
      Map<String, JsonNode> out = new TreeMap<>();
      // CRDs first, so that a built-in kind wins a file-name clash, as the validator itself prefers it
      for (CrdIndex.Served s : crdIndex.all()) {
        String[] gvk = s.key().split("/");
        JsonNode schema = s.schema() == null ? MAPPER.createObjectNode() : converter.crd(version, s.schema());
        out.put(file(version, strict, gvk[0] + "/" + gvk[1], gvk[2]), schema);
      }
      builtins.forEach((apiVersionKind, def) -> {
        int slash = apiVersionKind.lastIndexOf('/');
        out.put(file(version, strict, apiVersionKind.substring(0, slash), apiVersionKind.substring(slash + 1)),
            converter.builtin(version, def));
      });
      for (Map.Entry<String, JsonNode> e : out.entrySet()) {
        write(outDir.resolve(e.getKey()), e.getValue());
        files++;
      }
    }
    return new Result(files / 2, files);
  }

  /** "apps/v1/Deployment" (or "v1/Pod") to its definition name; the first definition wins. */
  private Map<String, String> builtinKinds(String version) {
    Map<String, String> kinds = new TreeMap<>();
    for (String name : bundle.definitionNames(version)) {
      for (JsonNode gvk : bundle.definition(version, name).orElseThrow().path("x-kubernetes-group-version-kind")) {
        String group = gvk.path("group").asText();
        String av = (group.isEmpty() ? "" : group + "/") + gvk.path("version").asText();
        String key = av + "/" + gvk.path("kind").asText();
        if (bundle.definitionName(version, group, gvk.path("version").asText(), gvk.path("kind").asText())
            .filter(name::equals).isPresent()) {
          kinds.putIfAbsent(key, name);
        }
      }
    }
    return kinds;
  }

  private static String file(String version, boolean strict, String apiVersion, String kind) {
    return SchemaLocations.expand(SchemaLocations.LAYOUT, version, strict, apiVersion, kind);
  }

  /**
   * Lets every typed value also be null, as kubeconform's upstream schemas do: the API server
   * treats an explicit null as absent (kustomize prints {@code creationTimestamp: null}).
   */
  static void allowNull(JsonNode node) {
    if (node.isObject()) {
      JsonNode type = node.get("type");
      if (type != null && type.isTextual() && !type.asText().equals("null")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("type",
            MAPPER.createArrayNode().add(type.asText()).add("null"));
      } else if (type != null && type.isArray() && !type.toString().contains("\"null\"")) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) type).add("null");
      }
    }
    if (node.isContainerNode()) {
      node.forEach(SchemaExporter::allowNull);
    }
  }

  private static void write(Path file, JsonNode schema) {
    allowNull(schema);
    try {
      Files.createDirectories(file.getParent());
      MAPPER.writeValue(file.toFile(), schema);
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot write " + file + ": " + e.getClass().getSimpleName());
    }
  }
}
