package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strategic merge patching as kustomize does it (kyaml merge2): lists merge by the schema's merge
 * keys (lists of kinds without a schema are replaced), {@code $patch: delete|replace|merge}
 * directives, and a null value deletes a field.
 */
final class StrategicMerge {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** The result "remove this node". */
  private static final JsonNode CLEAR = F.missingNode();
  private static final String DIRECTIVE = "$patch";

  private StrategicMerge() {}

  /** Merges the patch into the object in place; returns false when the patch deletes the object. */
  static boolean apply(ObjectNode target, ObjectNode patch) {
    return apply(target, patch,
        MergeSchema.forResource(Res.text(target.get("apiVersion")), Res.text(target.get("kind"))));
  }

  /** The same with a given schema (null: lists are replaced, as for maps that are not objects). */
  static boolean apply(ObjectNode target, ObjectNode patch, MergeSchema schema) {
    JsonNode r = walk(target, patch.deepCopy(), schema, "");
    if (r == CLEAR || r == null || r.isNull()) {
      target.removeAll();
      return false;
    }
    if (r != target) {
      target.removeAll();
      target.setAll((ObjectNode) r);
    }
    return true;
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  private static boolean empty(JsonNode n) {
    return n == null || n.isNull() || (n.isContainerNode() && n.isEmpty());
  }

  private static JsonNode walk(JsonNode dest, JsonNode origin, MergeSchema s, String path) {
    // an empty list or map still says what it is (a resource's `tolerations: []` is a list)
    JsonNode kindOf = !empty(dest) ? dest : !empty(origin) ? origin : present(dest) ? dest : present(origin) ? origin : null;
    if (kindOf == null || kindOf.isObject()) {
      checkKinds(dest, origin, true, false, path);
      return walkMap(dest, origin, s, path);
    }
    if (kindOf.isArray()) {
      checkKinds(dest, origin, false, true, path);
      // kustomize does not infer merge keys: lists without a schema are replaced
      boolean associative = s != null && s.hasMergeStrategy();
      return associative ? walkAssociative(dest, origin, s, path) : (origin != null ? origin : dest);
    }
    checkKinds(dest, origin, false, false, path);
    return origin != null ? origin : dest;
  }

  private static void checkKinds(JsonNode dest, JsonNode origin, boolean map, boolean list, String path) {
    for (JsonNode n : new JsonNode[] {dest, origin}) {
      if (n == null || n.isNull()) {
        continue;
      }
      boolean ok = map ? n.isObject() : list ? n.isArray() : n.isValueNode();
      if (!ok) {
        throw new RenderException("wrong node kind at " + (path.isEmpty() ? "/" : path) + ": expected "
            + (map ? "a mapping" : list ? "a sequence" : "a scalar") + " but the "
            + (n == origin ? "patch" : "resource") + " has " + kindName(n));
      }
    }
  }

  private static String kindName(JsonNode n) {
    return n.isObject() ? "a mapping" : n.isArray() ? "a sequence" : "a scalar";
  }

  private static JsonNode walkMap(JsonNode dest, JsonNode origin, MergeSchema s, String path) {
    JsonNode d;
    if (dest == null || dest.isNull()) {
      String ps = directive(origin);
      if (ps.equals("delete")) {
        return CLEAR;
      }
      if (origin == null && dest != null) {
        return dest; // an explicit null in the resource stays
      }
      d = origin;
      dest = origin;
    } else {
      if (origin != null && origin.isNull()) {
        return CLEAR;
      }
      switch (directive(origin)) {
        case "delete":
          return CLEAR;
        case "replace":
          d = origin;
          dest = origin;
          break;
        default:
          d = dest;
      }
    }
    if (d == null || !d.isObject()) {
      return d;
    }
    if (origin == null) {
      return prune(d, s);
    }
    ObjectNode out = (ObjectNode) d;
    Set<String> names = new TreeSet<>();
    dest.fieldNames().forEachRemaining(names::add);
    if (origin.isObject()) {
      origin.fieldNames().forEachRemaining(names::add);
    }
    for (String key : names) {
      JsonNode v = walk(dest.get(key), origin.get(key), s == null ? null : s.field(key), path + "/" + key);
      if (v == null || v == CLEAR
          || v.isNull() && (origin.has(key) || v instanceof io.todo.validator.load.EmptyNull)) {
        out.remove(key);
      } else if (v.isValueNode()) {
        SharedScalar.set(out, key, v); // kyaml sets a scalar in place: a shared label changes everywhere
      } else {
        out.set(key, v);
      }
    }
    return out;
  }

  /**
   * What kyaml's walk does to a resource subtree the patch does not mention: it revisits every map
   * and associative list, and an empty null ({@code key:}) does not survive that.
   */
  private static JsonNode prune(JsonNode n, MergeSchema s) {
    if (n.isObject()) {
      java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        java.util.Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue() instanceof io.todo.validator.load.EmptyNull) {
          it.remove();
        } else if (e.getValue().isContainerNode()) {
          prune(e.getValue(), s == null ? null : s.field(e.getKey()));
        }
      }
    } else if (n.isArray() && s != null && s.hasMergeStrategy()) {
      MergeSchema es = s.elements();
      for (JsonNode e : n) {
        if (e.isObject()) {
          prune(e, es);
        }
      }
    }
    return n;
  }

  /** Reads and removes a {@code $patch} directive of a mapping. */
  private static String directive(JsonNode origin) {
    if (origin == null || !origin.isObject() || !origin.has(DIRECTIVE)) {
      return "merge";
    }
    String v = checked(origin.get(DIRECTIVE).asText());
    ((ObjectNode) origin).remove(DIRECTIVE);
    return v;
  }

  private static String checked(String v) {
    if (!v.equals("delete") && !v.equals("replace") && !v.equals("merge")) {
      throw new RenderException("unknown patch strategy '" + v + "'");
    }
    return v;
  }

  /** Reads and removes a list's {@code - $patch: X} element. */
  private static String listDirective(JsonNode origin) {
    if (origin == null || !origin.isArray()) {
      return "merge";
    }
    ArrayNode a = (ArrayNode) origin;
    for (int i = 0; i < a.size(); i++) {
      JsonNode e = a.get(i);
      if (e.isObject() && e.has(DIRECTIVE) && e.size() == 1) {
        String v = checked(e.get(DIRECTIVE).asText());
        for (int j = a.size() - 1; j >= 0; j--) {
          if (a.get(j).isObject() && v.equals(a.get(j).path(DIRECTIVE).asText(null))) {
            a.remove(j);
          }
        }
        return v;
      }
    }
    return "merge";
  }

  private static boolean allHave(JsonNode list, String key) {
    for (JsonNode e : list) {
      if (!e.isObject() || !e.has(key)) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode walkAssociative(JsonNode dest, JsonNode origin, MergeSchema s, String path) {
    if (dest == null || dest.isNull()) {
      dest = origin;
    } else {
      if (origin != null && origin.isNull()) {
        return CLEAR;
      }
      switch (listDirective(origin)) {
        case "delete":
          return CLEAR;
        case "replace":
          dest = origin;
          break;
        default:
          break;
      }
    }
    if (dest == null || !dest.isArray()) {
      return dest;
    }
    List<String> keys = new ArrayList<>();
    String strategy = s == null ? "" : s.strategy();
    if (s != null) {
      keys.addAll(s.keys());
    }
    if (strategy.isEmpty() && keys.isEmpty()) {
      String key = null;
      for (JsonNode src : new JsonNode[] {dest, origin}) {
        if (src != null && src.isArray() && src.size() > 0) {
          String k = allHave(src, "name") ? "name" : "";
          if (key != null && !key.isEmpty() && !key.equals(k)) {
            throw new RenderException("conflicting merge keys [" + key + "," + k + "] for field " + path);
          }
          key = k;
        }
      }
      if (key == null || key.isEmpty()) {
        throw new RenderException("no merge key found for field " + path);
      }
      keys.add(key);
    }
    MergeSchema es = s == null ? null : s.elements();
    ArrayNode d = (ArrayNode) dest;
    JsonNode o = origin;
    if (keys.isEmpty()) {
      return mergePrimitives(d, o);
    }
    // kustomize merges with ListIncreaseDirection=Prepend: the patch's elements come first, in
    // patch order, then the resource's other elements in their order
    List<List<String>> tuples = new ArrayList<>();
    Set<List<String>> seen = new LinkedHashSet<>();
    for (JsonNode src : new JsonNode[] {o, d}) {
      if (src == null || !src.isArray()) {
        continue;
      }
      for (JsonNode e : src) {
        List<String> t = tuple(e, keys);
        if (seen.add(t)) {
          tuples.add(t);
        }
      }
    }
    return walkKeyed(d, o, keys, validKeys(tuples, keys), tuples, es, path);
  }

  /** validateKeys: the merge keys some element has a value for (all of them when none has). */
  private static List<String> validKeys(List<List<String>> tuples, List<String> keys) {
    List<String> valid = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      final int k = i;
      if (tuples.stream().anyMatch(t -> !t.get(k).isEmpty())) {
        valid.add(keys.get(i));
      }
    }
    return valid.isEmpty() ? keys : valid;
  }

  /**
   * kyaml's walkAssociativeSequence and appendListNode (ListIncreaseDirection=Prepend), step by
   * step. The key tuples of the patch's elements, then of the resource's, are merged one by one
   * into a new list, each patch element merging into the resource's element in place; then every
   * resource element is put back into that list: where an element with its key values is, else at
   * the end. With several keys (ports on containerPort and protocol) tuples that differ only by an
   * empty value are unified first, and each resource element is removed and appended again, so the
   * resource's elements keep their order after the patch's new ones. Quirks that follow: an element
   * the patch replaces ($patch: replace) is the resource's again, one matched only partly (no
   * protocol on one side) stays as it was, of two resource elements with the same key the last
   * wins, and an element without the key drops the others.
   */
  private static JsonNode walkKeyed(ArrayNode d, JsonNode o, List<String> keys, List<String> validKeys,
      List<List<String>> tuples, MergeSchema es, String path) {
    // mergeValues: tuples that share a value and differ only where one side is empty become one
    for (int i = 0; i < tuples.size() && keys.size() > 1; i++) {
      for (int j = 0; j < tuples.size(); j++) {
        List<String> m = unify(tuples.get(i), tuples.get(j));
        if (m != null) {
          tuples.set(i, m);
          tuples.set(j, m);
        }
      }
    }
    ArrayNode items = F.arrayNode();
    for (List<String> t : tuples) {
      List<String> vv = new ArrayList<>();
      for (String k : validKeys) {
        vv.add(t.get(keys.indexOf(k)));
      }
      // elementValueList: each source's first element matching the tuple's non-empty values
      List<String> ek = new ArrayList<>();
      List<String> ev = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        if (!t.get(i).isEmpty()) {
          ek.add(keys.get(i));
          ev.add(t.get(i));
        }
      }
      if (ek.isEmpty()) {
        ek.addAll(keys);
        ev.addAll(t);
      }
      JsonNode de = first(d, ek, ev);
      JsonNode pe = o != null && o.isArray() ? first((ArrayNode) o, ek, ev) : null;
      JsonNode val = pe == null ? (de == null ? null : prune(de, es))
          : walk(de, pe, es, path + "/" + String.join(",", vv));
      if (val == null || val == CLEAR || val.isNull() || val.isObject() && val.isEmpty()) {
        setElement(d, null, validKeys, vv);
        continue;
      }
      if (val.isObject()) {
        for (int i = 0; i < validKeys.size(); i++) {
          if (!val.has(validKeys.get(i)) && !vv.get(i).isEmpty()) {
            ((ObjectNode) val).put(validKeys.get(i), vv.get(i));
          }
        }
      }
      setElement(items, val, validKeys, vv);
    }
    // appendListNode(items, dest): every resource element is taken out and appended again
    for (JsonNode elem : new ArrayList<JsonNode>(toList(d))) {
      List<String> v = new ArrayList<>();
      for (String k : validKeys) {
        JsonNode f = elem.isObject() ? elem.get(k) : null;
        if (f == null) {
          items.add(elem);
          continue;
        }
        v.add(f.isValueNode() ? f.asText() : "");
      }
      if (validKeys.size() > 1) {
        setElement(items, null, validKeys, v);
      }
      setElement(items, elem, validKeys, v);
    }
    return items;
  }

  private static List<JsonNode> toList(ArrayNode a) {
    List<JsonNode> l = new ArrayList<>();
    a.forEach(l::add);
    return l;
  }

  /** mergeValues' match: at least one equal value, and the others equal or empty on one side. */
  private static List<String> unify(List<String> a, List<String> b) {
    boolean common = false;
    List<String> r = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).equals(b.get(i))) {
        common = true;
        r.add(a.get(i));
      } else if (!a.get(i).isEmpty() && !b.get(i).isEmpty()) {
        return null;
      } else {
        r.add(a.get(i).isEmpty() ? b.get(i) : a.get(i));
      }
    }
    return common ? r : null;
  }

  /** yaml.FieldMatcher on one key: the field is there, and has the value unless the value is "". */
  private static boolean fieldMatches(JsonNode e, String key, String value) {
    JsonNode f = e.get(key);
    return f != null && (value.isEmpty() || f.isValueNode() && f.asText().equals(value));
  }

  /**
   * yaml.ElementMatcher (MatchField): the first mapping whose fields have exactly these values ("" only
   * matches an empty value, unlike ElementSetter's FieldMatcher).
   */
  private static JsonNode first(ArrayNode list, List<String> keys, List<String> values) {
    for (JsonNode e : list) {
      if (!e.isObject()) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < keys.size() && all; i++) {
        JsonNode f = e.get(keys.get(i));
        all = f != null && f.isValueNode() && !f.isNull() && f.asText().equals(values.get(i));
      }
      if (all) {
        return e;
      }
    }
    return null;
  }

  /**
   * yaml.ElementSetter: empty elements are dropped, elements matching the values (only as many
   * keys as there are values) are replaced by the element or removed (null), which is appended
   * when nothing matched.
   */
  private static void setElement(ArrayNode list, JsonNode element, List<String> keys, List<String> values) {
    List<JsonNode> out = new ArrayList<>();
    boolean found = false;
    for (JsonNode e : list) {
      if (e == null || e.isNull() || e.isObject() && e.isEmpty()) {
        continue;
      }
      if (!e.isObject()) {
        out.add(e);
        continue;
      }
      boolean match = !values.isEmpty();
      for (int j = 0; j < keys.size() && j < values.size() && match; j++) {
        match = fieldMatches(e, keys.get(j), values.get(j));
      }
      if (!match) {
        if (!values.isEmpty()) {
          out.add(e);
        }
        continue;
      }
      found = true;
      if (element != null) {
        out.add(element);
      }
    }
    list.removeAll();
    out.forEach(list::add);
    if (element != null && !found) {
      list.add(element);
    }
  }

  private static JsonNode mergePrimitives(ArrayNode dest, JsonNode origin) {
    ArrayNode out = F.arrayNode();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode src : new JsonNode[] {origin, dest}) {
      if (src == null || !src.isArray()) {
        continue;
      }
      for (JsonNode e : src) {
        if (seen.add(e.isValueNode() ? e.asText() : e.toString())) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static List<String> tuple(JsonNode e, List<String> keys) {
    List<String> t = new ArrayList<>();
    for (String k : keys) {
      JsonNode v = e.isObject() ? e.get(k) : null;
      t.add(v == null || v.isNull() || v.isContainerNode() ? "" : v.asText());
    }
    return t;
  }

  private static int find(Iterable<JsonNode> list, List<String> keys, List<String> values) {
    int i = 0;
    for (JsonNode e : list) {
      boolean all = e.isObject();
      for (int j = 0; all && j < keys.size(); j++) {
        JsonNode v = e.get(keys.get(j));
        String s = v == null || v.isNull() ? "" : v.asText();
        all = Objects.equals(s, values.get(j));
      }
      if (all) {
        return i;
      }
      i++;
    }
    return -1;
  }
}
