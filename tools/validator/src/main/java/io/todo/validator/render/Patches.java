package io.todo.validator.render;

import io.todo.validator.model.GoText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** patchesStrategicMerge, patches and patchesJson6902 (PatchTransformer and friends). */
final class Patches {
  private Patches() {}

  /** One patch entry: strategic-merge documents or JSON operations, with where it came from. */
  record Patch(List<Res> strategic, JsonNode operations, Selector target, boolean allowNameChange,
      boolean allowKindChange, Location where, String source) {}

  static Patch load(String text, String file, Selector target, JsonNode options, Location where, String source) {
    String trimmed = text.strip();
    if (trimmed.startsWith("[")) {
      return json(new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT).parse(text, file), target, options, where,
          source);
    }
    List<YamlDocument> docs = new YamlLoader(ScalarSchema.CORE_1_2, YamlLimits.DEFAULT).keepingAnnotationText().parse(text, file);
    List<YamlDocument> nonEmpty = docs.stream().filter(d -> !d.isEmpty()).toList();
    if (nonEmpty.isEmpty()) {
      return null; // an empty patch (or only comments) is a no-op since kustomize 5.7
    }
    if (nonEmpty.get(0).content().isArray()) {
      return json(new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT).parse(text, file), target, options, where,
          source);
    }
    nonEmpty = ListItems.inline(nonEmpty); // SliceFromBytes expands Lists of patches too
    List<Res> sm = new ArrayList<>();
    for (YamlDocument d : nonEmpty) {
      // SliceFromBytes drops nothing but validates each document's metadata (GetValidatedMetadata):
      // a kind, and a name unless the kind is a List
      String kind = d.content().isObject() ? Res.text(d.content().get("kind")) : "";
      if (!d.content().isObject() || kind.isEmpty()
          || !kind.endsWith("List") && Res.text(d.content().path("metadata").get("name")).isEmpty()) {
        throw ValidatorException.input(d.start(), "unable to parse SM or JSON patch from " + source);
      }
      sm.add(new Res((ObjectNode) d.content(), d.locations()));
    }
    return new Patch(sm, null, target, options != null && options.path("allowNameChange").asBoolean(false),
        options != null && options.path("allowKindChange").asBoolean(false), where, source);
  }

  private static Patch json(List<YamlDocument> docs, Selector target, JsonNode options, Location where, String source) {
    List<YamlDocument> nonEmpty = docs.stream().filter(d -> !d.isEmpty()).toList();
    if (nonEmpty.size() != 1 || !nonEmpty.get(0).content().isArray()) {
      throw ValidatorException.input(where, "unable to parse SM or JSON patch from " + source);
    }
    for (JsonNode op : nonEmpty.get(0).content()) {
      // jsonpatch.DecodePatch cannot decode it into an Operation (a null one is an "unknown" kind),
      // and YAMLToJSON cannot encode NaN or infinities
      if ((!op.isObject() && !op.isNull()) || !encodable(op)) {
        throw ValidatorException.input(where, "unable to parse SM or JSON patch from " + source);
      }
    }
    return new Patch(null, nonEmpty.get(0).content(), target, false, false, where, source);
  }

  private static boolean encodable(JsonNode n) {
    if (n.isFloatingPointNumber()) {
      return Double.isFinite(n.doubleValue());
    }
    for (JsonNode c : n) {
      if (!encodable(c)) {
        return false;
      }
    }
    return true;
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Applies one patch entry to the resources (in place); emptied resources are dropped by the caller. */
  static void apply(List<Res> resources, Patch p) {
    try {
      if (p.strategic() != null) {
        applyStrategic(resources, p);
      } else {
        if (p.target() == null) {
          throw ValidatorException.input(p.where(), "must specify a target for JSON patch " + p.source());
        }
        for (Res r : p.target().select(resources)) {
          r.storePreviousId();
          JsonNode out;
          try {
            addAnnotations(r.obj);
            out = JsonPatch.apply(r.obj, p.operations()); // a copy: r.obj is replaced only on success
          } finally {
            dropEmptyAnnotations(r.obj);
          }
          if (!out.isObject()) {
            // the whole document was replaced by an array: kyaml cannot read it back as an object
            throw ValidatorException.input(p.where(),
                "json: cannot unmarshal array into Go value of type map[string]interface {}");
          }
          r.obj.removeAll();
          r.obj.setAll((ObjectNode) out);
          dropEmptyAnnotations(r.obj);
          for (int i = 0; i < p.operations().size(); i++) {
            String path = p.operations().get(i).path("path").asText("");
            r.origins.put(path, p.where());
          }
        }
      }
    } catch (RenderException e) {
      throw ValidatorException.input(p.where(), e.getMessage());
    }
  }

  /**
   * The document a JSON patch sees. In kustomize every object carries internal annotations while it
   * is built (config.kubernetes.io/..., stripped from the output), so {@code /metadata/annotations}
   * always exists for a patch: adding an annotation to an object without any works, removing the
   * map works, and copying a missing annotation gives null.
   */
  private static void addAnnotations(ObjectNode obj) {
    if (obj.get("metadata") instanceof ObjectNode m && !m.has("annotations")) {
      m.putObject("annotations");
    }
  }

  /** What kustomize prints once its internal annotations are stripped: no empty annotations map. */
  private static void dropEmptyAnnotations(ObjectNode obj) {
    JsonNode meta = obj.get("metadata");
    if (meta instanceof ObjectNode m && m.get("annotations") instanceof ObjectNode a && a.isEmpty()) {
      m.remove("annotations");
    }
  }

  private static void applyStrategic(List<Res> resources, Patch p) {
    if (p.target() != null) {
      if (p.strategic().size() > 1) {
        throw ValidatorException.input(p.where(), "Multiple Strategic-Merge Patches in one `patches` entry is not"
            + " allowed to set `patches.target` field: " + p.source());
      }
      Res patch = p.strategic().get(0);
      for (Res r : p.target().select(resources)) {
        Res copy = patch.deepCopy();
        copy.obj.put("apiVersion", r.curId().apiVersion());
        String kind = patch.kind();
        if (kind.isEmpty()) {
          copy.obj.remove("kind");
        } else {
          copy.obj.put("kind", kind);
        }
        smPatch(r, copy, p);
      }
      return;
    }
    for (Res patch : p.strategic()) {
      ResId id = patch.curId();
      List<Res> matches = new ArrayList<>();
      for (Res r : resources) {
        if (r.isEmpty()) {
          continue;
        }
        for (ResId any : r.allIds()) {
          if (any.matches(id)) {
            matches.add(r);
            break;
          }
        }
      }
      if (matches.size() != 1) {
        throw ValidatorException.input(patch.origin() != null ? patch.origin() : p.where(),
            "no resource matches strategic merge patch " + GoText.quote(id.toString()) + ": " + (matches.isEmpty() ? "no" : "multiple")
                + " matches for Id " + id + "; failed to find unique target for patch " + id);
      }
      smPatch(matches.get(0), patch, p);
    }
  }

  private static void smPatch(Res r, Res patch, Patch p) {
    String name = r.name();
    String ns = r.namespace();
    String kind = r.kind();
    if (p.allowNameChange() || p.allowKindChange()) {
      r.storePreviousId();
    }
    NodeOrigins tracked = new NodeOrigins(r.obj, r.origins);
    if (!StrategicMerge.apply(r.obj, (ObjectNode) patch.obj)) {
      return;
    }
    tracked.rekey(r.obj, r.origins);
    if (!p.allowKindChange()) {
      r.obj.put("kind", kind);
    }
    if (!p.allowNameChange()) {
      r.setName(name);
    }
    r.setNamespace(ns);
    for (Map.Entry<String, Location> e : patch.origins.entries().entrySet()) {
      String ptr = e.getKey();
      if (!ptr.isEmpty() && !hasIndexSegment(ptr) && !r.obj.at(ptr).isMissingNode()) {
        r.origins.put(ptr, e.getValue());
      }
    }
  }

  static SourceMap empty() {
    return new SourceMap();
  }

  /** Whether a JSON pointer has a list index among its segments ({@code /spec/ports/0/name}). */
  static boolean hasIndexSegment(String ptr) {
    int start = ptr.indexOf('/');
    while (start >= 0) {
      int end = ptr.indexOf('/', start + 1);
      int stop = end < 0 ? ptr.length() : end;
      boolean digits = stop > start + 1;
      for (int i = start + 1; i < stop && digits; i++) {
        digits = ptr.charAt(i) >= '0' && ptr.charAt(i) <= '9';
      }
      if (digits) {
        return true;
      }
      start = end;
    }
    return false;
  }
}
