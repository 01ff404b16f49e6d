package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.JsonTree;
import io.todo.validator.model.Sha256;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The custom kinds that a set of CustomResourceDefinitions serves, by group/version/Kind. */
public final class CrdIndex {

  /** One served version of a custom kind. */
  public static final class Served {
    private final String key;
    private final JsonNode schema;
    private final boolean namespaced;
    private volatile String fingerprint;

    Served(String key, JsonNode schema, boolean namespaced) {
      this.key = key;
      this.schema = schema;
      this.namespaced = namespaced;
    }

    /** "group/version/Kind". */
    public String key() {
      return key;
    }

    /** The version's openAPIV3Schema, or null when the CRD declares none. */
    public JsonNode schema() {
      return schema;
    }

    /** spec.scope == Namespaced. */
    public boolean namespaced() {
      return namespaced;
    }

    /**
     * Identifies the schema's content, so equal CRDs share a compiled schema. Computed on first use:
     * hashing every bundled CRD (Argo CD's are large) cost a cold start more than validating them.
     */
    public String fingerprint() {
      String f = fingerprint;
      if (f == null) {
        f = schema == null ? "none" : Sha256.hex(JsonTree.write(schema)).substring(0, 24);
        fingerprint = f;
      }
      return f;
    }
  }

  private final Map<String, Served> byGvk = new HashMap<>();

  public static CrdIndex of(Collection<JsonNode> crds) {
    CrdIndex index = new CrdIndex();
    for (JsonNode crd : crds) {
      index.add(crd);
    }
    return index;
  }

  public static boolean isCrd(JsonNode object) {
    return "CustomResourceDefinition".equals(object.path("kind").asText())
        && object.path("apiVersion").asText().startsWith("apiextensions.k8s.io/");
  }

  private void add(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    String group = spec.path("group").asText();
    String kind = spec.path("names").path("kind").asText();
    if (group.isEmpty() || kind.isEmpty()) {
      return; // the CRD itself is invalid; its own schema check says so
    }
    boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
    // apiextensions v1beta1 had one schema for all versions under spec.validation
    JsonNode shared = spec.path("validation").get("openAPIV3Schema");
    for (JsonNode v : spec.path("versions")) {
      if (!v.path("served").asBoolean(true)) {
        continue;
      }
      JsonNode schema = v.path("schema").get("openAPIV3Schema");
      put(group, v.path("name").asText(), kind, schema != null ? schema : shared, namespaced);
    }
    if (spec.has("version") && !spec.has("versions")) {
      put(group, spec.path("version").asText(), kind, shared, namespaced);
    }
  }

  private void put(String group, String version, String kind, JsonNode schema, boolean namespaced) {
    String key = group + "/" + version + "/" + kind;
    byGvk.put(key, new Served(key, schema, namespaced));
  }

  public Optional<Served> find(String group, String version, String kind) {
    return Optional.ofNullable(byGvk.get(group + "/" + version + "/" + kind));
  }

  public Collection<Served> all() {
    return byGvk.values();
  }

  public boolean isEmpty() {
    return byGvk.isEmpty();
  }
}
