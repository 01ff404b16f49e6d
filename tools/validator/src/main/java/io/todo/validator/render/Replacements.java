package io.todo.validator.render;

import io.todo.validator.model.GoText;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.util.ArrayList;
import java.util.List;

/**
 * The replacements field (ReplacementTransformer, api/filters/replacement): copy a value from one
 * resource field, or a literal sourceValue, into fields of the selected targets. It runs last in a
 * kustomization, after images.
 */
final class Replacements {
  static final String DEFAULT_FIELD_PATH = "metadata.name";

  private Replacements() {}

  /** One replacement with the kustomization position to blame. */
  private record Entry(JsonNode node, Location where) {}

  static void run(List<Res> resources, Kustomization k, Loader loader) {
    for (Entry e : entries(k, loader)) {
      try {
        apply(resources, e.node(), e.where());
      } catch (RenderException ex) {
        throw ValidatorException.input(e.where(), ex.getMessage());
      }
    }
    for (Res r : resources) {
      PathMatcher.settle(r.obj);
    }
  }

  /** Inline entries as they are; a path entry expands to the replacement or list of them in its file. */
  private static List<Entry> entries(Kustomization k, Loader loader) {
    List<Entry> out = new ArrayList<>();
    for (Kustomization.Item item : k.items("replacements")) {
      Location where = k.at(item.pointer());
      String path = item.string("path");
      if (path.isEmpty()) {
        out.add(new Entry(item.node(), where));
        continue;
      }
      if (present(item.node().get("source")) || item.node().path("targets").size() > 0) {
        throw ValidatorException.input(where, "cannot specify both path and inline replacement");
      }
      Location at = k.at(item.pointer() + "/path");
      String text = Patches.text(loader.load(path, at));
      String shown = loader.shown(loader.resolve(path));
      List<YamlDocument> docs = new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT).parse(text, shown);
      List<YamlDocument> nonEmpty = docs.stream().filter(d -> !d.isEmpty()).toList();
      JsonNode content = nonEmpty.isEmpty() ? null : nonEmpty.get(0).content();
      if (content != null && content.isArray()) {
        for (int i = 0; i < content.size(); i++) {
          Location l = nonEmpty.get(0).locations().locate("/" + i);
          out.add(new Entry(checked(content.get(i), l != null ? l : at), l != null ? l : at));
        }
      } else if (content != null && content.isObject()) {
        out.add(new Entry(checked(content, nonEmpty.get(0).start()), nonEmpty.get(0).start()));
      } else {
        throw ValidatorException.input(at, "unsupported replacement type encountered within replacement path: "
            + (content == null ? "invalid" : content.isTextual() ? "string" : content.getNodeType().toString()
                .toLowerCase()));
      }
    }
    return out;
  }

  /** A replacement read from its own file is decoded leniently (unknown fields ignored) but typed. */
  private static JsonNode checked(JsonNode r, Location where) {
    if (r == null || !r.isObject()) {
      throw ValidatorException.input(where, "json: cannot unmarshal " + (r == null ? "null" : describe(r))
          + " into Go value of type types.Replacement");
    }
    try {
      str(r, "sourceValue");
      JsonNode src = r.get("source");
      if (present(src)) {
        obj(src, "source");
        for (String f : List.of("group", "version", "kind", "name", "namespace", "fieldPath")) {
          str(src, f);
        }
        options(src.get("options"));
      }
      JsonNode targets = r.get("targets");
      if (present(targets) && !targets.isArray()) {
        throw new RenderException("json: cannot unmarshal " + describe(targets) + " into Go struct field"
            + " Replacement.targets of type []*types.TargetSelector");
      }
      for (JsonNode t : present(targets) ? targets : List.<JsonNode>of()) {
        if (!present(t)) {
          continue;
        }
        obj(t, "targets");
        selector(t.get("select"));
        JsonNode reject = t.get("reject");
        if (present(reject)) {
          if (!reject.isArray()) {
            throw new RenderException("json: cannot unmarshal " + describe(reject) + " into reject");
          }
          reject.forEach(Replacements::selector);
        }
        JsonNode fps = t.get("fieldPaths");
        if (present(fps)) {
          if (!fps.isArray()) {
            throw new RenderException("json: cannot unmarshal " + describe(fps) + " into fieldPaths");
          }
          fps.forEach(f -> {
            if (!f.isTextual()) {
              throw new RenderException("json: cannot unmarshal " + describe(f) + " into fieldPaths of type string");
            }
          });
        }
        options(t.get("options"));
      }
    } catch (RenderException e) {
      throw ValidatorException.input(where, e.getMessage());
    }
    return r;
  }

  private static void selector(JsonNode s) {
    if (!present(s)) {
      return;
    }
    obj(s, "selector");
    for (String f : List.of("group", "version", "kind", "name", "namespace", "labelSelector",
        "annotationSelector")) {
      str(s, f);
    }
  }

  private static void options(JsonNode o) {
    if (!present(o)) {
      return;
    }
    obj(o, "options");
    str(o, "delimiter");
    str(o, "encoding");
    JsonNode i = o.get("index");
    if (present(i) && !i.isIntegralNumber()) {
      throw new RenderException("json: cannot unmarshal " + describe(i) + " into Go struct field"
          + " FieldOptions.index of type int");
    }
    JsonNode c = o.get("create");
    if (present(c) && !c.isBoolean()) {
      throw new RenderException("json: cannot unmarshal " + describe(c) + " into Go struct field"
          + " FieldOptions.create of type bool");
    }
  }

  private static void obj(JsonNode n, String field) {
    if (!n.isObject()) {
      throw new RenderException("json: cannot unmarshal " + describe(n) + " into " + field);
    }
  }

  private static void str(JsonNode obj, String f) {
    JsonNode v = obj.get(f);
    if (present(v) && !v.isTextual()) {
      throw new RenderException("json: cannot unmarshal " + describe(v) + " into Go struct field " + f
          + " of type string");
    }
  }

  private static String describe(JsonNode n) {
    return n.isTextual() ? "string" : n.isBoolean() ? "bool" : n.isNumber() ? "number" : n.isArray() ? "array"
        : "object";
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  private static String text(JsonNode obj, String f) {
    JsonNode v = obj == null ? null : obj.get(f);
    return present(v) ? v.asText() : "";
  }

  // ---- the filter ----

  private static void apply(List<Res> resources, JsonNode r, Location where) {
    JsonNode source = r.get("source");
    JsonNode sourceValue = r.get("sourceValue");
    JsonNode targets = r.get("targets");
    if ((!present(sourceValue) && !present(source)) || !present(targets)) {
      throw new RenderException("replacements must specify a source and at least one target");
    }
    ScalarValue value = replacement(resources, source, sourceValue);
    for (JsonNode target : targets) {
      applyTarget(resources, value, target, where);
    }
  }

  private static ScalarValue replacement(List<Res> resources, JsonNode source, JsonNode sourceValue) {
    if (present(sourceValue) && present(source)) {
      throw new RenderException("value and resource selectors are mutually exclusive");
    }
    if (present(sourceValue)) {
      return ScalarValue.untagged(sourceValue.asText());
    }
    Res from = selectSource(resources, source);
    String fieldPath = text(source, "fieldPath");
    if (fieldPath.isEmpty()) {
      fieldPath = DEFAULT_FIELD_PATH;
    }
    FieldSpec.Slot slot;
    try {
      slot = PathMatcher.lookup(root(from), PathMatcher.split(fieldPath));
    } catch (RenderException e) {
      throw new RenderException("error looking up replacement source: " + e.getMessage());
    }
    JsonNode n = slot == null ? null : slot.get();
    if (n == null || n.isNull() || (n.isContainerNode() && n.isEmpty())) {
      // kustomize prints the source's ResId here, not the whole selector
      throw new RenderException("fieldPath `" + fieldPath + "` is missing for replacement source "
          + selectorId(source));
    }
    ScalarValue v = ScalarValue.of(n);
    JsonNode options = source.get("options");
    String delimiter = text(options, "delimiter");
    if (delimiter.isEmpty()) {
      return v;
    }
    if (!v.isScalar()) {
      throw new RenderException("delimiter option can only be used with scalar nodes");
    }
    String[] parts = v.text().split(java.util.regex.Pattern.quote(delimiter), -1);
    long index = options.path("index").asLong(0);
    if (index >= parts.length || index < 0) {
      throw new RenderException("options.index " + index + " is out of bounds for value " + v.text());
    }
    return v.withText(parts[(int) index]);
  }

  private static Res selectSource(List<Res> resources, JsonNode source) {
    ResId selector = selectorId(source);
    Res match = null;
    for (Res r : resources) {
      for (ResId id : ids(r)) {
        if (selectedBy(id, selector)) {
          if (match != null) {
            throw new RenderException("multiple matches for selector " + sourceId(source));
          }
          match = r;
          break;
        }
      }
    }
    if (match == null) {
      throw new RenderException("nothing selected by " + sourceId(source));
    }
    return match;
  }

  private static ResId selectorId(JsonNode s) {
    return new ResId(text(s, "group"), text(s, "version"), text(s, "kind"), text(s, "name"), text(s, "namespace"));
  }

  /** SourceSelector.String(): the ResId, then the field path and options when set. */
  private static String sourceId(JsonNode s) {
    StringBuilder b = new StringBuilder(selectorId(s).toString());
    if (!text(s, "fieldPath").isEmpty()) {
      b.append(':').append(text(s, "fieldPath"));
    }
    JsonNode o = s.get("options");
    if (present(o) && (!text(o, "delimiter").isEmpty() || o.path("create").asBoolean(false))) {
      b.append(':').append(text(o, "delimiter")).append('(').append(o.path("index").asLong(0)).append("), create=")
          .append(o.path("create").asBoolean(false));
    }
    return b.toString();
  }

  /** resid.ResId.IsSelectedBy: exact name, effective namespace and GVK fields, empty ones match anything. */
  private static boolean selectedBy(ResId id, ResId sel) {
    return (sel.name().isEmpty() || sel.name().equals(id.name()))
        && (sel.namespace().isEmpty() || sel.nsEquals(id))
        && id.selectedBy(sel.group(), sel.version(), sel.kind());
  }

  /** utils.MakeResIds: the current id, then the previous ones. */
  private static List<ResId> ids(Res r) {
    List<ResId> ids = new ArrayList<>();
    ids.add(r.curId());
    ids.addAll(r.previous);
    return ids;
  }

  private static FieldSpec.Slot root(Res r) {
    return new FieldSpec.Slot() {
      public JsonNode get() {
        return r.obj;
      }

      public void set(JsonNode value) {
        throw new RenderException("a replacement cannot replace a whole resource");
      }

      public String pointer() {
        return "";
      }
    };
  }

  /** types.SelectorRegex: anchored regular expressions; empty fields match anything. */
  private record IdRegex(JsonNode selector, Pattern group, Pattern version,
      Pattern kind, Pattern name, Pattern namespace) {
    static IdRegex of(JsonNode s) {
      return new IdRegex(s, re(s, "group"), re(s, "version"), re(s, "kind"), re(s, "name"), re(s, "namespace"));
    }

    private static Pattern re(JsonNode s, String f) {
      String p = text(s, f);
      if (p.isEmpty()) {
        return null;
      }
      try {
        return GoRegexp.whole(p);
      } catch (RenderException e) {
        throw new RenderException("error creating target selector: " + e.getMessage());
      }
    }

    boolean matches(ResId id) {
      return m(group, id.group()) && m(version, id.version()) && m(kind, id.kind()) && m(name, id.name())
          && m(namespace, id.namespace());
    }

    boolean emptyId() {
      return group == null && version == null && kind == null && name == null && namespace == null;
    }

    private static boolean m(Pattern p, String s) {
      return p == null || p.matcher(s).matches();
    }
  }

  private static void applyTarget(List<Res> resources, ScalarValue value, JsonNode target, Location where) {
    JsonNode select = target == null ? null : target.get("select");
    if (!present(select)) {
      throw new RenderException("target must specify resources to select");
    }
    List<String> fieldPaths = new ArrayList<>();
    target.path("fieldPaths").forEach(f -> fieldPaths.add(f.asText()));
    if (fieldPaths.isEmpty()) {
      fieldPaths.add(DEFAULT_FIELD_PATH);
    }
    IdRegex sel = IdRegex.of(select);
    List<JsonNode> rejects = new ArrayList<>();
    target.path("reject").forEach(rejects::add);
    List<IdRegex> rejectIds = new ArrayList<>();
    for (JsonNode rj : rejects) {
      rejectIds.add(IdRegex.of(present(rj) ? rj : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
          .objectNode()));
    }
    for (Res r : List.copyOf(resources)) {
      List<ResId> ids = ids(r);
      if (!selectByAnnoAndLabel(r, select, rejects)) {
        continue;
      }
      if (rejectsAny(rejectIds, ids)) {
        continue;
      }
      for (ResId id : ids) {
        if (sel.matches(id)) {
          copyValueToTarget(r, value, target, fieldPaths, where);
          break;
        }
      }
    }
  }

  private static boolean selectByAnnoAndLabel(Res r, JsonNode select, List<JsonNode> rejects) {
    if (!annoAndLabel(r, select)) {
      return false;
    }
    for (JsonNode rj : rejects) {
      if (!present(rj) || (text(rj, "annotationSelector").isEmpty() && text(rj, "labelSelector").isEmpty())) {
        continue;
      }
      if (annoAndLabel(r, rj)) {
        return false;
      }
    }
    return true;
  }

  private static boolean annoAndLabel(Res r, JsonNode s) {
    return Selector.matchesSelector(text(s, "annotationSelector"),
        Kustomization.map(r.obj.path("metadata").get("annotations")))
        && Selector.matchesSelector(text(s, "labelSelector"), Kustomization.map(r.obj.path("metadata").get("labels")));
  }

  private static boolean rejectsAny(List<IdRegex> rejects, List<ResId> ids) {
    for (IdRegex rj : rejects) {
      if (rj.emptyId()) {
        continue;
      }
      for (ResId id : ids) {
        if (rj.matches(id)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void copyValueToTarget(Res r, ScalarValue value, JsonNode target, List<String> fieldPaths,
      Location where) {
    JsonNode options = target.get("options");
    boolean create = present(options) && options.path("create").asBoolean(false);
    PathMatcher.Kind kind = !create ? PathMatcher.Kind.NONE
        : value.isScalar() ? PathMatcher.Kind.SCALAR
        : value.container().isObject() ? PathMatcher.Kind.MAP : PathMatcher.Kind.SEQ;
    for (String fp : fieldPaths) {
      if (StructuredData.set(root(r), value, fp, kind)) {
        continue;
      }
      List<FieldSpec.Slot> slots;
      try {
        slots = PathMatcher.match(root(r), PathMatcher.split(fp), kind);
      } catch (RenderException e) {
        throw new RenderException(retrievalError(fp, create) + ": " + e.getMessage());
      }
      if (slots.isEmpty()) {
        throw new RenderException(retrievalError(fp, create));
      }
      for (FieldSpec.Slot s : slots) {
        setFieldValue(options, s, value);
        if (!s.pointer().startsWith("#")) {
          r.origins.put(s.pointer(), where);
        }
      }
    }
  }

  private static String retrievalError(String fieldPath, boolean create) {
    return create ? "unable to find or create field " + GoText.quote(fieldPath) + " in replacement target"
        : "unable to find field " + GoText.quote(fieldPath) + " in replacement target";
  }

  private static void setFieldValue(JsonNode options, FieldSpec.Slot slot, ScalarValue value) {
    ScalarValue v = value;
    String delimiter = text(options, "delimiter");
    JsonNode target = slot.get();
    if (!delimiter.isEmpty()) {
      if (!PathMatcher.isScalar(target)) {
        throw new RenderException("delimiter option can only be used with scalar nodes");
      }
      List<String> tv = new ArrayList<>(List.of(PathMatcher.value(target).split(java.util.regex.Pattern.quote(delimiter), -1)));
      String s = value.tag() == ScalarValue.Tag.NULL ? "" : value.text();
      long index = options.path("index").asLong(0);
      if (index < 0) {
        tv.add(0, s);
      } else if (index >= tv.size()) {
        tv.add(s);
      } else {
        tv.set((int) index, s);
      }
      v = value.withText(String.join(delimiter, tv));
    }
    if (PathMatcher.isScalar(target)) {
      slot.set(ScalarValue.typed(ScalarValue.tagOf(target), v.text()));
    } else {
      slot.set(v.node());
    }
  }
}
