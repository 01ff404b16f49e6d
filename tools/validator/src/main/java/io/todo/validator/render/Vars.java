package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deprecated {@code vars}: each kustomization names objects (objref) whose field (fieldref)
 * becomes the value of $(NAME) in kustomize's varReference fields. Vars are collected with the
 * accumulation (ResAccumulator.MergeVars) and resolved once at the top, after name references.
 */
final class Vars {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Vars() {}

  record Var(String name, ResId target, String fieldPath, Location where) {}

  /** MergeVars: mark the one resource each var selects, then add the vars (a repeated name is an error). */
  static void merge(Map<String, Var> set, Kustomization k, List<Res> ra) {
    for (Kustomization.Item item : k.items("vars")) {
      Var v = read(item, k.at(item.pointer()));
      boolean exact = !v.target().namespace().isEmpty() || v.target().isClusterScoped();
      List<Res> matched = new ArrayList<>();
      for (Res r : ra) {
        if (r.isEmpty()) {
          continue;
        }
        for (ResId id : r.allIds()) {
          boolean same = id.gvkEquals(v.target()) && id.name().equals(v.target().name())
              && (!exact || id.nsEquals(v.target()));
          if (same) {
            matched.add(r);
            break;
          }
        }
      }
      if (matched.size() > 1) {
        throw ValidatorException.input(v.where(), "found " + matched.size() + " resId matches for var " + v.name()
            + " (unable to disambiguate)");
      }
      if (matched.size() == 1) {
        matched.get(0).refVarNames.add(v.name());
      }
      add(set, v, v.where());
    }
  }

  /** VarSet.MergeSet: the vars of an included kustomization. */
  static void mergeSet(Map<String, Var> into, Map<String, Var> from, Location where) {
    for (Var v : from.values()) {
      add(into, v, where);
    }
  }

  private static void add(Map<String, Var> set, Var v, Location where) {
    if (set.containsKey(v.name())) {
      throw ValidatorException.input(where, "var '" + v.name() + "' already encountered");
    }
    set.put(v.name(), v);
  }

  private static Var read(Kustomization.Item item, Location where) {
    JsonNode ref = item.node().path("objref");
    String group = Res.text(ref.get("group"));
    String version = Res.text(ref.get("version"));
    String apiVersion = Res.text(ref.get("apiVersion"));
    if (!apiVersion.isEmpty()) {
      String[] parts = apiVersion.split("/", -1);
      if (parts.length == 2) {
        group = parts[0];
        version = parts[1];
      } else if (parts.length == 1) {
        version = parts[0];
      }
    }
    String fieldPath = Res.text(item.node().path("fieldref").get("fieldPath"));
    ResId target = new ResId(group, version, Res.text(ref.get("kind")), Res.text(ref.get("name")),
        Res.text(ref.get("namespace")));
    return new Var(item.string("name"), target, fieldPath.isEmpty() ? "metadata.name" : fieldPath, where);
  }

  /** ResolveVars: every var's value, then $(NAME) substituted in the varReference fields. */
  static void resolve(List<Res> ra, Map<String, Var> set, List<FieldSpec> varReference) {
    Map<String, Object> values = new TreeMap<>();
    for (Var v : new TreeMap<>(set).values()) {
      values.put(v.name(), value(ra, v));
    }
    if (values.isEmpty()) {
      return;
    }
    for (Res r : ra) {
      for (FieldSpec fs : varReference) {
        fs.apply(r.obj, FieldSpec.Create.NONE, slot -> set(slot, values));
      }
    }
  }

  private static Object value(List<Res> ra, Var v) {
    for (Res r : ra) {
      if (!r.refVarNames.contains(v.name())) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (String p : PathMatcher.split(v.fieldPath())) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*)\\[(\\d+)\\]$").matcher(p);
        if (p.endsWith("]") && m.matches()) {
          if (!m.group(1).isEmpty()) {
            parts.add(m.group(1));
          }
          parts.add(m.group(2));
        } else {
          parts.add(p);
        }
      }
      FieldSpec.Slot found;
      try {
        found = PathMatcher.lookup(PathMatcher.detached(r.obj), parts);
      } catch (RenderException e) {
        found = null;
      }
      JsonNode n = found == null ? null : found.get();
      Object out = n == null ? null : fieldValue(n);
      if (out == null) {
        throw ValidatorException.input(v.where(), "field specified in var '" + v.name() + "' (" + v.fieldPath()
            + ") not found in corresponding resource " + r.curId());
      }
      return out;
    }
    throw ValidatorException.input(v.where(), "var '" + v.name() + "' cannot be mapped to a field in the set of"
        + " known resources");
  }

  /** RNode.GetFieldValue: string, int, float or bool; containers and null are kept as nodes (never substituted). */
  private static Object fieldValue(JsonNode n) {
    if (n.isContainerNode()) {
      return n;
    }
    if (n.isNull()) {
      return n; // kustomize leaves $(NAME) of a null field as it is
    }
    return switch (ScalarValue.tagOf(n)) {
      case BOOL -> n.booleanValue();
      case INT -> n.canConvertToLong() ? (Object) n.longValue() : null;
      case FLOAT -> n.doubleValue();
      default -> PathMatcher.value(n);
    };
  }

  /** refvar.Filter.set: string scalars, string values of a map, or a sequence of strings. */
  private static void set(FieldSpec.Slot slot, Map<String, Object> values) {
    JsonNode n = slot.get();
    if (n == null || n.isNull()) {
      return;
    }
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (isString(e.getValue())) {
          e.setValue(node(replace(e.getValue().asText(), values)));
        }
      }
    } else if (n.isArray()) {
      ArrayNode a = (ArrayNode) n;
      for (int i = 0; i < a.size(); i++) {
        if (!isString(a.get(i))) {
          throw new RenderException("invalid value type expect a string");
        }
        a.set(i, node(replace(a.get(i).asText(), values)));
      }
    } else if (isString(n)) {
      slot.set(node(replace(n.asText(), values)));
    }
  }

  private static boolean isString(JsonNode n) {
    return n != null && !n.isContainerNode() && !n.isNull() && ScalarValue.tagOf(n) == ScalarValue.Tag.STR;
  }

  /** refvar.updateNodeValue: the replacement's type becomes the node's tag. */
  private static JsonNode node(Object v) {
    if (v instanceof Long l) {
      return F.numberNode(l);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Double d) {
      return F.numberNode(d); // printed through JSON as kustomize does: 2.0 becomes 2
    }
    return F.textNode((String) v);
  }

  /** refvar.DoReplacements: $(NAME) expands, $$ escapes, anything else stays; a lone $(NAME) keeps its type. */
  static Object replace(String input, Map<String, Object> values) {
    StringBuilder buf = new StringBuilder();
    int checkpoint = 0;
    for (int cursor = 0; cursor < input.length(); cursor++) {
      if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
        continue;
      }
      buf.append(input, checkpoint, cursor);
      String rest = input.substring(cursor + 1);
      int advance = 1;
      char c = rest.charAt(0);
      if (c == '$') {
        buf.append('$');
      } else if (c == '(') {
        int close = rest.indexOf(')', 1);
        if (close < 0) {
          buf.append("$(");
        } else {
          String name = rest.substring(1, close);
          Object mapped = mapped(name, values);
          if (input.equals("$(" + name + ")")) {
            return mapped;
          }
          buf.append(mapped instanceof Double d ? GoValues.formatFloat(d) : String.valueOf(mapped));
          advance = close + 1;
        }
      } else {
        buf.append('$').append(c);
      }
      cursor += advance;
      checkpoint = cursor + 1;
    }
    return buf.append(input.substring(Math.min(checkpoint, input.length()))).toString();
  }

  /** MakePrimitiveReplacer: a known scalar var, else the reference unchanged. */
  private static Object mapped(String name, Map<String, Object> values) {
    Object v = values.get(name);
    if (v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof Double) {
      return v;
    }
    return "$(" + name + ")";
  }
}
