package io.todo.validator.seal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The mobility of a sealed value: the scope decides the RSA-OAEP label, so a value sealed for one
 * name/namespace cannot be decrypted under another (upstream {@code EncryptionLabel}).
 */
public enum Scope {
  STRICT("strict"),
  NAMESPACE_WIDE("namespace-wide"),
  CLUSTER_WIDE("cluster-wide");

  public static final String NAMESPACE_WIDE_ANNOTATION = "sealedsecrets.bitnami.com/namespace-wide";
  public static final String CLUSTER_WIDE_ANNOTATION = "sealedsecrets.bitnami.com/cluster-wide";

  private final String flag;

  Scope(String flag) {
    this.flag = flag;
  }

  /** The name used by {@code --scope}. */
  public String flag() {
    return flag;
  }

  /** Parses a {@code --scope} value; null for an unknown one. */
  public static Scope parse(String s) {
    for (Scope sc : values()) {
      if (sc.flag.equals(s.toLowerCase(Locale.ROOT))) {
        return sc;
      }
    }
    return null;
  }

  /**
   * The scope recorded in annotations, as the controller reads it: cluster-wide wins over
   * namespace-wide, and only the exact value "true" counts.
   */
  public static Scope fromAnnotations(JsonNode annotations) {
    if (annotations != null && annotations.isObject()) {
      if ("true".equals(annotations.path(CLUSTER_WIDE_ANNOTATION).asText(null))) {
        return CLUSTER_WIDE;
      }
      if ("true".equals(annotations.path(NAMESPACE_WIDE_ANNOTATION).asText(null))) {
        return NAMESPACE_WIDE;
      }
    }
    return STRICT;
  }

  /** The OAEP label: {@code ns/name} (strict), {@code ns} (namespace-wide) or empty (cluster-wide). */
  public byte[] label(String namespace, String name) {
    String ns = namespace == null ? "" : namespace;
    String n = name == null ? "" : name;
    String l =
        switch (this) {
          case CLUSTER_WIDE -> "";
          case NAMESPACE_WIDE -> ns;
          case STRICT -> ns + "/" + n;
        };
    return l.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return flag;
  }
}
