package io.todo.validator.seal;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.config.RepoConfig;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks that every rendered SealedSecret can be decrypted by its environment's controller:
 * well-formed values sealed with that environment's key, a name and namespace (after the overlay's
 * namePrefix/nameSuffix/namespace) that still match the scope it was sealed for, and — when the
 * private key is at hand — values that really decrypt. Messages name keys, never values.
 *
 * <p>Rules: SEAL-001 malformed value, SEAL-002 sealed with another key, SEAL-003 renamed or moved
 * out of its scope, SEAL-004 inconsistent scope annotations, SEAL-005 does not decrypt, SEAL-006
 * certificate outside its validity, SEAL-007 unreadable certificate, SEAL-008 malformed SealedSecret.
 */
public final class SealedSecretStage implements Stage {
  private final List<RSAPrivateKey> privateKeys;
  private final Clock clock;

  public SealedSecretStage(List<RSAPrivateKey> privateKeys, Clock clock) {
    this.privateKeys = List.copyOf(privateKeys);
    this.clock = clock;
  }

  public SealedSecretStage() {
    this(List.of(), Clock.systemUTC());
  }

  /** Reads the {@code --private-key} files of validate. */
  public static SealedSecretStage withKeyFiles(List<Path> files) {
    List<RSAPrivateKey> keys = new ArrayList<>();
    for (Path f : files) {
      keys.addAll(Certificates.readPrivateKeys(f, f.toString()));
    }
    return new SealedSecretStage(keys, Clock.systemUTC());
  }

  @Override
  public List<Finding> check(Target target, List<Resource> resources) {
    List<Resource> sealed = resources.stream().filter(SealedSecretStage::isSealedSecret).toList();
    List<Finding> findings = new ArrayList<>();
    Certificates.SealingKey key = certificate(target, !sealed.isEmpty(), findings);
    HybridCipher cipher = new HybridCipher();
    for (Resource r : sealed) {
      checkOne(r, key, cipher, findings);
    }
    return findings;
  }

  static boolean isSealedSecret(Resource r) {
    return "SealedSecret".equals(r.kind()) && "bitnami.com".equals(r.group());
  }

  /** The target overlay's sealingCert from validator.yaml, when it has one. */
  private Certificates.SealingKey certificate(Target target, boolean needed, List<Finding> findings) {
    if (target.path() == null) {
      return null;
    }
    Optional<RepoConfig> config;
    try {
      config = RepoConfig.find(target.path());
    } catch (ValidatorException e) {
      return null; // a broken validator.yaml is reported by the command that reads it
    }
    Optional<Path> cert =
        config.flatMap(c -> c.overlayFor(target.path()).flatMap(o -> Overlays.certificate(c, o)));
    if (cert.isEmpty() || (!needed && !java.nio.file.Files.exists(cert.get()))) {
      return null; // a missing certificate matters only once the overlay holds SealedSecrets
    }
    String shown = display(cert.get());
    try {
      Certificates.SealingKey key = Certificates.readSealingKey(cert.get(), shown);
      for (String w : Certificates.validityWarnings(key.certificate(), clock.instant())) {
        findings.add(new Finding(Severity.WARNING, "SEAL-006", null, null, "sealing certificate: " + w, Location.of(shown)));
      }
      return key;
    } catch (ValidatorException e) {
      findings.add(
          new Finding(Severity.ERROR, "SEAL-007", null, null, "sealing certificate (sealingCert in validator.yaml): " + e.getMessage(), Location.of(shown)));
      return null;
    }
  }

  private void checkOne(Resource r, Certificates.SealingKey key, HybridCipher cipher, List<Finding> findings) {
    JsonNode spec = r.object().path("spec");
    if (spec.has("data")) {
      findings.add(finding(r, Severity.ERROR, "SEAL-008", "/spec/data",
          "spec.data (the pre-v0.6 single-blob format) is not decrypted by current controllers: reseal the Secret"));
    }
    JsonNode enc = spec.get("encryptedData");
    if (enc == null || !enc.isObject()) {
      findings.add(finding(r, Severity.ERROR, "SEAL-008", "/spec", "spec.encryptedData must be a mapping of key to sealed value"));
      return;
    }
    Scope scope = Scope.fromAnnotations(r.object().path("metadata").get("annotations"));
    JsonNode template = spec.path("template").path("metadata");
    Scope templateScope = Scope.fromAnnotations(template.get("annotations"));
    if (template.has("annotations") && templateScope != scope) {
      findings.add(finding(r, Severity.WARNING, "SEAL-004", "/metadata/annotations",
          "metadata annotations select the " + scope + " scope but spec.template.metadata says " + templateScope
              + ": the controller uses metadata; reseal or fix the annotations"));
    }
    boolean scopeOk = checkScope(r, scope, template, findings);
    byte[] label = scope.label(r.namespace(), r.name());
    for (Iterator<Map.Entry<String, JsonNode>> it = enc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String ptr = "/spec/encryptedData/" + e.getKey().replace("~", "~0").replace("/", "~1");
      JsonNode v = e.getValue();
      if (!v.isTextual()) {
        findings.add(finding(r, Severity.ERROR, "SEAL-001", ptr, "sealed value is not a string"));
        continue;
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(v.asText());
      } catch (IllegalArgumentException ex) {
        findings.add(finding(r, Severity.ERROR, "SEAL-001", ptr, "sealed value is not valid standard base64"));
        continue;
      }
      HybridCipher.Parts parts;
      try {
        parts = HybridCipher.split(bytes);
      } catch (HybridCipher.DecryptException ex) {
        findings.add(finding(r, Severity.ERROR, "SEAL-001", ptr, ex.getMessage()));
        continue;
      }
      if (key != null && parts.rsaLength() != key.modulusBytes()) {
        findings.add(finding(r, Severity.ERROR, "SEAL-002", ptr,
            "sealed with a " + parts.rsaLength() * 8 + "-bit key, but this environment's certificate " + key.shown()
                + " has a " + key.modulusBytes() * 8 + "-bit key: sealed for another environment?"));
        continue;
      }
      if (!privateKeys.isEmpty() && scopeOk) {
        try {
          cipher.decrypt(privateKeys, bytes, label);
        } catch (HybridCipher.DecryptException ex) {
          findings.add(finding(r, Severity.ERROR, "SEAL-005", ptr, "does not decrypt with the given private key(s): " + ex.getMessage()));
        }
      }
    }
  }

  /** Structural scope check: the template records the name/namespace the Secret was sealed for. */
  private static boolean checkScope(Resource r, Scope scope, JsonNode template, List<Finding> findings) {
    if (scope == Scope.CLUSTER_WIDE) {
      return true;
    }
    String sealedNs = text(template.get("namespace"));
    String sealedName = text(template.get("name"));
    boolean nsMoved = sealedNs != null && r.namespace() != null && !sealedNs.equals(r.namespace());
    boolean renamed = scope == Scope.STRICT && sealedName != null && !Objects.equals(sealedName, r.name());
    if (!nsMoved && !renamed) {
      return true;
    }
    String was = scope == Scope.STRICT ? sealedNs + "/" + sealedName : sealedNs;
    String now = scope == Scope.STRICT ? r.namespace() + "/" + r.name() : r.namespace();
    findings.add(finding(r, Severity.ERROR, "SEAL-003", renamed ? "/metadata/name" : "/metadata/namespace",
        scope + " SealedSecret was sealed for \"" + was + "\" (spec.template.metadata) but renders as \"" + now
            + "\": the controller cannot decrypt it (namePrefix/nameSuffix/namespace changed it); seal it for the"
            + " rendered name, or use --scope namespace-wide/cluster-wide"));
    return false;
  }

  private static Finding finding(Resource r, Severity s, String rule, String ptr, String message) {
    String field = ptr.length() <= 1 ? null : ptr.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
    return new Finding(s, rule, r.ref(), field, message, r.locate(ptr));
  }

  private static String text(JsonNode n) {
    return n == null || !n.isTextual() || n.asText().isEmpty() ? null : n.asText();
  }

  private static String display(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}
