package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.todo.validator.load.JsonTree;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The built-in schemas: the definitions of the upstream Kubernetes OpenAPI v2 documents for each
 * supported minor version (de-duplicated across versions, descriptions dropped, {@code
 * x-kubernetes-*} extensions kept) plus the bundled CRDs. Derived at build time from {@code
 * ../shared} by {@link BundleGenerator}.
 *
 * <p>Packed so that a run parses only what it uses: the resource is a small JSON header, a
 * newline, then a body of JSON texts the header points into with {@code [offset, length]} pairs.
 * Header: {@code {"versions": {"1.30": [o, n]}, "gvks": {"1.30": [o, n]}, "namespaced":
 * {"group/Kind": bool}, "crds": [[o, n, group, Kind]...]}}; a version's body object maps definition names to
 * the {@code [o, n]} of the definition, its gvks object maps "group/version/Kind" to a definition
 * name. A validation of a few kinds parses a few dozen definitions instead of the whole bundle.
 */
public final class SchemaBundle {
  public static final String RESOURCE = "/io/todo/validator/schema/k8s-schemas.bin.gz";

  private static volatile SchemaBundle builtin;

  private final JsonNode header;
  private final byte[] body;
  private final List<String> versions;
  private final Map<String, JsonNode> names = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> gvks = new ConcurrentHashMap<>();
  private final Map<Integer, JsonNode> parsed = new ConcurrentHashMap<>();

  private SchemaBundle(JsonNode header, byte[] body) {
    this.header = header;
    this.body = body;
    List<String> vs = new ArrayList<>();
    header.path("versions").fieldNames().forEachRemaining(vs::add);
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
      return unpack(new GZIPInputStream(in, 1 << 16).readAllBytes());
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.INTERNAL, null, "cannot read the built-in schema bundle", e);
    }
  }

  static SchemaBundle unpack(byte[] packed) throws IOException {
    int nl = 0;
    while (nl < packed.length && packed[nl] != '\n') {
      nl++;
    }
    JsonNode header = JsonTree.read(packed, 0, nl);
    return new SchemaBundle(header, java.util.Arrays.copyOfRange(packed, Math.min(nl + 1, packed.length), packed.length));
  }

  /** Supported Kubernetes minor versions, oldest first ("1.30" ... "1.36"). */
  public List<String> kubernetesVersions() {
    return versions;
  }

  public String newestVersion() {
    return versions.get(versions.size() - 1);
  }

  public boolean supports(String version) {
    return header.path("versions").has(version);
  }

  /** The definition of a named type ({@code io.k8s.api.apps.v1.Deployment}) in a version. */
  public Optional<JsonNode> definition(String version, String name) {
    JsonNode at = names(version).get(name);
    return at == null ? Optional.empty() : Optional.of(slice(at));
  }

  /** The definition name of a built-in kind, e.g. ("apps", "v1", "Deployment"). */
  public Optional<String> definitionName(String version, String group, String apiVersion, String kind) {
    JsonNode name = section(gvks, "gvks", version).get(group + "/" + apiVersion + "/" + kind);
    return name == null ? Optional.empty() : Optional.of(name.asText());
  }

  /** True/false for a known built-in kind, empty when the kind is unknown. */
  public Optional<Boolean> namespaced(String group, String kind) {
    JsonNode n = header.path("namespaced").get(group + "/" + kind);
    return n == null ? Optional.empty() : Optional.of(n.asBoolean());
  }

  /** The bundled CustomResourceDefinitions (Argo CD, Sealed Secrets), descriptions dropped. */
  public List<JsonNode> crds() {
    List<JsonNode> list = new ArrayList<>();
    header.path("crds").forEach(at -> list.add(slice(at)));
    return list;
  }

  /**
   * The bundled CRDs that define {@code group}/{@code kind}: only they are parsed (Argo CD's
   * ApplicationSet CRD alone is 350 KB of JSON, read for nothing by a run that meets a SealedSecret).
   */
  public List<JsonNode> crds(String group, String kind) {
    List<JsonNode> list = new ArrayList<>();
    for (JsonNode at : header.path("crds")) {
      if (at.path(2).asText().equals(group) && at.path(3).asText().equals(kind)) {
        list.add(slice(at));
      }
    }
    return list;
  }

  /** All definition names of a version, sorted. */
  public List<String> definitionNames(String version) {
    List<String> list = new ArrayList<>();
    names(version).fieldNames().forEachRemaining(list::add);
    Collections.sort(list);
    return list;
  }

  private JsonNode names(String version) {
    return section(names, "versions", version);
  }

  /** A per-version object of the body ("versions" or "gvks"), parsed on first use. */
  private JsonNode section(Map<String, JsonNode> cache, String field, String version) {
    JsonNode at = header.path(field).get(version);
    if (at == null) {
      return MissingNode.getInstance();
    }
    return cache.computeIfAbsent(version, v -> slice(at));
  }

  /** The JSON text at {@code [offset, length]} of the body, parsed once and shared (never modify it). */
  private JsonNode slice(JsonNode at) {
    int offset = at.get(0).asInt();
    return parsed.computeIfAbsent(offset, o -> {
      try {
        return JsonTree.read(body, o, at.get(1).asInt());
      } catch (IOException e) {
        throw new ValidatorException(ExitCodes.INTERNAL, null, "the built-in schema bundle is corrupt", e);
      }
    });
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
}
