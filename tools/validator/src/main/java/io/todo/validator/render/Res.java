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
