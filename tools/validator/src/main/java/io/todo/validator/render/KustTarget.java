package io.todo.validator.render;

import io.todo.validator.model.GoText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.Manifests;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One kustomization directory and the accumulation of its resources (api/internal/target). */
final class KustTarget {
  private final Path dir;
  private final Loader loader;
  private final List<Path> chain;
  private final Loader.Display display;
  final Kustomization kustomization;
  /** Origin path relative to the top kustomization while buildMetadata tracks origins, else null. */
  String origin;
  /** The transformer configuration accumulated so far (ResAccumulator.tConfig). */
  TransformerConfig config = TransformerConfig.empty();
  /** The vars accumulated so far (ResAccumulator.varSet). */
  Map<String, Vars.Var> vars = new LinkedHashMap<>();
  /** How helmCharts are inflated (one setting for the whole build); null: from the environment. */
  HelmSettings helm;
  /** The nearest including kustomization's namespace, for charts (kustomize 5.8.1 helmRootNamespace). */
  String helmRootNamespace = "";

  KustTarget(Path dir, Loader.Display display, List<Path> chain, Location referencedFrom) {
    this.dir = dir;
    this.display = display;
    this.loader = new Loader(dir, display);
    this.chain = chain;
    Path file = kustomizationFile(dir, loader, referencedFrom);
    this.kustomization = Kustomization.read(file, loader.shown(file), dir);
    useOpenApi();
  }

  /**
   * {@code openapi}: kustomize keeps one custom schema per build, set by the top kustomization or
   * else by the first included one that names a file; only its built-in version v1.21.2 exists.
   */
  private void useOpenApi() {
    JsonNode o = kustomization.root.get("openapi");
    if (o == null || !o.isObject()) {
      return;
    }
    String version = o.path("version").asText("");
    String path = o.path("path").asText("");
    Location where = kustomization.at("/openapi");
    if (!path.isEmpty() && !version.isEmpty()) {
      throw ValidatorException.input(where, "builtin version and custom schema provided, cannot use both");
    }
    if (!version.isEmpty() && !version.equals("v1.21.2")) {
      throw ValidatorException.input(kustomization.at("/openapi/version"),
          "the specified OpenAPI version is not built in (only v1.21.2)");
    }
    if (path.isEmpty() || MergeSchema.CUSTOM.get() != null) {
      return;
    }
    Location at = kustomization.at("/openapi/path");
    byte[] bytes = loader.load(path, at);
    List<io.todo.validator.load.YamlDocument> docs = new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT)
        .load(bytes, loader.shown(dir.resolve(path).normalize()));
    JsonNode defs = docs.isEmpty() || docs.get(0).content() == null ? null : docs.get(0).content().get("definitions");
    if (defs == null || !defs.isObject()) {
      throw ValidatorException.input(at, "invalid schema file " + path + ": no definitions");
    }
    MergeSchema.CUSTOM.set(defs);
  }

  private HelmSettings helmSettings() {
    if (helm == null) {
      helm = HelmSettings.fromEnvironment();
    }
    return helm;
  }

  static Path kustomizationFile(Path dir, Loader loader, Location referencedFrom) {
    List<Path> found = new ArrayList<>();
    for (String name : Renderer.KUSTOMIZATION_FILES) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        found.add(p);
      }
    }
    Location where = referencedFrom != null ? referencedFrom : Location.of(loader.shown(dir));
    if (found.isEmpty()) {
      throw ValidatorException.input(where, "unable to find one of 'kustomization.yaml', 'kustomization.yml' or"
          + " 'Kustomization' in directory '" + loader.shown(dir) + "'");
    }
    if (found.size() > 1) {
      throw ValidatorException.input(where, "found multiple kustomization files in " + loader.shown(dir));
    }
    return found.get(0);
  }

  /** Resources, generators, components, then this kustomization's transformers, into {@code ra}. */
  List<Res> accumulate(List<Res> ra) {
    Kustomization k = kustomization;
    List<String> resources = new ArrayList<>(k.strings("resources"));
    List<String> bases = k.strings("bases");
    for (int i = 0; i < resources.size(); i++) {
      addResource(ra, resources.get(i), k.at("/resources/" + i));
    }
    for (int i = 0; i < bases.size(); i++) {
      addResource(ra, bases.get(i), k.at("/bases/" + i));
    }
    config = TransformerConfig.merged(config, TransformerConfig.forKustomization(k, loader), k.at("/configurations"));
    config = TransformerConfig.merged(config, Crds.load(k, loader), k.at("/crds"));
    // (the helm classes load only for kustomizations that have charts: start-up time)
    List<HelmChart> charts = !k.root.has("helmCharts") && !k.root.has("helmChartInflationGenerator") ? List.of()
        : HelmInflator.configure(k, loader, helmRootNamespace, helmSettings(), Repository.root(chain.get(0)));
    for (Res g : Generators.run(k, loader)) {
      BuildMetadata.fromGenerator(g, origin, Path.of(k.file).getFileName().toString());
      appendReplaceOrMerge(ra, g);
    }
    for (HelmChart chart : charts) {
      for (Res g : HelmInflator.inflate(chart, loader, helmSettings())) {
        BuildMetadata.fromGenerator(g, origin, Path.of(k.file).getFileName().toString(), "HelmChartInflationGenerator");
        appendReplaceOrMerge(ra, g);
      }
    }
    List<String> components = k.strings("components");
    for (int i = 0; i < components.size(); i++) {
      Location where = k.at("/components/" + i);
      KustTarget sub = child(components.get(i), where);
      if (!sub.kustomization.isComponent()) {
        throw ValidatorException.input(where, "expected kind 'Component' for path '" + components.get(i)
            + "' but got '" + sub.kustomization.kind + "'");
      }
      sub.config = config;
      sub.vars = vars;
      sub.accumulate(ra);
      config = sub.config;
    }
    transform(ra);
    Vars.merge(vars, k, ra);
    return ra;
  }

  private KustTarget child(String entry, Location where) {
    if (entry.contains("://") || entry.startsWith("github.com/") || entry.startsWith("git@")) {
      throw ValidatorException.input(where, "remote resource " + entry + " is not supported (no network by design)");
    }
    if (Path.of(entry).isAbsolute()) {
      throw ValidatorException.input(where, "absolute path " + entry + " is not allowed");
    }
    Path sub = dir.resolve(entry).normalize();
    if (!Files.isDirectory(sub)) {
      throw ValidatorException.input(where, "'" + entry + "' must be a file or a directory: no such file or directory");
    }
    Path real = realPath(sub, where);
    Path repository = Repository.root(chain.get(0));
    if (repository != null && !real.startsWith(repository)) {
      throw ValidatorException.input(where, "security; directory '" + entry + "' is outside the repository");
    }
    for (Path p : chain) {
      if (p.startsWith(real)) {
        throw ValidatorException.input(where, "cycle detected: '" + entry + "' is the kustomization root or an"
            + " ancestor of it");
      }
    }
    List<Path> next = new ArrayList<>(chain);
    next.add(real);
    KustTarget t = new KustTarget(sub, display, next, where);
    t.origin = origin == null ? null : BuildMetadata.join(origin, entry);
    t.helm = helm;
    t.helmRootNamespace = kustomization.string("namespace").isEmpty() ? helmRootNamespace
        : kustomization.string("namespace");
    return t;
  }

  static Path realPath(Path p, Location where) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      throw ValidatorException.input(where, "cannot resolve " + p);
    }
  }

  private void addResource(List<Res> ra, String entry, Location where) {
    Path p = dir.resolve(entry).normalize();
    if (!entry.contains("://") && Files.isRegularFile(p)) {
      Path real = loader.checked(entry, where);
      List<Resource> rs = Manifests.toResources(ListItems.inline(
          new YamlLoader(ScalarSchema.CORE_1_2, YamlLimits.DEFAULT).keepingAnnotationText().load(real, loader.shown(p))));
      List<Res> loaded = new ArrayList<>();
      for (Resource r : rs) {
        checkResource(r);
        Res res = Res.of(r);
        BuildMetadata.fromFile(res, origin, entry);
        loaded.add(res);
      }
      append(ra, loaded, where);
      return;
    }
    KustTarget sub = child(entry, where);
    if (sub.kustomization.isComponent()) {
      throw ValidatorException.input(where, "expected kind 'Kustomization' for path '" + entry
          + "' but got 'Component'");
    }
    append(ra, sub.accumulate(new ArrayList<>()), where);
    config = TransformerConfig.merged(config, sub.config, where);
    Vars.mergeSet(vars, sub.vars, where);
  }

  static void checkResource(Resource r) {
    JsonNode name = r.object().path("metadata").get("name");
    if (r.kind() == null || r.kind().isEmpty()) {
      throw ValidatorException.input(r.origin(), "missing kind in object");
    }
    if (name == null || name.isNull() || name.asText().isEmpty()) {
      if (!r.kind().endsWith("List")) {
        throw ValidatorException.input(r.origin(), "missing metadata.name in object " + r.kind());
      }
    }
  }

  /** resWrangler.AppendAll: an id already present is an error. */
  private static void append(List<Res> ra, List<Res> added, Location where) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Res o : ra) {
      ids.add(o.curId().key());
    }
    for (Res r : added) {
      ResId id = r.curId();
      if (!ids.add(id.key())) {
        throw ValidatorException.input(r.origin() != null ? r.origin() : where,
            "may not add resource with an already registered id: " + id);
      }
      ra.add(r);
    }
  }

  /** Generator behaviour: create appends, merge and replace update the resource they name. */
  private void appendReplaceOrMerge(List<Res> ra, Res g) {
    ResId id = g.curId();
    List<Res> matches = new ArrayList<>();
    for (Res r : ra) {
      for (ResId any : r.allIds()) {
        if (any.matches(id)) {
          matches.add(r);
          break;
        }
      }
    }
    if (matches.isEmpty()) {
      if (g.behavior.equals("merge") || g.behavior.equals("replace")) {
        throw ValidatorException.input(g.origin(), "id " + id + " does not exist; cannot merge or replace");
      }
      append(ra, List.of(g), g.origin());
      return;
    }
    if (matches.size() > 1) {
      throw ValidatorException.input(g.origin(), "found multiple objects " + matches + " that could accept merge of "
          + id);
    }
    Res old = matches.get(0);
    switch (g.behavior) {
      case "replace" -> copyMeta(g, old);
      case "merge" -> {
        copyMeta(g, old);
        BuildMetadata.keepOrigin(old, g);
        for (String field : List.of("data", "binaryData")) {
          Map<String, JsonNode> merged = new LinkedHashMap<>();
          // kyaml reads the old object's data as a map of strings (each scalar's text): 8080 and
          // true come out as "8080" and "true", ~ as ""
          old.obj.path(field).fields().forEachRemaining(e -> merged.put(e.getKey(), asDataString(e.getValue())));
          g.obj.path(field).fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue()));
          if (!merged.isEmpty()) {
            ObjectNode m = g.obj.putObject(field);
            merged.forEach(m::set);
          }
        }
      }
      default -> throw ValidatorException.input(g.origin(), "id " + id + " exists; can not use behavior: '"
          + g.behavior + "', behavior must be merge or replace");
    }
    // build annotations come from the old object only (mergeStringMapsWithBuildAnnotations): merging into
    // a resource that has no hash suffix adds none
    g.needsHash = g.needsHash && old.needsHash;
    g.previous.addAll(0, old.previous);
    g.prefixes.addAll(0, old.prefixes);
    g.suffixes.addAll(0, old.suffixes);
    ra.set(ra.indexOf(old), g);
  }

  private static JsonNode asDataString(JsonNode v) {
    if (v.isNull()) {
      return JsonNodeFactory.instance.textNode("");
    }
    boolean plain = v.isTextual() && !(v instanceof io.todo.validator.load.PlainTimestamp); // a date stays as written
    return v.isValueNode() && !plain ? JsonNodeFactory.instance.textNode(v.asText()) : v;
  }

  private static void copyMeta(Res to, Res from) {
    for (String field : List.of("labels", "annotations")) {
      Map<String, String> m = Kustomization.map(from.obj.path("metadata").get(field));
      m.putAll(Kustomization.map(to.obj.path("metadata").get(field)));
      to.metadata().remove(field);
      if (!m.isEmpty()) {
        ObjectNode o = to.metadata().putObject(field);
        m.forEach(o::put);
      }
    }
    to.setName(from.name());
    to.setNamespace(from.namespace());
  }

  private void transform(List<Res> ra) {
    Kustomization k = kustomization;
    List<String> psm = k.strings("patchesStrategicMerge");
    for (int i = 0; i < psm.size(); i++) {
      String entry = psm.get(i);
      Location where = k.at("/patchesStrategicMerge/" + i);
      String text;
      String file;
      boolean inline = isInlinePatch(entry);
      if (inline) {
        text = entry;
        file = k.file;
      } else {
        text = Patches.text(loader.load(entry, where));
        file = loader.shown(dir.resolve(entry).normalize());
      }
      Patches.Patch p = inline
          ? inline(where, () -> Patches.load(text, file, null, null, where, "[inline patch]"))
          : Patches.load(text, file, null, null, where, "[path: " + GoText.quote(entry) + "]");
      if (p == null) {
        throw ValidatorException.input(where, "patch appears to be empty; files=[" + entry + "]");
      }
      run(ra, () -> Patches.apply(ra, p));
    }
    for (Kustomization.Item item : k.items("patches")) {
      Patches.Patch p = loadPatch(item, true);
      if (p != null) {
        run(ra, () -> Patches.apply(ra, p));
      }
    }
    String ns = k.string("namespace");
    if (!ns.isEmpty()) {
      run(ra, () -> Transformers.namespace(ra, ns, config.get("namespace"), k.at("/namespace")));
    }
    String prefix = k.string("namePrefix");
    if (!prefix.isEmpty()) {
      run(ra, () -> Transformers.prefixSuffix(ra, prefix, true, config.get("namePrefix"),
          k.at("/namePrefix")));
    }
    String suffix = k.string("nameSuffix");
    if (!suffix.isEmpty()) {
      run(ra, () -> Transformers.prefixSuffix(ra, suffix, false, config.get("nameSuffix"),
          k.at("/nameSuffix")));
    }
    for (Kustomization.Item label : k.items("labels")) {
      List<FieldSpec> own = new ArrayList<>();
      for (JsonNode f : label.node().path("fields")) {
        own.add(FieldSpec.of(f.path("group").asText(""), f.path("version").asText(""), f.path("kind").asText(""),
            f.path("path").asText(""), f.path("create").asBoolean(false)));
      }
      Location where = k.at(label.pointer());
      List<FieldSpec> specs = mergeSpecs(own, config.get("labels"), where);
      if (label.bool("includeSelectors")) {
        specs = mergeSpecs(specs, config.get("commonLabels"), where);
      } else {
        if (label.bool("includeTemplates")) {
          specs = mergeSpecs(specs, config.get("templateLabels"), where);
        }
        specs = mergeSpecs(specs, List.of(FieldSpec.of("", "metadata/labels", true)), where);
      }
      Map<String, String> pairs = Kustomization.map(label.node().get("pairs"));
      List<FieldSpec> all = specs;
      run(ra, () -> Transformers.setEntries(ra, pairs, all, where));
    }
    Map<String, String> common = Kustomization.map(k.root.get("commonLabels"));
    run(ra, () -> Transformers.setEntries(ra, common, config.get("commonLabels"), k.at("/commonLabels")));
    Map<String, String> annotations = Kustomization.map(k.root.get("commonAnnotations"));
    run(ra, () -> Transformers.setEntries(ra, annotations, config.get("commonAnnotations"),
        k.at("/commonAnnotations")));
    for (Kustomization.Item item : k.items("patchesJson6902")) {
      Patches.Patch p = loadPatch(item, false);
      if (p != null) {
        run(ra, () -> Patches.apply(ra, p));
      }
    }
    for (Kustomization.Item item : k.items("replicas")) {
      run(ra, () -> Transformers.replicas(ra, item.string("name"), item.node().path("count").asLong(0),
          config.get("replicas"), k.at(item.pointer())));
    }
    List<Kustomization.Item> images = new ArrayList<>(k.items("images"));
    images.addAll(k.items("imageTags"));
    for (Kustomization.Item item : images) {
      Transformers.Image image = new Transformers.Image(item.string("name"), item.string("newName"),
          item.string("newTag"), item.string("digest"), item.string("tagSuffix"), k.at(item.pointer()));
      run(ra, () -> Transformers.images(ra, image, config.get("images")));
    }
    if (!k.items("replacements").isEmpty()) {
      run(ra, () -> Replacements.run(ra, k, loader));
    }
  }

  /** FsSlice.MergeAll, as the labels transformer builds its field specs. */
  private static List<FieldSpec> mergeSpecs(List<FieldSpec> base, List<FieldSpec> incoming, Location where) {
    try {
      return TransformerConfig.mergeAll(base, incoming, "labels");
    } catch (RenderException e) {
      throw ValidatorException.input(where, e.getMessage());
    }
  }

  /** kustomize tries a patchesStrategicMerge entry as YAML first: a mapping is an inline patch. */
  /**
   * kustomize first reads a patchesStrategicMerge entry as YAML: if that gives a mapping it is an
   * inline patch, otherwise it is a file path.
   */
  private static boolean isInlinePatch(String entry) {
    try {
      return new YamlLoader(ScalarSchema.CORE_1_2, YamlLimits.DEFAULT).parse(entry, "").stream()
          .anyMatch(d -> !d.isEmpty() && d.content().isObject());
    } catch (ValidatorException e) {
      return false;
    }
  }

  private Patches.Patch loadPatch(Kustomization.Item item, boolean strategicAllowed) {
    Kustomization k = kustomization;
    Location where = k.at(item.pointer());
    String path = item.string("path");
    String inline = item.string("patch").strip();
    if (path.isEmpty() && inline.isEmpty()) {
      throw ValidatorException.input(where, "must specify one of patch and path");
    }
    if (!path.isEmpty() && !inline.isEmpty()) {
      throw ValidatorException.input(where, "patch and path can't be set at the same time");
    }
    JsonNode target = item.node().get("target");
    if (target != null && target.isNull()) {
      target = null;
    }
    Selector t = target == null ? null : new Selector(target, field -> k.at(item.pointer() + "/target/" + field));
    if (!inline.isEmpty()) {
      Location at = k.at(item.pointer() + "/patch");
      return inline(at, () -> Patches.load(inline, k.file, t, item.node().get("options"), at,
          "[inline patch]")); // never the patch text: it may hold a Secret's values
    }
    String text = Patches.text(loader.load(path, k.at(item.pointer() + "/path")));
    return Patches.load(text, loader.shown(dir.resolve(path).normalize()), t, item.node().get("options"),
        k.at(item.pointer() + "/path"), "[path: " + GoText.quote(path) + "]");
  }

  /**
   * Positions inside an inline patch count from the start of its text, not of the kustomization
   * file: a parse error is reported at the patch field, with the position inside the patch.
   */
  private static Patches.Patch inline(Location field, java.util.function.Supplier<Patches.Patch> load) {
    try {
      Patches.Patch p = load.get();
      if (p != null && p.strategic() != null) {
        // the fields a patch sets come from the patch field, not from a line of the patch text
        for (Res r : p.strategic()) {
          SourceMap at = new SourceMap();
          r.origins.entries().keySet().forEach(ptr -> at.put(ptr, field));
          r.origins.setAll(at);
        }
      }
      return p;
    } catch (ValidatorException e) {
      List<ValidatorException> all = new ArrayList<>();
      for (ValidatorException one : e.all()) {
        Location l = one.location();
        String inside = l == null || l.line() <= 0 ? "" : " (line " + l.line() + ", column " + l.column() + " of the patch)";
        all.add(ValidatorException.input(field, "inline patch" + inside + ": " + one.getMessage()));
      }
      throw ValidatorException.all(all);
    }
  }

  /** Runs one transformer, then drops resources it emptied (kustomize's multitransformer). */
  private static void run(List<Res> ra, Runnable transformer) {
    try {
      transformer.run();
    } catch (RenderException e) {
      throw new ValidatorException(io.todo.validator.model.ExitCodes.USAGE, e.getMessage());
    }
    ra.removeIf(Res::isEmpty);
  }
}
