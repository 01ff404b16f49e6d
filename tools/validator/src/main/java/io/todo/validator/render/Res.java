package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.SourceMap;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource during rendering, with the bookkeeping kustomize keeps in internal annotations: the
 * ids it had before renames, the prefixes and suffixes applied, and generator options.
 */
final class Res {
  final ObjectNode obj;
  final SourceMap origins;
  final List<ResId> previous = new ArrayList<>();
  final List<String> prefixes = new ArrayList<>();
  final List<String> suffixes = new ArrayList<>();
  boolean needsHash;
  String behavior = "create";
  /** Set by a patch with options.allowNameChange / allowKindChange. */
  boolean allowNameChange;
  boolean allowKindChange;
  /** Names of the vars whose objref selects this resource (kustomize's refVarNames). */
  final List<String> refVarNames = new ArrayList<>();

  Res(ObjectNode obj, SourceMap origins) {
    this.obj = obj;
    this.origins = origins;
  }

  /**
   * How kustomize reads the documents of a resource or patch file. kio's ByteReader unwraps a file
   * that is a single {@code kind: List} (or ResourceList) document with items in place; then
   * resource.Factory's inlineAnyEmbeddedLists replaces any document whose kind ends in "List" and
   * that has an items field (any apiVersion) by its items, queued after the other documents (so they
   * come after them, and nested Lists expand too); null items give nothing.
   */
  static List<io.todo.validator.load.YamlDocument> inlineLists(List<io.todo.validator.load.YamlDocument> docs) {
    java.util.ArrayDeque<io.todo.validator.load.YamlDocument> queue = new java.util.ArrayDeque<>();
    if (docs.size() == 1 && !docs.get(0).isEmpty() && docs.get(0).content().isObject()
        && List.of("List", "ResourceList").contains(text(docs.get(0).content().get("kind")))
        && docs.get(0).content().path("items").isArray()) {
      queue.addAll(items(docs.get(0)));
    } else {
      docs.stream().filter(d -> !d.isEmpty()).forEach(queue::add);
    }
    List<io.todo.validator.load.YamlDocument> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      io.todo.validator.load.YamlDocument d = queue.poll();
      JsonNode c = d.content();
      String kind = c.isObject() ? text(c.get("kind")) : "";
      if (!kind.endsWith("List") || !c.has("items")) {
        out.add(d);
        continue;
      }
      JsonNode items = c.get("items");
      if (items.isNull()) {
        continue;
      }
      if (!items.isArray()) {
        throw io.todo.validator.model.ValidatorException.input(d.locations().locate("/items"),
            "expected array in " + kind + "/items, but found " + (items.isObject() ? "map[string]interface {}"
                : items.isBoolean() ? "bool" : items.isIntegralNumber() ? "int" : items.isNumber() ? "float64" : "string"));
      }
      // each item is read on its own by kio again: a single List item is unwrapped in place
      for (io.todo.validator.load.YamlDocument item : items(d)) {
        queue.addAll(inlineSingle(item));
      }
    }
    return out;
  }

  private static List<io.todo.validator.load.YamlDocument> inlineSingle(io.todo.validator.load.YamlDocument d) {
    JsonNode c = d.content();
    return c.isObject() && List.of("List", "ResourceList").contains(text(c.get("kind"))) && c.path("items").isArray()
        ? items(d) : List.of(d);
  }

  private static List<io.todo.validator.load.YamlDocument> items(io.todo.validator.load.YamlDocument d) {
    List<io.todo.validator.load.YamlDocument> out = new ArrayList<>();
    JsonNode items = d.content().get("items");
    for (int i = 0; i < items.size(); i++) {
      String prefix = "/items/" + i;
      SourceMap map = new SourceMap();
      d.locations().entries().forEach((k, v) -> {
        if (k.equals(prefix) || k.startsWith(prefix + "/")) {
          map.put(k.substring(prefix.length()), v);
        }
      });
      out.add(new io.todo.validator.load.YamlDocument(items.get(i), d.locations().locate(prefix), map));
    }
    return out;
  }

  static Res of(Resource r) {
    return new Res(r.object(), r.origins());
  }

  Resource toResource() {
    return new Resource(obj, origins);
  }

  Res deepCopy() {
    Res c = new Res(obj.deepCopy(), origins.copy());
    c.previous.addAll(previous);
    c.prefixes.addAll(prefixes);
    c.suffixes.addAll(suffixes);
    c.needsHash = needsHash;
    c.behavior = behavior;
    c.allowNameChange = allowNameChange;
    c.allowKindChange = allowKindChange;
    c.refVarNames.addAll(refVarNames);
    return c;
  }

  ResId curId() {
    return ResId.of(text(obj.get("apiVersion")), text(obj.get("kind")), name(), namespace());
  }

  /** The id before any rename (kustomize's OrgId). */
  ResId orgId() {
    return previous.isEmpty() ? curId() : previous.get(0);
  }

  /** Every id the resource had, current last. */
  List<ResId> allIds() {
    List<ResId> ids = new ArrayList<>(previous);
    ids.add(curId());
    return ids;
  }

  void storePreviousId() {
    previous.add(curId());
  }

  String kind() {
    return text(obj.get("kind"));
  }

  String name() {
    return text(obj.path("metadata").get("name"));
  }

  String namespace() {
    return text(obj.path("metadata").get("namespace"));
  }

  ObjectNode metadata() {
    JsonNode m = obj.get("metadata");
    if (m == null || !m.isObject()) {
      return obj.putObject("metadata");
    }
    return (ObjectNode) m;
  }

  void setName(String n) {
    metadata().put("name", n);
  }

  void setNamespace(String ns) {
    if (ns == null || ns.isEmpty()) {
      metadata().remove("namespace");
    } else {
      metadata().put("namespace", ns);
    }
  }

  /** The map at metadata/labels or metadata/annotations, or an empty one. */
  ObjectNode metaMap(String field) {
    JsonNode n = obj.path("metadata").get(field);
    return n != null && n.isObject() ? (ObjectNode) n : obj.objectNode();
  }

  Location origin() {
    return origins.locate("");
  }

  boolean isEmpty() {
    return obj.isEmpty();
  }

  static String text(JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? "" : n.asText();
  }

  @Override
  public String toString() {
    return curId().toString();
  }
}
