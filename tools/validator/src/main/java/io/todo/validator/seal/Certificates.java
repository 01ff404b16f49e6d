package io.todo.validator.seal;

import io.todo.validator.model.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sealing material: PEM certificates and public keys (to seal), PEM RSA private keys and the
 * controller's key Secrets (to unseal), and says when a certificate is outside its validity.
 */
public final class Certificates {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s:,\\-]*?)-----END \\1-----");

  private Certificates() {}

  /** A public key to seal with, and the certificate it came from when there was one. */
  public record SealingKey(RSAPublicKey key, X509Certificate certificate, String shown) {
    /** The RSA modulus size in bytes = the size of every RSA ciphertext sealed with it. */
    public int modulusBytes() {
      return (key.getModulus().bitLength() + 7) / 8;
    }
  }

  record Block(String type, byte[] der) {}

  public static SealingKey readSealingKey(Path file, String shown) {
    return parseSealingKey(readBytes(file, shown), shown);
  }

  /** The first CERTIFICATE, PUBLIC KEY or RSA PUBLIC KEY block of a PEM text. */
  public static SealingKey parseSealingKey(byte[] pem, String shown) {
    List<Block> blocks = blocks(pem, shown);
    for (Block b : blocks) {
      try {
        switch (b.type()) {
          case "CERTIFICATE" -> {
            X509Certificate c =
                (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(b.der()));
            return new SealingKey(rsa(c.getPublicKey(), shown), c, shown);
          }
          case "PUBLIC KEY" -> {
            return new SealingKey(
                rsa(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(b.der())), shown), null, shown);
          }
          case "RSA PUBLIC KEY" -> {
            return new SealingKey(
                rsa(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Der.spkiFromPkcs1(b.der()))), shown),
                null,
                shown);
          }
          default -> {
            // a key or something else: keep looking
          }
        }
      } catch (ValidatorException e) {
        throw e; // a certificate that parsed, with a key kubeseal cannot seal to
      } catch (GeneralSecurityException | RuntimeException e) {
        throw ValidatorException.input(Location.of(shown), "cannot parse the PEM " + b.type() + " block: malformed");
      }
    }
    throw ValidatorException.input(
        Location.of(shown), "no PEM certificate or public key found (expected -----BEGIN CERTIFICATE-----)");
  }

  /**
   * RSA private keys from a PEM file (PKCS#1 or PKCS#8, several blocks allowed) or from a
   * controller key Secret / v1 List of them in YAML or JSON (their {@code data["tls.key"]}).
   */
  public static List<RSAPrivateKey> readPrivateKeys(Path file, String shown) {
    byte[] bytes = readBytes(file, shown);
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.contains("-----BEGIN")) {
      return privateKeysFromPem(bytes, shown);
    }
    List<RSAPrivateKey> keys = new ArrayList<>();
    for (YamlDocument d : new YamlLoader().load(bytes, shown)) {
      if (d.isEmpty()) {
        continue;
      }
      JsonNode c = d.content();
      if ("List".equals(c.path("kind").asText()) || c.has("items")) {
        JsonNode items = c.path("items");
        for (int i = 0; i < Nodes.elements(items); i++) {
          keys.addAll(keyFromSecret(items.get(i), d.locations().locate("/items/" + i), shown));
        }
      } else {
        keys.addAll(keyFromSecret(c, d.start(), shown));
      }
    }
    if (keys.isEmpty()) {
      throw ValidatorException.input(Location.of(shown), "no private key found (expected PEM or a Secret with tls.key)");
    }
    return keys;
  }

  private static List<RSAPrivateKey> keyFromSecret(JsonNode secret, Location at, String shown) {
    if (!"Secret".equals(secret.path("kind").asText())) {
      throw ValidatorException.input(at, "expected a PEM private key, a Secret or a List of Secrets holding tls.key");
    }
    JsonNode k = secret.path("data").get("tls.key");
    if (k == null || !k.isTextual()) {
      throw ValidatorException.input(at, "the Secret has no data[\"tls.key\"]");
    }
    byte[] pem;
    try {
      pem = Base64.getMimeDecoder().decode(k.asText());
    } catch (IllegalArgumentException e) {
      throw ValidatorException.input(at, "data[\"tls.key\"] is not valid base64");
    }
    return privateKeysFromPem(pem, shown);
  }

  static List<RSAPrivateKey> privateKeysFromPem(byte[] pem, String shown) {
    List<RSAPrivateKey> keys = new ArrayList<>();
    for (Block b : blocks(pem, shown)) {
      byte[] pkcs8 =
          switch (b.type()) {
            case "RSA PRIVATE KEY" -> Der.pkcs8FromPkcs1(b.der());
            case "PRIVATE KEY" -> b.der();
            case "ENCRYPTED PRIVATE KEY" -> throw ValidatorException.input(
                Location.of(shown), "encrypted private keys are not supported: decrypt it first (openssl pkey)");
            default -> null;
          };
      if (pkcs8 == null) {
        continue;
      }
      try {
        keys.add((RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
      } catch (GeneralSecurityException | ClassCastException e) {
        throw ValidatorException.input(Location.of(shown), "the PEM " + b.type() + " block is not a valid RSA private key");
      }
    }
    if (keys.isEmpty()) {
      throw ValidatorException.input(Location.of(shown), "no RSA private key found (expected -----BEGIN RSA PRIVATE KEY----- or PRIVATE KEY)");
    }
    return keys;
  }

  /** Warnings for a certificate outside its validity period at {@code now}; empty when valid. */
  public static List<String> validityWarnings(X509Certificate cert, Instant now) {
    List<String> w = new ArrayList<>();
    if (cert == null) {
      return w;
    }
    if (now.isAfter(cert.getNotAfter().toInstant())) {
      w.add("certificate expired on " + cert.getNotAfter().toInstant() + " (the controller may have rotated its key: fetch the current certificate)");
    }
    if (now.isBefore(cert.getNotBefore().toInstant())) {
      w.add("certificate is not valid before " + cert.getNotBefore().toInstant());
    }
    return w;
  }

  public static boolean isExpired(X509Certificate cert, Instant now) {
    return cert != null && now.isAfter(cert.getNotAfter().toInstant());
  }

  static List<Block> blocks(byte[] pem, String shown) {
    String text = new String(pem, StandardCharsets.US_ASCII);
    Matcher m = PEM.matcher(text);
    List<Block> out = new ArrayList<>();
    while (m.find()) {
      String body = m.group(2);
      if (body.contains(":")) {
        // RFC 1421 headers (Proc-Type: 4,ENCRYPTED ...): an encrypted legacy key
        throw ValidatorException.input(
            Location.of(shown), "encrypted PEM blocks are not supported: decrypt the key first (openssl pkey)");
      }
      try {
        out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""))));
      } catch (IllegalArgumentException e) {
        throw ValidatorException.input(Location.of(shown), "the PEM " + m.group(1) + " block is not valid base64");
      }
    }
    return out;
  }

  static RSAPublicKey rsa(PublicKey k, String shown) {
    if (k instanceof RSAPublicKey r) {
      if (r.getModulus().bitLength() < 1024) {
        // OAEP-SHA-256 cannot even wrap a 32-byte session key below ~600 bits; the controller uses 4096
        throw ValidatorException.input(Location.of(shown), "RSA key of " + r.getModulus().bitLength() + " bits is too small (at least 1024)");
      }
      return r;
    }
    throw ValidatorException.input(Location.of(shown), "expected an RSA public key, found " + k.getAlgorithm());
  }

  static byte[] readBytes(Path file, String shown) {
    try {
      byte[] b = io.todo.validator.load.BoundedRead.file(file, 4 << 20);
      if (b.length > 4 << 20) {
        throw ValidatorException.input(Location.of(shown), "file is larger than 4 MiB: not a key or certificate");
      }
      return b;
    } catch (NoSuchFileException e) {
      throw ValidatorException.input(Location.of(shown), "no such file");
    } catch (IOException e) {
      throw ValidatorException.input(Location.of(shown), "cannot read file: " + e.getClass().getSimpleName());
    }
  }
}
