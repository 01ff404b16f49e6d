package io.todo.validator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Kubernetes object in the pipeline together with the origin of each of its fields. The object
 * is mutable while the renderer transforms it; later stages treat it as read-only.
 */
public final class Resource {
  private final ObjectNode object;
  private final SourceMap origins;

  public Resource(ObjectNode object, SourceMap origins) {
    this.object = object;
    this.origins = origins;
  }

  public ObjectNode object() {
    return object;
  }

  public SourceMap origins() {
    return origins;
  }

  /** Where the document starts. */
  public Location origin() {
    return origins.locate("");
  }

  /** The origin of a field, falling back to its nearest ancestor that has one. */
  public Location locate(String pointer) {
    Location l = origins.locate(pointer);
    return l != null ? l : origin();
  }

  public String apiVersion() {
    return text(object.get("apiVersion"));
  }

  public String kind() {
    return text(object.get("kind"));
  }

  public String name() {
    return text(object.path("metadata").get("name"));
  }

  public String namespace() {
    return text(object.path("metadata").get("namespace"));
  }

  /** API group, "" for the core group. */
  public String group() {
    String av = apiVersion();
    if (av == null) {
      return "";
    }
    int slash = av.indexOf('/');
    return slash < 0 ? "" : av.substring(0, slash);
  }

  /** {@code Kind/namespace/name} or {@code Kind/name}, as printed in findings. */
  public String ref() {
    String ns = namespace();
    String k = kind() == null ? "?" : kind();
    String n = name() == null ? "?" : name();
    return ns == null || ns.isEmpty() ? k + "/" + n : k + "/" + ns + "/" + n;
  }

  public Resource deepCopy() {
    return new Resource(object.deepCopy(), origins.copy());
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  @Override
  public String toString() {
    return ref();
  }
}
