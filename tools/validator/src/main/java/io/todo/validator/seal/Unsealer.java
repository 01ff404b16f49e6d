package io.todo.validator.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decrypts a SealedSecret as the controller does (upstream {@code Unseal}): the OAEP label comes
 * from the SealedSecret's own metadata (name, namespace and scope annotations), so a renamed or
 * moved strict SealedSecret does not decrypt.
 */
public final class Unsealer {
  private final HybridCipher cipher = new HybridCipher();

  /** Per key: the plaintext, or why it failed (never both). */
  public record Outcome(byte[] plaintext, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  /** The result: outcomes in document order and the Secret (only complete when all are ok). */
  public record Result(Map<String, Outcome> outcomes, ObjectNode secret) {
    public boolean ok() {
      return outcomes.values().stream().allMatch(Outcome::ok);
    }
  }

  /** Checks the shape of a SealedSecret; returns its encryptedData. */
  public static ObjectNode encryptedData(Resource r) {
    if (!"SealedSecret".equals(r.kind()) || !"bitnami.com".equals(r.group())) {
      throw ValidatorException.input(r.origin(), "expected a bitnami.com SealedSecret, found " + r.apiVersion() + " " + r.kind());
    }
    JsonNode spec = r.object().path("spec");
    if (spec.has("data")) {
      throw ValidatorException.input(r.locate("/spec/data"), "spec.data (the pre-v0.6 single-blob format) is not supported: reseal the Secret");
    }
    JsonNode enc = spec.get("encryptedData");
    if (enc == null || !enc.isObject()) {
      throw ValidatorException.input(r.locate("/spec"), "spec.encryptedData must be a mapping");
    }
    return (ObjectNode) enc;
  }

  public Result unseal(Resource r, List<RSAPrivateKey> keys) {
    ObjectNode enc = encryptedData(r);
    if (r.object().path("spec").path("template").has("data")) {
      throw ValidatorException.input(
          r.locate("/spec/template/data"), "spec.template.data (templated values) is not supported by unseal");
    }
    ObjectNode meta = r.object().path("metadata") instanceof ObjectNode m ? m : SealedSecretWriter.F.objectNode();
    Scope scope = Scope.fromAnnotations(meta.get("annotations"));
    byte[] label = scope.label(r.namespace(), r.name());
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = enc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      outcomes.put(e.getKey(), decrypt(e.getValue(), keys, label));
    }
    return new Result(outcomes, secret(r, outcomes));
  }

  Outcome decrypt(JsonNode value, List<RSAPrivateKey> keys, byte[] label) {
    if (!value.isTextual()) {
      return new Outcome(null, "value is not a string");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value.asText());
    } catch (IllegalArgumentException e) {
      return new Outcome(null, "value is not valid base64");
    }
    try {
      return new Outcome(cipher.decrypt(keys, bytes, label), null);
    } catch (HybridCipher.DecryptException e) {
      return new Outcome(null, e.getMessage());
    }
  }

  private static ObjectNode secret(Resource r, Map<String, Outcome> outcomes) {
    JsonNode template = r.object().path("spec").path("template");
    ObjectNode s = SealedSecretWriter.F.objectNode();
    s.put("kind", "Secret");
    s.put("apiVersion", "v1");
    ObjectNode meta = template.path("metadata") instanceof ObjectNode m ? m.deepCopy() : s.objectNode();
    // the controller forces the SealedSecret's own name and namespace
    meta.put("name", r.name());
    if (r.namespace() != null) {
      meta.put("namespace", r.namespace());
    } else {
      meta.remove("namespace");
    }
    s.set("metadata", meta);
    if (template.has("immutable")) {
      s.set("immutable", template.get("immutable"));
    }
    ObjectNode data = s.putObject("data");
    outcomes.forEach((k, o) -> {
      if (o.ok()) {
        data.put(k, Base64.getEncoder().encodeToString(o.plaintext()));
      }
    });
    if (template.has("type")) {
      s.set("type", template.get("type"));
    }
    return s;
  }
}
