package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The built-in schemas: the definitions of the upstream Kubernetes OpenAPI v2 documents for each
 * supported minor version (de-duplicated across versions, descriptions dropped, {@code
 * x-kubernetes-*} extensions kept) plus the bundled CRDs. Produced by {@link BundleGenerator} at
 * build time from {@code ../shared}.
 *
 * <p>Layout: {@code {"definitions": {id: def}, "versions": {"1.30": {name: id}}, "namespaced":
 * {"group/Kind": bool}, "crds": [crd...]}}.
 */
public final class SchemaBundle {
  public static final String RESOURCE = "/io/todo/validator/schema/k8s-schemas.json.gz";

  private static volatile SchemaBundle builtin;

  private final JsonNode root;
  private final List<String> versions;
  private final Map<String, Map<String, String>> gvkIndex = new java.util.concurrent.ConcurrentHashMap<>();

  SchemaBundle(JsonNode root) {
    this.root = root;
    List<String> vs = new ArrayList<>();
    root.path("versions").fieldNames().forEachRemaining(vs::add);
    vs.sort(SchemaBundle::compareVersions);
    this.versions = Collections.unmodifiableList(vs);
  }

  /** The bundle shipped in the jar, loaded once. */
  public static SchemaBundle builtin() {
    SchemaBundle b = builtin;
    if (b == null) {
      synchronized (SchemaBundle.class) {
        if (builtin == null) {
          builtin = load();
        }
        b = builtin;
      }
    }
    return b;
  }

  private static SchemaBundle load() {
    try (InputStream in = SchemaBundle.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ValidatorException(ExitCodes.INTERNAL, "the built-in schema bundle is missing from the jar");
      }
      return new SchemaBundle(io.todo.validator.load.JsonTree.read(new java.io.BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16)));
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.INTERNAL, null, "cannot read the built-in schema bundle", e);
    }
  }

  /** Supported Kubernetes minor versions, oldest first ("1.30" ... "1.36"). */
  public List<String> kubernetesVersions() {
    return versions;
  }

  public String newestVersion() {
    return versions.get(versions.size() - 1);
  }

  public boolean supports(String version) {
    return root.path("versions").has(version);
  }

  /** The definition of a named type ({@code io.k8s.api.apps.v1.Deployment}) in a version. */
  public Optional<JsonNode> definition(String version, String name) {
    JsonNode id = root.path("versions").path(version).get(name);
    return id == null ? Optional.empty() : Optional.of(root.path("definitions").get(id.asText()));
  }

  /** The definition name of a built-in kind, e.g. ("apps", "v1", "Deployment"). */
  public Optional<String> definitionName(String version, String group, String apiVersion, String kind) {
    Map<String, String> index = gvkIndex.computeIfAbsent(version, this::indexGvks);
    return Optional.ofNullable(index.get(gvkKey(group, apiVersion, kind)));
  }

  /** True/false for a known built-in kind, empty when the kind is unknown. */
  public Optional<Boolean> namespaced(String group, String kind) {
    JsonNode n = root.path("namespaced").get(group + "/" + kind);
    return n == null ? Optional.empty() : Optional.of(n.asBoolean());
  }

  /** The bundled CustomResourceDefinitions (Argo CD, Sealed Secrets), descriptions dropped. */
  public List<JsonNode> crds() {
    List<JsonNode> list = new ArrayList<>();
    root.path("crds").forEach(list::add);
    return list;
  }

  /** All definition names of a version, sorted. */
  public List<String> definitionNames(String version) {
    List<String> names = new ArrayList<>();
    root.path("versions").path(version).fieldNames().forEachRemaining(names::add);
    Collections.sort(names);
    return names;
  }

  private synchronized Map<String, String> indexGvks(String version) {
    Map<String, String> index = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.path("versions").path(version).fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode def = root.path("definitions").get(e.getValue().asText());
      for (JsonNode gvk : def.path("x-kubernetes-group-version-kind")) {
        String key = gvkKey(gvk.path("group").asText(), gvk.path("version").asText(), gvk.path("kind").asText());
        // the same GVK can appear on several definitions (e.g. DeleteOptions); keep the first by name
        index.putIfAbsent(key, e.getKey());
      }
    }
    return index;
  }

  private static String gvkKey(String group, String version, String kind) {
    return group + "/" + version + "/" + kind;
  }

  /** Compares "1.9" &lt; "1.30" numerically. */
  public static int compareVersions(String a, String b) {
    String[] pa = a.split("\\.");
    String[] pb = b.split("\\.");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      int x = i < pa.length ? Integer.parseInt(pa[i]) : 0;
      int y = i < pb.length ? Integer.parseInt(pb[i]) : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  JsonNode root() {
    return root;
  }
}
