package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field specs the built-in transformers use (kustomize's builtinconfig.TransformerConfig): the
 * built-in tables, extended by a kustomization's {@code configurations} files and {@code crds}, and
 * merged upwards from every kustomization it includes (ResAccumulator.MergeConfig).
 */
final class TransformerConfig {
  /** The field-spec lists by their configuration-file key. */
  static final List<String> KEYS = List.of("namePrefix", "nameSuffix", "namespace", "commonLabels", "labels",
      "templateLabels", "commonAnnotations", "varReference", "images", "replicas");

  private final Map<String, List<FieldSpec>> specs;
  final List<BuiltinConfig.NameRef> nameReference;

  private TransformerConfig(Map<String, List<FieldSpec>> specs, List<BuiltinConfig.NameRef> nameReference) {
    this.specs = specs;
    this.nameReference = nameReference;
  }

  /** A configuration holding only the given lists (the others empty). */
  static TransformerConfig of(Map<String, List<FieldSpec>> lists, List<BuiltinConfig.NameRef> nameReference) {
    Map<String, List<FieldSpec>> m = new LinkedHashMap<>();
    KEYS.forEach(k -> m.put(k, List.copyOf(lists.getOrDefault(k, List.of()))));
    return new TransformerConfig(m, List.copyOf(nameReference));
  }

  static TransformerConfig empty() {
    Map<String, List<FieldSpec>> m = new LinkedHashMap<>();
    KEYS.forEach(k -> m.put(k, List.of()));
    return new TransformerConfig(m, List.of());
  }

  /** builtinconfig.MakeDefaultConfig, built once (configurations are immutable). */
  static TransformerConfig defaults() {
    return DEFAULTS;
  }

  private static final TransformerConfig DEFAULTS = makeDefaults();

  private static TransformerConfig makeDefaults() {
    Map<String, List<FieldSpec>> m = new LinkedHashMap<>();
    m.put("namePrefix", List.of(FieldSpec.of("", "metadata/name", false)));
    m.put("nameSuffix", List.of(FieldSpec.of("", "metadata/name", false)));
    m.put("namespace", BuiltinConfig.NAMESPACE);
    m.put("commonLabels", BuiltinConfig.COMMON_LABELS);
    m.put("labels", List.of());
    m.put("templateLabels", BuiltinConfig.TEMPLATE_LABELS);
    m.put("commonAnnotations", BuiltinConfig.COMMON_ANNOTATIONS);
    m.put("varReference", BuiltinConfig.VAR_REFERENCE);
    m.put("images", BuiltinConfig.IMAGES);
    m.put("replicas", BuiltinConfig.REPLICAS);
    return new TransformerConfig(m, BuiltinConfig.NAME_REFERENCES);
  }

  List<FieldSpec> get(String key) {
    return specs.get(key);
  }

  private boolean isEmpty() {
    return nameReference.isEmpty() && specs.values().stream().allMatch(List::isEmpty);
  }

  /** TransformerConfig.Merge; a spec the list already has with another create flag is a conflict. */
  TransformerConfig merge(TransformerConfig other) {
    return other.isEmpty() ? this : mergeLists(other);
  }

  private TransformerConfig mergeLists(TransformerConfig other) {
    Map<String, List<FieldSpec>> m = new LinkedHashMap<>();
    for (String k : KEYS) {
      m.put(k, mergeAll(specs.get(k), other.specs.get(k), k));
    }
    // nbrSlice.mergeAll: an incoming kind merges its referrers into every entry of the same GVK
    List<BuiltinConfig.NameRef> refs = new ArrayList<>(nameReference);
    Map<String, List<Integer>> byGvk = new HashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      byGvk.computeIfAbsent(gvk(refs.get(i)), g -> new ArrayList<>()).add(i);
    }
    for (BuiltinConfig.NameRef in : other.nameReference) {
      List<Integer> same = byGvk.get(gvk(in));
      if (same == null) {
        byGvk.computeIfAbsent(gvk(in), g -> new ArrayList<>()).add(refs.size());
        refs.add(in);
        continue;
      }
      for (int i : same) {
        BuiltinConfig.NameRef r = refs.get(i);
        refs.set(i, new BuiltinConfig.NameRef(r.group(), r.version(), r.kind(),
            mergeAll(r.referrers(), in.referrers(), "NameReference")));
      }
    }
    return new TransformerConfig(m, List.copyOf(refs));
  }

  private static String gvk(BuiltinConfig.NameRef r) {
    return r.group() + "/" + r.version() + "/" + r.kind();
  }

  /**
   * FsSlice.MergeAll: an incoming spec an existing one selects (same path) is dropped. Specs are
   * looked up by path: every kustomization of a tree merges the defaults' long lists again.
   */
  static List<FieldSpec> mergeAll(List<FieldSpec> base, List<FieldSpec> incoming, String what) {
    if (incoming.isEmpty()) {
      return List.copyOf(base);
    }
    List<FieldSpec> out = new ArrayList<>(base);
    Map<String, List<FieldSpec>> byPath = new HashMap<>();
    for (FieldSpec s : out) {
      byPath.computeIfAbsent(s.path(), p -> new ArrayList<>()).add(s);
    }
    for (FieldSpec x : incoming) {
      List<FieldSpec> samePath = byPath.computeIfAbsent(x.path(), p -> new ArrayList<>());
      FieldSpec same = null;
      for (FieldSpec s : samePath) {
        if (selects(s, x)) {
          same = s;
          break;
        }
      }
      if (same == null) {
        out.add(x);
        samePath.add(x);
      } else if (same.create() != x.create()) {
        throw new RenderException("failed to merge " + what + " fieldSpec: conflicting fieldspecs: "
            + describe(same) + " and " + describe(x));
      }
    }
    return List.copyOf(out);
  }

  private static boolean selects(FieldSpec s, FieldSpec x) {
    return (s.group().isEmpty() || s.group().equals(x.group()))
        && (s.version().isEmpty() || s.version().equals(x.version()))
        && (s.kind().isEmpty() || s.kind().equals(x.kind()));
  }

  private static String describe(FieldSpec f) {
    return new ResId(f.group(), f.version(), f.kind(), "", "").gvkString() + ":" + f.create() + ":" + f.path();
  }

  /** builtinconfig.MakeTransformerConfig: the defaults merged with the kustomization's configuration files. */
  static TransformerConfig forKustomization(Kustomization k, Loader loader) {
    List<String> files = k.strings("configurations");
    TransformerConfig loaded = empty();
    for (int i = 0; i < files.size(); i++) {
      Location where = k.at("/configurations/" + i);
      Path real = loader.checked(files.get(i), where);
      loaded = merged(loaded, read(real, loader.shown(loader.resolve(files.get(i)))), where);
    }
    return merged(defaults(), loaded, k.at("/configurations"));
  }

  static TransformerConfig merged(TransformerConfig a, TransformerConfig b, Location where) {
    try {
      return a.merge(b);
    } catch (RenderException e) {
      throw ValidatorException.input(where, e.getMessage());
    }
  }

  /** A configuration file, decoded strictly (unknown fields and wrong types are errors). */
  static TransformerConfig read(Path file, String shown) {
    List<YamlDocument> docs = new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT).load(file, shown);
    List<YamlDocument> nonEmpty = docs.stream().filter(d -> !d.isEmpty()).toList();
    if (nonEmpty.size() > 1) {
      throw ValidatorException.input(nonEmpty.get(1).start(), "a transformer configuration must hold one YAML"
          + " document");
    }
    if (nonEmpty.isEmpty() || nonEmpty.get(0).content().isNull()) {
      return empty();
    }
    YamlDocument d = nonEmpty.get(0);
    Decoder dec = new Decoder(d.locations(), shown);
    JsonNode root = d.content();
    if (!root.isObject()) {
      throw dec.error("", "a transformer configuration must be a mapping");
    }
    Map<String, List<FieldSpec>> m = new LinkedHashMap<>();
    KEYS.forEach(k -> m.put(k, List.of()));
    List<BuiltinConfig.NameRef> refs = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String ptr = "/" + SourceMap.escape(e.getKey());
      String key = canonical(e.getKey(), KEYS, "nameReference");
      if (key == null) {
        throw dec.error(ptr, "unknown field \"" + e.getKey() + "\" in a transformer configuration");
      }
      if (key.equals("nameReference")) {
        for (JsonNode item : dec.list(e.getValue(), ptr)) {
          String ip = ptr + "/" + refs.size();
          Map<String, JsonNode> f = dec.object(item, ip, List.of("group", "version", "kind", "fieldSpecs"));
          List<FieldSpec> referrers = dec.specs(f.get("fieldSpecs"), ip + "/fieldSpecs");
          refs.add(new BuiltinConfig.NameRef(dec.string(f, "group", ip), dec.string(f, "version", ip),
              dec.string(f, "kind", ip), referrers));
        }
      } else {
        m.put(key, dec.specs(e.getValue(), ptr));
      }
    }
    return new TransformerConfig(m, List.copyOf(refs));
  }

  /** encoding/json matches keys case-insensitively. */
  static String canonical(String key, List<String> known, String... more) {
    List<String> all = new ArrayList<>(known);
    all.addAll(List.of(more));
    for (String k : all) {
      if (k.equals(key)) {
        return k;
      }
    }
    for (String k : all) {
      if (k.equalsIgnoreCase(key)) {
        return k;
      }
    }
    return null;
  }

  /** Strict decoding of field-spec lists with positions. */
  record Decoder(SourceMap locations, String file) {
    ValidatorException error(String ptr, String message) {
      Location l = locations.locate(ptr);
      return ValidatorException.input(l != null ? l : Location.of(file), message);
    }

    List<JsonNode> list(JsonNode v, String ptr) {
      List<JsonNode> out = new ArrayList<>();
      if (v == null || v.isNull()) {
        return out;
      }
      if (!v.isArray()) {
        throw error(ptr, "expected a list of field specs");
      }
      v.forEach(out::add);
      return out;
    }

    Map<String, JsonNode> object(JsonNode v, String ptr, List<String> fields) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      if (v == null || v.isNull()) {
        return out;
      }
      if (!v.isObject()) {
        throw error(ptr, "expected a mapping");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = canonical(e.getKey(), fields);
        if (key == null) {
          throw error(ptr + "/" + SourceMap.escape(e.getKey()), "unknown field \"" + e.getKey() + "\"");
        }
        out.put(key, e.getValue());
      }
      return out;
    }

    String string(Map<String, JsonNode> f, String key, String ptr) {
      JsonNode v = f.get(key);
      if (v == null || v.isNull()) {
        return "";
      }
      if (!v.isTextual()) {
        throw error(ptr + "/" + key, key + " must be a string");
      }
      return v.asText();
    }

    List<FieldSpec> specs(JsonNode v, String ptr) {
      List<FieldSpec> out = new ArrayList<>();
      List<JsonNode> items = list(v, ptr);
      for (int i = 0; i < items.size(); i++) {
        String ip = ptr + "/" + i;
        Map<String, JsonNode> f = object(items.get(i), ip, List.of("group", "version", "kind", "path", "create"));
        JsonNode create = f.get("create");
        if (create != null && !create.isNull() && !create.isBoolean()) {
          throw error(ip + "/create", "create must be a boolean");
        }
        out.add(FieldSpec.of(string(f, "group", ip), string(f, "version", ip), string(f, "kind", ip),
            string(f, "path", ip), create != null && create.asBoolean(false)));
      }
      return out;
    }
  }
}
