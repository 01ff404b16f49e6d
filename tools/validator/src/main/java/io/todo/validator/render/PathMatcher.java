package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.re2j.Pattern;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.SourceMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The dotted field paths of replacements, with kyaml's semantics (kyaml/yaml PathGetter and
 * PathMatcher): {@code spec.containers.[name=app].image}, {@code [=value]} for scalar elements,
 * numeric indexes, {@code *} for every element, {@code [a.b]} for keys with dots. A scalar met
 * before the path ends is parsed as YAML and the walk goes on inside that (detached) copy.
 */
final class PathMatcher {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** What a path creates when it is missing (yaml.Kind; NONE creates nothing). */
  enum Kind { NONE, SCALAR, MAP, SEQ }

  /**
   * The leaf a create made: an untagged, empty scalar. A value written into it is typed the way
   * plain YAML would type it, which is what kustomize's output round trip does.
   */
  static final class Created extends TextNode {
    Created(String text) {
      super(text);
    }
  }

  /** Types the untagged scalars a create left behind, as the output round trip would. */
  static void settle(JsonNode n) {
    if (n instanceof ObjectNode o) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonNode v = o.get(k);
        if (v instanceof Created c) {
          o.set(k, ScalarValue.untyped(c.asText()));
        } else {
          settle(v);
        }
      }
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof Created c) {
          a.set(i, ScalarValue.untyped(c.asText()));
        } else {
          settle(a.get(i));
        }
      }
    }
  }

  private PathMatcher() {}

  /** kyaml's SmarterPathSplitter on '.': "\." escapes, "[a.b]" keeps dots (brackets dropped unless it has '='). */
  static List<String> split(String path) {
    String[] raw = path.split("\\.", -1);
    List<String> ps = new ArrayList<>(List.of(raw));
    if (ps.size() > 1 && ps.get(0).isEmpty()) {
      ps.remove(0);
    }
    List<String> escaped = new ArrayList<>();
    escaped.add(ps.get(0));
    for (int i = 1; i < ps.size(); i++) {
      int last = escaped.size() - 1;
      if (escaped.get(last).endsWith("\\")) {
        String s = escaped.get(last);
        escaped.set(last, s.substring(0, s.length() - 1) + "." + ps.get(i));
      } else {
        escaped.add(ps.get(i));
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < escaped.size(); i++) {
      String elem = escaped.get(i);
      if (elem.startsWith("[") && !elem.endsWith("]")) {
        StringBuilder b = new StringBuilder(elem);
        while (i < escaped.size() - 1) {
          i++;
          b.append('.').append(escaped.get(i));
          if (escaped.get(i).endsWith("]")) {
            break;
          }
        }
        String s = b.toString();
        out.add(s.contains("=") ? s : trimBrackets(s));
      } else {
        out.add(elem);
      }
    }
    return out;
  }

  private static String trimBrackets(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && (s.charAt(a) == '[' || s.charAt(a) == ']')) {
      a++;
    }
    while (b > a && (s.charAt(b - 1) == '[' || s.charAt(b - 1) == ']')) {
      b--;
    }
    return s.substring(a, b);
  }

  // ---- node kinds as kyaml sees them ----

  static boolean isScalar(JsonNode n) {
    return n != null && !n.isContainerNode();
  }

  static boolean isMissingOrNull(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode();
  }

  static String kindName(JsonNode n) {
    return n.isObject() ? "MappingNode" : n.isArray() ? "SequenceNode" : "ScalarNode";
  }

  private static RenderException wrongKind(String expected, JsonNode n) {
    return new RenderException("wrong node kind: expected " + expected + " but got " + kindName(n));
  }

  /** yaml.Node.Value of a scalar: its text ("" for null and for containers). */
  static String value(JsonNode n) {
    if (n == null || n.isNull() || n.isContainerNode()) {
      return "";
    }
    if (n.isBigDecimal()) {
      return n.decimalValue().toString();
    }
    return n.asText();
  }

  private static boolean isListIndex(String p) {
    return p.startsWith("[") && p.endsWith("]");
  }

  /** strconv.Atoi: optional sign, decimal digits, fits in an int64. */
  private static Long atoi(String p) {
    int digitsFrom = p.startsWith("+") || p.startsWith("-") ? 1 : 0;
    if (p.length() == digitsFrom) {
      return null;
    }
    for (int i = digitsFrom; i < p.length(); i++) {
      if (p.charAt(i) < '0' || p.charAt(i) > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(p.startsWith("+") ? p.substring(1) : p);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isIdxNumber(String p) {
    Long i = atoi(p);
    return i != null && i >= 0;
  }

  private static String[] splitIndexNameValue(String p) {
    String elem = p.endsWith("]") ? p.substring(0, p.length() - 1) : p;
    elem = elem.startsWith("[") ? elem.substring(1) : elem;
    int eq = elem.indexOf('=');
    if (eq < 0) {
      throw new RenderException("list path element must contain fieldName=fieldValue for element to match");
    }
    return new String[] {elem.substring(0, eq), elem.substring(eq + 1)};
  }

  // ---- PathGetter (yaml.Lookup) without create: the first match, or null ----

  static FieldSpec.Slot lookup(FieldSpec.Slot root, List<String> path) {
    FieldSpec.Slot match = root;
    for (String raw : path) {
      String part = raw.strip();
      if (part.isEmpty()) {
        continue;
      }
      match = lookupPart(match, part);
      if (match == null) {
        return null;
      }
    }
    return match;
  }

  private static FieldSpec.Slot lookupPart(FieldSpec.Slot slot, String part) {
    JsonNode n = slot.get();
    Long idx = atoi(part);
    if (idx != null) {
      if (idx < 0) {
        throw new RenderException("array index " + idx + " cannot be negative");
      }
      ArrayNode arr = elements(n);
      return arr == null || idx >= arr.size() ? null : FieldSpec.arraySlot(arr, idx.intValue(), slot.pointer() + "/" + idx);
    }
    if (part.equals("-")) {
      ArrayNode arr = elements(n);
      return arr == null || arr.isEmpty() ? null
          : FieldSpec.arraySlot(arr, arr.size() - 1, slot.pointer() + "/" + (arr.size() - 1));
    }
    if (part.equals("*")) {
      throw new RenderException("wildcard is not supported in PathGetter");
    }
    if (isListIndex(part)) {
      String[] nv = splitIndexNameValue(part);
      if (isMissingOrNull(n)) {
        return null;
      }
      if (!n.isArray()) {
        throw wrongKind("SequenceNode", n);
      }
      for (int i = 0; i < n.size(); i++) {
        JsonNode e = n.get(i);
        boolean hit = nv[0].isEmpty() ? isScalar(e) && value(e).equals(nv[1])
            : e.isObject() && e.has(nv[0]) && value(e.get(nv[0])).equals(nv[1]);
        if (hit) {
          return FieldSpec.arraySlot((ArrayNode) n, i, slot.pointer() + "/" + i);
        }
      }
      return null;
    }
    if (isMissingOrNull(n)) {
      return null;
    }
    if (!n.isObject()) {
      throw wrongKind("MappingNode", n);
    }
    if (!n.has(part)) {
      return null;
    }
    return FieldSpec.mapSlot((ObjectNode) n, part, slot.pointer() + "/" + SourceMap.escape(part));
  }

  /** rn.Elements(): a sequence's items; null (no items) for a null node; an error for other kinds. */
  private static ArrayNode elements(JsonNode n) {
    if (isMissingOrNull(n)) {
      return null;
    }
    if (!n.isArray()) {
      throw wrongKind("SequenceNode", n);
    }
    return (ArrayNode) n;
  }

  // ---- PathMatcher: every match, creating missing parts when asked ----

  static List<FieldSpec.Slot> match(FieldSpec.Slot root, List<String> path, Kind create) {
    List<FieldSpec.Slot> out = filter(root, path, create);
    return out == null ? List.of() : out;
  }

  /** null when nothing matched (kyaml returns a nil node), else the matches. */
  private static List<FieldSpec.Slot> filter(FieldSpec.Slot slot, List<String> path, Kind create) {
    if (path.isEmpty()) {
      List<FieldSpec.Slot> one = new ArrayList<>();
      one.add(slot);
      return one;
    }
    String p0 = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (isIdxNumber(p0)) {
      return indexSeq(slot, atoi(p0), path, create);
    }
    if (isListIndex(p0)) {
      return seq(slot, p0, rest, create);
    }
    if (p0.equals("*")) {
      ArrayNode arr = elements(slot.get());
      List<FieldSpec.Slot> out = null;
      for (int i = 0; arr != null && i < arr.size(); i++) {
        List<FieldSpec.Slot> add = filter(FieldSpec.arraySlot(arr, i, slot.pointer() + "/" + i), rest, create);
        if (add != null) {
          out = out == null ? new ArrayList<>() : out;
          out.addAll(add);
        }
      }
      return out;
    }
    return field(slot, p0, path, create);
  }

  private static List<FieldSpec.Slot> field(FieldSpec.Slot slot, String name, List<String> path, Kind create) {
    JsonNode n = slot.get();
    List<String> rest = path.subList(1, path.size());
    JsonNode child = null;
    if (!isMissingOrNull(n)) {
      if (!n.isObject()) {
        throw wrongKind("MappingNode", n);
      }
      child = n.get(name);
    }
    if (child == null && create == Kind.NONE) {
      return null;
    }
    if (child == null) {
      if (!(n instanceof ObjectNode map)) {
        // kyaml appends the field to the null scalar's content, where nothing ever sees it again
        return filter(detached(newNode(partKind(rest.isEmpty() ? "" : rest.get(0), create))), rest, create);
      }
      child = newNode(partKind(rest.isEmpty() ? "" : rest.get(0), create));
      map.set(name, child);
    }
    FieldSpec.Slot childSlot = FieldSpec.mapSlot((ObjectNode) n, name, slot.pointer() + "/" + SourceMap.escape(name));
    if (isScalar(child) && !rest.isEmpty()) {
      // handleStructuredDataInScalar: the walk continues in a parsed copy, so writes there are lost
      String text = value(child);
      if (text.isBlank()) {
        throw new RenderException("wrong node kind: expected MappingNode but got an empty document");
      }
      return filter(detached(parseScalar(text)), rest, create);
    }
    return filter(childSlot, rest, create);
  }

  private static List<FieldSpec.Slot> indexSeq(FieldSpec.Slot slot, long idx, List<String> path, Kind create) {
    JsonNode n = slot.get();
    ArrayNode arr = elements(n);
    int size = arr == null ? 0 : arr.size();
    List<String> rest = path.subList(1, path.size());
    if (size == idx && create != Kind.NONE) {
      if (arr == null) {
        throw new RenderException("failed to append element for \"" + path.get(0) + "\"");
      }
      arr.add(newNode(partKind(rest.isEmpty() ? "" : rest.get(0), create)));
      size++;
    }
    if (size < idx + 1) {
      throw new RenderException("index " + idx + " specified but only " + size + " elements found");
    }
    return filter(FieldSpec.arraySlot(arr, (int) idx, slot.pointer() + "/" + idx), rest, create);
  }

  private static List<FieldSpec.Slot> seq(FieldSpec.Slot slot, String part, List<String> rest, Kind create) {
    String[] nv = splitIndexNameValue(part);
    Pattern re = GoRegexp.compile(nv[1]);
    ArrayNode arr = elements(slot.get());
    List<FieldSpec.Slot> out = null;
    for (int i = 0; arr != null && i < arr.size(); i++) {
      JsonNode e = arr.get(i);
      FieldSpec.Slot es = FieldSpec.arraySlot(arr, i, slot.pointer() + "/" + i);
      if (nv[0].isEmpty()) {
        if (re.matcher(asYamlText(e)).find()) {
          out = out == null ? new ArrayList<>() : out;
          out.add(es);
        }
        continue;
      }
      JsonNode f = e.isObject() ? e.get(nv[0]) : null;
      if (f == null || !re.matcher(asYamlText(f)).find()) {
        continue;
      }
      List<FieldSpec.Slot> add = filter(es, rest, create);
      if (add != null) {
        out = out == null ? new ArrayList<>() : out;
        out.addAll(add);
      }
    }
    if (out != null && out.isEmpty()) {
      out = null;
    }
    if (create == Kind.NONE || out != null) {
      return out;
    }
    if (arr == null) {
      throw new RenderException("failed to create element for \"" + part + "\"");
    }
    if (nv[0].isEmpty()) {
      arr.add(new Created(nv[1]));
    } else {
      ObjectNode elem = F.objectNode();
      elem.set(nv[0], new Created(nv[1]));
      arr.add(elem);
    }
    return seq(slot, part, rest, create);
  }

  /** What RNode.String() prints for a scalar, trimmed; containers never match a simple value. */
  private static String asYamlText(JsonNode n) {
    if (n.isNull()) {
      return "null";
    }
    return n.isContainerNode() ? GoYaml.write(n).strip() : value(n);
  }

  private static Kind partKind(String next, Kind create) {
    if (isListIndex(next) || isIdxNumber(next)) {
      return Kind.SEQ;
    }
    if (next.isEmpty()) {
      return create;
    }
    return Kind.MAP;
  }

  private static JsonNode newNode(Kind k) {
    return switch (k) {
      case MAP -> F.objectNode();
      case SEQ -> F.arrayNode();
      default -> new Created("");
    };
  }

  /** A slot holding a node that belongs to no resource. */
  static FieldSpec.Slot detached(JsonNode n) {
    ArrayNode holder = F.arrayNode();
    holder.add(n);
    return FieldSpec.arraySlot(holder, 0, "#");
  }

  /** yaml.Unmarshal of a scalar's text into a node; an error when it is not YAML. */
  static JsonNode parseScalar(String text) {
    List<YamlDocument> docs;
    try {
      docs = new YamlLoader(ScalarSchema.CORE_1_2, YamlLimits.DEFAULT).parse(text, "<value>");
    } catch (RuntimeException e) {
      throw new RenderException("cannot parse the scalar value as YAML: " + e.getMessage());
    }
    List<YamlDocument> nonEmpty = docs.stream().filter(d -> !d.isEmpty()).toList();
    if (nonEmpty.isEmpty()) {
      return F.nullNode();
    }
    return nonEmpty.get(0).content();
  }
}
