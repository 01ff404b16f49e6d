package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import io.todo.validator.schema.SchemaMessages.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates every resource against the schema of its kind: the built-in kinds of the target's
 * Kubernetes version, the CRDs of the stream and of {@code --crd}, the bundled CRDs (Argo CD,
 * Sealed Secrets), or files from {@code --schema-location}. Rule id {@value #RULE}.
 */
public final class SchemaStage implements Stage {
  public static final String RULE = "SCHEMA";
  /** Compiled schemas are shared by every stage of the process: compiling is the costly part. */
  private static final CompiledSchemas COMPILED = new CompiledSchemas();
  /** Resources from which a target's checks are spread over the fork-join pool. */
  static final int PARALLEL_FROM = 200;
  /** The bundled CRDs by "group/Kind" of the resources met, each parsed on first use. */
  private static final ConcurrentHashMap<String, CrdIndex> BUNDLED_CRDS = new ConcurrentHashMap<>();

  private final SchemaBundle bundle;
  private final SchemaOptions options;
  /** One converter for the stage's life: it keeps the definitions it has converted. */
  private final SchemaConverter converter;
  private final List<SchemaLocations.Location> locations;
  private final ConcurrentHashMap<String, Optional<CompiledSchema>> files = new ConcurrentHashMap<>();
  private volatile CrdIndex explicitCrds;

  /**
   * The process-wide set-up every schema check needs (the bundle's header, networknt's schema
   * factory), done ahead of the command on a warm-up thread.
   */
  public static void warmUp() {
    SchemaBundle.builtin();
    CompiledSchemas.warmUp();
  }

  public SchemaStage(SchemaOptions options) {
    this(SchemaBundle.builtin(), options);
  }

  SchemaStage(SchemaBundle bundle, SchemaOptions options) {
    this.bundle = bundle;
    this.options = options;
    this.converter = new SchemaConverter(bundle, options.strict());
    this.locations = options.schemaLocations().isEmpty()
        ? List.of(new SchemaLocations.Location(true, null))
        : SchemaLocations.parse(options.schemaLocations(), options.cwd());
  }

  /** A schema and the scope it implies (null when unknown). */
  private record Resolved(CompiledSchema schema, Boolean namespaced) {}

  @Override
  public List<Finding> check(Target target, List<Resource> resources) {
    String version = target.kubernetesVersion() != null ? target.kubernetesVersion() : bundle.newestVersion();
    CrdIndex stream = CrdIndex.of(resources.stream().map(Resource::object).filter(CrdIndex::isCrd)
        .map(o -> (JsonNode) o).toList());
    CrdIndex explicit = explicitCrds();
    // a small target is checked on the caller's thread: validate already runs targets side by
    // side, and a fork-join worker's start-up and hand-offs cost more than a few dozen checks
    return (resources.size() < PARALLEL_FROM ? resources.stream() : resources.parallelStream())
        .map(r -> checkOne(r, version, stream, explicit))
        .flatMap(List::stream)
        .toList();
  }

  private List<Finding> checkOne(Resource r, String version, CrdIndex stream, CrdIndex explicit) {
    String apiVersion = r.apiVersion();
    String kind = r.kind();
    if (apiVersion == null || apiVersion.isEmpty() || kind == null || kind.isEmpty()) {
      String missing = apiVersion == null || apiVersion.isEmpty() ? "apiVersion" : "kind";
      return findings(r, List.of(new Problem(FieldPath.root(), "missing required field \"" + missing + "\"")));
    }
    int slash = apiVersion.indexOf('/');
    if (slash == 0 || slash == apiVersion.length() - 1 || apiVersion.indexOf('/', slash + 1) >= 0) {
      // "/v1", "apps/", "a/b/c": no kind is served there (kubeconform finds no schema)
      return findings(r, List.of(new Problem(FieldPath.root().child("apiVersion"),
          "\"" + apiVersion + "\" is not a version or a group/version")));
    }
    if (SchemaOptions.names(options.reject(), apiVersion, kind)) {
      return findings(r, List.of(new Problem(FieldPath.root().child("kind"),
          apiVersion + " " + kind + " is rejected (--reject)")));
    }
    if (SchemaOptions.names(options.skip(), apiVersion, kind)) {
      return List.of();
    }
    Numbers numbers = new Numbers();
    numbers.scan(r.object());
    if (numbers.nonFinite) {
      // YAML's .inf and .nan have no JSON form: kubectl, Argo CD and kubeconform cannot convert the
      // resource at all (json: unsupported value), so no schema is checked either
      FieldPath at = Numbers.firstNonFinite(r.object(), FieldPath.root());
      return findings(r, List.of(new Problem(at, "." + (Double.isNaN(r.object().at(at.pointer()).doubleValue())
          ? "nan" : "inf") + " is not a number JSON can hold; the resource cannot be sent to the API server")));
    }
    try {
      return check(numbers.integralFloats ? Numbers.asSent(r) : r, version, stream, explicit, numbers.nulls);
    } catch (RuntimeException e) {
      GoPatterns.InvalidPattern bad = GoPatterns.InvalidPattern.in(e);
      if (bad == null) {
        throw e;
      }
      // kubeconform cannot compile such a schema either ("could not find schema")
      return findings(r, List.of(new Problem(FieldPath.root().child("kind"),
          "the schema of " + apiVersion + " " + kind + " cannot be used: " + bad.getMessage())));
    }
  }

  /**
   * What a scan of a resource's numbers found. kubectl, Argo CD and kubeconform turn YAML into JSON
   * through Go's float64, so a whole number written as a float ({@code 1.0}, {@code 1e3}, {@code
   * !!float 80}) is sent as the integer ({@code 1}, {@code 1000}, {@code 80}); and .inf or .nan
   * cannot be sent at all.
   */
  static final class Numbers {
    boolean nonFinite;
    boolean integralFloats;
    boolean nulls;

    /** Visits every node once (no paths: this runs for every resource of a large stream). */
    void scan(JsonNode n) {
      if (n.isNull()) {
        nulls = true;
      } else if (n.isFloatingPointNumber()) {
        if (nonFinite(n)) {
          nonFinite = true;
        } else if (integral(n)) {
          integralFloats = true;
        }
      } else if (n.isContainerNode()) {
        for (JsonNode child : n) {
          scan(child);
          if (nonFinite) {
            return;
          }
        }
      }
    }

    private static boolean nonFinite(JsonNode n) {
      double d = n.doubleValue();
      return Double.isNaN(d) || Double.isInfinite(d) && !n.isBigDecimal();
    }

    /** Where the first .inf or .nan is (called only when {@link #scan} found one). */
    static FieldPath firstNonFinite(JsonNode n, FieldPath path) {
      if (n.isFloatingPointNumber() && nonFinite(n)) {
        return path;
      }
      FieldPath found = null;
      if (n.isObject()) {
        for (var it = n.fields(); it.hasNext() && found == null; ) {
          var e = it.next();
          found = firstNonFinite(e.getValue(), path.child(e.getKey()));
        }
      } else if (n.isArray()) {
        for (int i = 0; i < n.size() && found == null; i++) {
          found = firstNonFinite(n.get(i), path.child(i));
        }
      }
      return found;
    }

    private static boolean integral(JsonNode n) {
      java.math.BigDecimal d = n.decimalValue();
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /** The resource as the API server receives it: whole floats as integers (a copy; the source map is kept). */
    static Resource asSent(Resource r) {
      JsonNode copy = r.object().deepCopy();
      integers(copy);
      return new Resource((com.fasterxml.jackson.databind.node.ObjectNode) copy, r.origins());
    }

    private static void integers(JsonNode n) {
      if (n.isObject()) {
        for (var it = ((com.fasterxml.jackson.databind.node.ObjectNode) n).fields(); it.hasNext(); ) {
          var e = it.next();
          e.setValue(sent(e.getValue()));
        }
      } else if (n.isArray()) {
        var a = (com.fasterxml.jackson.databind.node.ArrayNode) n;
        for (int i = 0; i < a.size(); i++) {
          a.set(i, sent(a.get(i)));
        }
      }
    }

    private static JsonNode sent(JsonNode v) {
      if (v.isFloatingPointNumber() && integral(v)) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(v.decimalValue().toBigIntegerExact());
      }
      integers(v);
      return v;
    }
  }

  private List<Finding> check(Resource r, String version, CrdIndex stream, CrdIndex explicit, boolean nulls) {
    String apiVersion = r.apiVersion();
    String kind = r.kind();
    List<Problem> problems = new ArrayList<>();
    Optional<Resolved> resolved = resolve(r, version, stream, explicit, nulls);
    if (resolved.isEmpty()) {
      if (options.ignoreMissingSchemas()) {
        return List.of();
      }
      return findings(r, List.of(new Problem(FieldPath.root().child("kind"), "no schema for " + apiVersion + " " + kind
          + " in Kubernetes " + version + " (give its CRD with --crd, or use --ignore-missing-schemas)")));
    }
    boolean redact = "Secret".equals(kind) && r.group().isEmpty();
    for (ValidationMessage m : resolved.get().schema().validate(r.object())) {
      problems.add(SchemaMessages.of(m, redact));
    }
    problems.addAll(MetadataRules.check(r.object(), r.group(), kind, resolved.get().namespaced()));
    return findings(r, problems);
  }

  private static List<Finding> findings(Resource r, List<Problem> problems) {
    return problems.stream()
        .distinct()
        .map(p -> new Finding(Severity.ERROR, RULE, r.ref(), p.path().field(), p.message(), r.locate(p.path().pointer())))
        .sorted(Comparator.comparing(Finding::field).thenComparing(Finding::message))
        .toList();
  }

  private Optional<Resolved> resolve(Resource r, String version, CrdIndex stream, CrdIndex explicit, boolean nulls) {
    for (SchemaLocations.Location loc : locations) {
      Optional<Resolved> found = loc.builtin() ? builtin(r, version, stream, explicit, nulls) : file(loc.template(), r, version);
      if (found.isPresent()) {
        return found;
      }
    }
    return crd(r, version, stream, nulls).or(() -> crd(r, version, explicit, nulls));
  }

  /** Built-in kinds, then the CRDs of the stream and of --crd, then the bundled CRDs. */
  private Optional<Resolved> builtin(Resource r, String version, CrdIndex stream, CrdIndex explicit, boolean nulls) {
    String group = r.group();
    String ver = r.apiVersion().substring(r.apiVersion().indexOf('/') + 1);
    Optional<String> def = bundle.definitionName(version, group, ver, r.kind());
    if (def.isPresent()) {
      String key = "builtin|" + version + "|" + options.strict() + "|" + def.get();
      CompiledSchema s = COMPILED.get(key, () -> converter.builtin(version, def.get()), nulls);
      return Optional.of(new Resolved(s, bundle.namespaced(group, r.kind()).orElse(null)));
    }
    return crd(r, version, stream, nulls).or(() -> crd(r, version, explicit, nulls))
        .or(() -> crd(r, version, bundledCrds(r), nulls));
  }

  private Optional<Resolved> crd(Resource r, String version, CrdIndex crds, boolean nulls) {
    String ver = r.apiVersion().substring(r.apiVersion().indexOf('/') + 1);
    return crds.find(r.group(), ver, r.kind()).map(served -> {
      if (served.schema() == null) {
        // a CRD without a schema accepts anything, as the API server does
        CompiledSchema open = COMPILED.get("open", () -> com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), false);
        return new Resolved(open, served.namespaced());
      }
      String key = "crd|" + version + "|" + options.strict() + "|" + served.key() + "|" + served.fingerprint();
      CompiledSchema s = COMPILED.get(key, () -> converter.crd(version, served.schema()), nulls);
      return new Resolved(s, served.namespaced());
    });
  }

  private Optional<Resolved> file(String template, Resource r, String version) {
    String path = SchemaLocations.expand(template, version, options.strict(), r.apiVersion(), r.kind());
    Optional<CompiledSchema> s = files.computeIfAbsent(path, p -> {
      Path file = Path.of(p);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(CompiledSchemas.compile("file|" + p, new ObjectMapper().readTree(file.toFile())));
      } catch (IOException e) {
        throw ValidatorException.input(Location.of(p), "cannot read schema: " + e.getClass().getSimpleName());
      } catch (RuntimeException e) {
        throw ValidatorException.input(Location.of(p), "unusable schema: " + e.getClass().getSimpleName());
      }
    });
    return s.map(schema -> new Resolved(schema, bundle.namespaced(r.group(), r.kind()).orElse(null)));
  }

  private CrdIndex explicitCrds() {
    CrdIndex c = explicitCrds;
    if (c == null) {
      c = CrdIndex.of(CrdFiles.load(options.crds(), options.cwd()));
      explicitCrds = c;
    }
    return c;
  }

  private CrdIndex bundledCrds(Resource r) {
    return BUNDLED_CRDS.computeIfAbsent(r.group() + "/" + r.kind(), k -> CrdIndex.of(bundle.crds(r.group(), r.kind())));
  }
}
