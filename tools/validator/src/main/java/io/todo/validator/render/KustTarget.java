package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.Manifests;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
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

  KustTarget(Path dir, Loader.Display display, List<Path> chain, Location referencedFrom) {
    this.dir = dir;
    this.display = display;
    this.loader = new Loader(dir, display);
    this.chain = chain;
    Path file = kustomizationFile(dir, loader, referencedFrom);
    this.kustomization = Kustomization.read(file, loader.shown(file), dir);
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
    for (Res g : Generators.run(k, loader)) {
      appendReplaceOrMerge(ra, g);
    }
    List<String> components = k.strings("components");
    for (int i = 0; i < components.size(); i++) {
      Location where = k.at("/components/" + i);
      KustTarget sub = child(components.get(i), where);
      if (!sub.kustomization.isComponent()) {
        throw ValidatorException.input(where, "expected kind 'Component' for path '" + components.get(i)
            + "' but got '" + sub.kustomization.kind + "'");
      }
      sub.accumulate(ra);
    }
    transform(ra);
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
    for (Path p : chain) {
      if (p.startsWith(real)) {
        throw ValidatorException.input(where, "cycle detected: '" + entry + "' is the kustomization root or an"
            + " ancestor of it");
      }
    }
    List<Path> next = new ArrayList<>(chain);
    next.add(real);
    return new KustTarget(sub, display, next, where);
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
      List<Resource> rs = new Manifests(new YamlLoader(ScalarSchema.CORE_1_2, YamlLimits.DEFAULT))
          .readFile(real, loader.shown(p));
      for (Resource r : rs) {
        checkResource(r);
        append(ra, Res.of(r), where);
      }
      return;
    }
    KustTarget sub = child(entry, where);
    if (sub.kustomization.isComponent()) {
      throw ValidatorException.input(where, "expected kind 'Kustomization' for path '" + entry
          + "' but got 'Component'");
    }
    for (Res r : sub.accumulate(new ArrayList<>())) {
      append(ra, r, where);
    }
  }

  private static void checkResource(Resource r) {
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

  private static void append(List<Res> ra, Res r, Location where) {
    ResId id = r.curId();
    for (Res o : ra) {
      if (o.curId().matches(id)) {
        throw ValidatorException.input(r.origin() != null ? r.origin() : where,
            "may not add resource with an already registered id: " + id);
      }
    }
    ra.add(r);
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
      if (!g.behavior.equals("create")) {
        throw ValidatorException.input(g.origin(), "id " + id + " does not exist; cannot merge or replace");
      }
      append(ra, g, g.origin());
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
        for (String field : List.of("data", "binaryData")) {
          Map<String, JsonNode> merged = new LinkedHashMap<>();
          old.obj.path(field).fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue()));
          g.obj.path(field).fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue()));
          if (!merged.isEmpty()) {
            ObjectNode m = g.obj.putObject(field);
            merged.forEach(m::set);
          }
        }
      }
      default -> throw ValidatorException.input(g.origin(), "id " + id + " exists; behavior must be merge or replace");
    }
    g.needsHash = g.needsHash || old.needsHash;
    g.previous.addAll(0, old.previous);
    g.prefixes.addAll(0, old.prefixes);
    g.suffixes.addAll(0, old.suffixes);
    ra.set(ra.indexOf(old), g);
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
      if (looksInline(entry)) {
        text = entry;
        file = k.file;
      } else {
        text = Patches.text(loader.load(entry, where));
        file = loader.shown(dir.resolve(entry).normalize());
      }
      Patches.Patch p = Patches.load(text, file, null, null, where, "[path: \"" + entry + "\"]");
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
      run(ra, () -> Transformers.namespace(ra, ns, k.at("/namespace")));
    }
    String prefix = k.string("namePrefix");
    if (!prefix.isEmpty()) {
      run(ra, () -> Transformers.prefixSuffix(ra, prefix, true, k.at("/namePrefix")));
    }
    String suffix = k.string("nameSuffix");
    if (!suffix.isEmpty()) {
      run(ra, () -> Transformers.prefixSuffix(ra, suffix, false, k.at("/nameSuffix")));
    }
    for (Kustomization.Item label : k.items("labels")) {
      List<FieldSpec> specs = new ArrayList<>();
      for (JsonNode f : label.node().path("fields")) {
        specs.add(FieldSpec.of(f.path("group").asText(""), f.path("version").asText(""), f.path("kind").asText(""),
            f.path("path").asText(""), f.path("create").asBoolean(false)));
      }
      if (label.bool("includeSelectors")) {
        specs.addAll(BuiltinConfig.COMMON_LABELS);
      } else {
        if (label.bool("includeTemplates")) {
          specs.addAll(BuiltinConfig.TEMPLATE_LABELS);
        }
        specs.add(FieldSpec.of("", "metadata/labels", true));
      }
      Map<String, String> pairs = Kustomization.map(label.node().get("pairs"));
      run(ra, () -> Transformers.setEntries(ra, pairs, dedupe(specs), k.at(label.pointer())));
    }
    Map<String, String> common = Kustomization.map(k.root.get("commonLabels"));
    run(ra, () -> Transformers.setEntries(ra, common, BuiltinConfig.COMMON_LABELS, k.at("/commonLabels")));
    Map<String, String> annotations = Kustomization.map(k.root.get("commonAnnotations"));
    run(ra, () -> Transformers.setEntries(ra, annotations, BuiltinConfig.COMMON_ANNOTATIONS,
        k.at("/commonAnnotations")));
    for (Kustomization.Item item : k.items("patchesJson6902")) {
      Patches.Patch p = loadPatch(item, false);
      if (p != null) {
        run(ra, () -> Patches.apply(ra, p));
      }
    }
    for (Kustomization.Item item : k.items("replicas")) {
      run(ra, () -> Transformers.replicas(ra, item.string("name"), item.node().path("count").asLong(0),
          k.at(item.pointer())));
    }
    List<Kustomization.Item> images = new ArrayList<>(k.items("images"));
    images.addAll(k.items("imageTags"));
    for (Kustomization.Item item : images) {
      Transformers.Image image = new Transformers.Image(item.string("name"), item.string("newName"),
          item.string("newTag"), item.string("digest"), item.string("tagSuffix"), k.at(item.pointer()));
      run(ra, () -> Transformers.images(ra, image));
    }
  }

  private static List<FieldSpec> dedupe(List<FieldSpec> specs) {
    return specs.stream().distinct().toList();
  }

  /** kustomize tries a patchesStrategicMerge entry as YAML first: a mapping is an inline patch. */
  private static boolean looksInline(String entry) {
    return entry.contains("\n") || entry.contains(": ") || entry.trim().startsWith("{");
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
    if (!inline.isEmpty()) {
      // inline patches keep their kustomization positions for diagnostics
      return Patches.load(inline, k.file, target, item.node().get("options"), k.at(item.pointer() + "/patch"),
          "[patch: \"" + abbreviate(inline) + "\"]");
    }
    String text = Patches.text(loader.load(path, k.at(item.pointer() + "/path")));
    return Patches.load(text, loader.shown(dir.resolve(path).normalize()), target, item.node().get("options"),
        k.at(item.pointer() + "/path"), "[path: \"" + path + "\"]");
  }

  private static String abbreviate(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() > 60 ? one.substring(0, 60) + "..." : one;
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
