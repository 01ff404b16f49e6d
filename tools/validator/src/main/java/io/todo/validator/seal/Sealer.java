package io.todo.validator.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Secret into a SealedSecret as {@code kubeseal} does (upstream {@code Seal} and
 * {@code NewSealedSecret}): overrides applied, server-side metadata stripped, the Secret's metadata,
 * type and immutability kept in {@code spec.template}, each data/stringData value sealed on its own.
 */
public final class Sealer {
  static final Set<String> SECRET_FIELDS = Set.of("apiVersion", "kind", "metadata", "data", "stringData", "type", "immutable");
  /** Server-side fields kubeseal strips before sealing. */
  static final List<String> SERVER_FIELDS =
      List.of("selfLink", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds");
  /** Annotations that hold a copy of the object (in clear) — kubeseal strips them (upstream #227). */
  static final List<String> LAST_APPLIED =
      List.of("kubectl.kubernetes.io/last-applied-configuration", "kubecfg.ksonnet.io/last-applied-configuration");

  /**
   * What to change on the way.
   *
   * @param scope an explicit scope (null: the one the Secret's annotations select)
   * @param name overrides metadata.name when not null/empty
   * @param namespace overrides metadata.namespace when not null/empty
   * @param defaultNamespace used when the Secret has no namespace (the overlay's namespace)
   */
  public record Options(Scope scope, String name, String namespace, String defaultNamespace, boolean allowEmptyData) {}

  private final HybridCipher cipher;

  public Sealer(HybridCipher cipher) {
    this.cipher = cipher;
  }

  public Sealer() {
    this(new HybridCipher());
  }

  /** The plaintext values of a checked Secret, by key; stringData wins over data as upstream. */
  public record Plain(ObjectNode secret, Map<String, byte[]> values) {}

  /** Checks the Secret and applies the options; returns the normalised Secret and its values. */
  public static Plain prepare(Resource in, Options o) {
    ObjectNode s = in.object().deepCopy();
    if (!"Secret".equals(in.kind()) || !"v1".equals(in.apiVersion())) {
      throw ValidatorException.input(in.origin(), "expected a v1 Secret, found " + in.apiVersion() + " " + in.kind());
    }
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!SECRET_FIELDS.contains(f)) {
        throw ValidatorException.input(in.locate("/" + f), "unknown Secret field \"" + f + "\" (expected one of " + new java.util.TreeSet<>(SECRET_FIELDS) + ")");
      }
    }
    JsonNode metaNode = s.get("metadata");
    if (metaNode != null && !metaNode.isObject() && !metaNode.isNull()) {
      throw ValidatorException.input(in.locate("/metadata"), "metadata must be a mapping");
    }
    ObjectNode meta = metaNode instanceof ObjectNode m ? m : s.putObject("metadata");
    for (Iterator<String> it = meta.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!SealedSecretWriter.OBJECT_META.contains(f)) {
        throw ValidatorException.input(in.locate("/metadata/" + f), "unknown metadata field \"" + f + "\"");
      }
    }
    for (String f : List.of("labels", "annotations")) {
      stringMap(in, meta, f, "/metadata/" + f);
    }
    for (String f : List.of("name", "namespace", "type")) {
      JsonNode v = f.equals("type") ? s.get(f) : meta.get(f);
      if (v != null && !v.isNull() && !v.isTextual()) {
        throw ValidatorException.input(in.locate(f.equals("type") ? "/type" : "/metadata/" + f), f + " must be a string");
      }
    }
    if (s.has("immutable") && !s.get("immutable").isBoolean() && !s.get("immutable").isNull()) {
      throw ValidatorException.input(in.locate("/immutable"), "immutable must be true or false");
    }
    Map<String, byte[]> values = new LinkedHashMap<>();
    JsonNode data = stringMap(in, s, "data", "/data");
    if (data != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        try {
          values.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText().replace("\n", "").replace("\r", "")));
        } catch (IllegalArgumentException ex) {
          // never echo the value
          throw ValidatorException.input(in.locate("/data/" + e.getKey()), "data." + e.getKey() + " is not valid base64 (use stringData for plain text)");
        }
      }
    }
    JsonNode stringData = stringMap(in, s, "stringData", "/stringData");
    if (stringData != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = stringData.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        values.put(e.getKey(), e.getValue().asText().getBytes(StandardCharsets.UTF_8));
      }
    }
    for (String k : values.keySet()) {
      if (!k.matches("[-._a-zA-Z0-9]+") || k.length() > 253) {
        throw ValidatorException.input(in.locate("/data"), "invalid Secret key \"" + k + "\": keys consist of alphanumerics, '-', '_' or '.'");
      }
    }
    if (values.isEmpty() && !o.allowEmptyData()) {
      throw ValidatorException.input(
          in.origin(), "secret.data is empty in input Secret, assuming this is an error and aborting (--allow-empty-data to seal it anyway)");
    }
    if (o.name() != null && !o.name().isEmpty()) {
      meta.put("name", o.name());
    }
    if (meta.path("name").asText("").isEmpty()) {
      throw ValidatorException.input(in.origin(), "missing metadata.name in input Secret (or --name)");
    }
    if (o.namespace() != null && !o.namespace().isEmpty()) {
      meta.put("namespace", o.namespace());
    }
    if (o.scope() != null) {
      ObjectNode ann = meta.get("annotations") instanceof ObjectNode a ? a : meta.putObject("annotations");
      updateScopeAnnotations(ann, o.scope());
    }
    Scope scope = Scope.fromAnnotations(meta.get("annotations"));
    if (scope != Scope.CLUSTER_WIDE && meta.path("namespace").asText("").isEmpty()) {
      if (o.defaultNamespace() != null && !o.defaultNamespace().isEmpty()) {
        meta.put("namespace", o.defaultNamespace());
      } else {
        throw ValidatorException.input(
            in.origin(), "secret must declare a namespace for the " + scope + " scope (metadata.namespace, --namespace or --overlay)");
      }
    }
    for (String f : SERVER_FIELDS) {
      meta.remove(f);
    }
    return new Plain(s, values);
  }

  /** Seals a prepared Secret. */
  public ObjectNode seal(Plain p, Certificates.SealingKey key) {
    ObjectNode secret = p.secret();
    ObjectNode meta = (ObjectNode) secret.get("metadata");
    Scope scope = Scope.fromAnnotations(meta.get("annotations"));
    String name = meta.path("name").asText("");
    String namespace = meta.path("namespace").asText("");
    byte[] label = scope.label(namespace, name);

    ObjectNode templateMeta = meta.deepCopy();
    if (templateMeta.get("annotations") instanceof ObjectNode a) {
      LAST_APPLIED.forEach(a::remove);
    }
    templateMeta.remove("ownerReferences");

    ObjectNode ss = SealedSecretWriter.F.objectNode();
    ss.put("kind", "SealedSecret");
    ss.put("apiVersion", "bitnami.com/v1alpha1");
    ObjectNode m = ss.putObject("metadata");
    m.put("name", name);
    if (!namespace.isEmpty()) {
      m.put("namespace", namespace);
    }
    ObjectNode ann = m.putObject("annotations");
    updateScopeAnnotations(ann, scope);
    ObjectNode spec = ss.putObject("spec");
    ObjectNode template = spec.putObject("template");
    template.set("metadata", templateMeta);
    if (secret.hasNonNull("type")) {
      template.set("type", secret.get("type"));
    }
    if (secret.hasNonNull("immutable")) {
      template.set("immutable", secret.get("immutable"));
    }
    ObjectNode enc = spec.putObject("encryptedData");
    for (Map.Entry<String, byte[]> e : p.values().entrySet()) {
      enc.put(e.getKey(), Base64.getEncoder().encodeToString(cipher.encrypt(key.key(), e.getValue(), label)));
    }
    return ss;
  }

  /** Seals one raw value (kubeseal --raw): the base64 of the sealed bytes. */
  public String sealRaw(byte[] value, Certificates.SealingKey key, Scope scope, String namespace, String name) {
    return Base64.getEncoder().encodeToString(cipher.encrypt(key.key(), value, scope.label(namespace, name)));
  }

  /** Upstream UpdateScopeAnnotations: exactly the annotation of the scope, the other removed. */
  static void updateScopeAnnotations(ObjectNode ann, Scope scope) {
    ann.remove(Scope.NAMESPACE_WIDE_ANNOTATION);
    ann.remove(Scope.CLUSTER_WIDE_ANNOTATION);
    if (scope == Scope.NAMESPACE_WIDE) {
      ann.put(Scope.NAMESPACE_WIDE_ANNOTATION, "true");
    } else if (scope == Scope.CLUSTER_WIDE) {
      ann.put(Scope.CLUSTER_WIDE_ANNOTATION, "true");
    }
  }

  private static JsonNode stringMap(Resource in, ObjectNode parent, String field, String ptr) {
    JsonNode m = parent.get(field);
    if (m == null || m.isNull()) {
      return null;
    }
    if (!m.isObject()) {
      throw ValidatorException.input(in.locate(ptr), field + " must be a mapping");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        // a number or boolean would not survive as a string: say so (without the value)
        throw ValidatorException.input(
            in.locate(ptr + "/" + e.getKey()), field + "." + e.getKey() + " must be a string (quote it)");
      }
    }
    return m;
  }
}
