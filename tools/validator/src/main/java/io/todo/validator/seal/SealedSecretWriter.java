package io.todo.validator.seal;

import io.todo.validator.render.GoJson;
import io.todo.validator.render.GoYaml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints SealedSecrets (and, for unseal, Secrets) byte for byte as kubeseal v0.36 does: JSON in Go
 * struct field order, YAML with sorted keys after a {@code ---} line; empty fields omitted as Go's
 * {@code omitempty} does. Kubeseal 0.36 writes no {@code creationTimestamp}, neither do we.
 */
public final class SealedSecretWriter {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** ObjectMeta fields in Go struct order. */
  static final List<String> OBJECT_META =
      List.of(
          "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
          "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
          "ownerReferences", "finalizers", "managedFields");

  private static final Set<String> SEALED_MAPS =
      Set.of(
          "/metadata/labels", "/metadata/annotations", "/spec/encryptedData", "/spec/template/metadata/labels",
          "/spec/template/metadata/annotations", "/spec/template/data");
  private static final Set<String> SECRET_MAPS =
      Set.of("/metadata/labels", "/metadata/annotations", "/data", "/stringData");

  /** Output formats of {@code -o}. */
  public enum Format {
    YAML,
    JSON;

    public static Format parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "yaml", "yml" -> YAML;
        case "json" -> JSON;
        default -> null;
      };
    }

    /** The format of an existing document: JSON when it starts with '{'. */
    public static Format sniff(String text) {
      return text.stripLeading().startsWith("{") ? JSON : YAML;
    }
  }

  private SealedSecretWriter() {}

  public static String write(ObjectNode sealedSecret, Format format) {
    ObjectNode c = canonicalSealedSecret(sealedSecret);
    return format == Format.JSON ? json(c, SEALED_MAPS) : "---\n" + GoYaml.write(c);
  }

  public static String writeSecret(ObjectNode secret, Format format) {
    ObjectNode c = ordered(secret, List.of("kind", "apiVersion", "metadata", "immutable", "data", "stringData", "type"));
    if (c.get("metadata") instanceof ObjectNode m) {
      c.set("metadata", ordered(m, OBJECT_META));
    }
    return format == Format.JSON ? json(c, SECRET_MAPS) : "---\n" + GoYaml.write(c);
  }

  /** kubeseal's JSON: Go maps (the pointers given, and everything under managedFields) sorted. */
  static String json(JsonNode object, Set<String> maps) {
    return GoJson.marshalIndentStruct(object, ptr -> maps.contains(ptr) || ptr.contains("/managedFields/")) + "\n";
  }

  static ObjectNode canonicalSealedSecret(ObjectNode s) {
    ObjectNode c = ordered(s, List.of("kind", "apiVersion", "metadata", "spec", "status"));
    if (c.get("metadata") instanceof ObjectNode m) {
      c.set("metadata", ordered(m, OBJECT_META));
    }
    if (c.get("spec") instanceof ObjectNode spec) {
      ObjectNode sp = ordered(spec, List.of("template", "data", "encryptedData"));
      if (sp.get("template") instanceof ObjectNode t) {
        ObjectNode withMeta = t.deepCopy();
        if (!(withMeta.get("metadata") instanceof ObjectNode)) {
          withMeta.set("metadata", F.objectNode()); // Go never omits a struct
        }
        ObjectNode tt = ordered(withMeta, List.of("metadata", "type", "immutable", "data"));
        tt.set("metadata", ordered((ObjectNode) tt.get("metadata"), OBJECT_META));
        sp.set("template", tt);
      }
      c.set("spec", sp);
    }
    return c;
  }

  /** A copy with the known fields first in the given order, then the others; empty values dropped. */
  static ObjectNode ordered(ObjectNode in, List<String> order) {
    ObjectNode out = F.objectNode();
    for (String k : order) {
      JsonNode v = in.get(k);
      if (!omitted(v, k)) {
        out.set(k, v);
      }
    }
    Iterator<Map.Entry<String, JsonNode>> it = in.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!order.contains(e.getKey()) && !omitted(e.getValue(), e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private static boolean omitted(JsonNode v, String key) {
    if (v == null || v.isNull()) {
      return true;
    }
    if ((v.isTextual() && v.asText().isEmpty()) || (v.isContainerNode() && v.isEmpty())) {
      // structs are never omitted by Go; these are the ones that may be empty
      return !Set.of("metadata", "template", "spec", "encryptedData").contains(key);
    }
    return key.equals("generation") && v.isNumber() && v.asLong() == 0;
  }
}
