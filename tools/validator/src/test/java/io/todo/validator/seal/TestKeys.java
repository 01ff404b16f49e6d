package io.todo.validator.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Key pairs and self-signed certificates made at test time (a minimal X.509 DER encoder: no
 * committed key, no BouncyCastle). Files go to a test's temporary directory only.
 */
public final class TestKeys {
  private static final byte[] SHA256_WITH_RSA = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00
  };

  public final KeyPair pair;
  public final byte[] certDer;

  private TestKeys(KeyPair pair, byte[] certDer) {
    this.pair = pair;
    this.certDer = certDer;
  }

  public static TestKeys generate(int bits) {
    return generate(bits, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(30L * 24 * 3600));
  }

  public static TestKeys generate(int bits, Instant notBefore, Instant notAfter) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      KeyPair kp = g.generateKeyPair();
      byte[] name = Der.sequence(Der.tlv(0x31, Der.sequence(new byte[] {0x06, 0x03, 0x55, 0x04, 0x03},
          Der.tlv(0x0c, "sealed-secret".getBytes(StandardCharsets.UTF_8)))));
      byte[] tbs = Der.sequence(
          Der.tlv(0xa0, Der.integer(BigInteger.TWO)),
          Der.integer(BigInteger.valueOf(System.nanoTime() & 0x7fffffffL)),
          SHA256_WITH_RSA,
          name,
          Der.sequence(time(notBefore), time(notAfter)),
          name,
          kp.getPublic().getEncoded());
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(kp.getPrivate());
      s.update(tbs);
      byte[] sig = s.sign();
      byte[] bits0 = new byte[sig.length + 1];
      System.arraycopy(sig, 0, bits0, 1, sig.length);
      return new TestKeys(kp, Der.sequence(tbs, SHA256_WITH_RSA, Der.tlv(0x03, bits0)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] time(Instant t) {
    var utc = t.atOffset(ZoneOffset.UTC);
    if (utc.getYear() >= 2050) {
      return Der.tlv(0x18, DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(utc).getBytes(StandardCharsets.US_ASCII));
    }
    return Der.tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(utc).getBytes(StandardCharsets.US_ASCII));
  }

  public String certPem() {
    return pem("CERTIFICATE", certDer);
  }

  public String publicKeyPem() {
    return pem("PUBLIC KEY", pair.getPublic().getEncoded());
  }

  /** PKCS#8 ("PRIVATE KEY"). */
  public String privateKeyPem() {
    return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  /** PKCS#1 ("RSA PRIVATE KEY"), as openssl genrsa / the controller write it. */
  public String pkcs1PrivateKeyPem() {
    RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
    byte[] der = Der.sequence(
        Der.integer(BigInteger.ZERO), Der.integer(k.getModulus()), Der.integer(k.getPublicExponent()),
        Der.integer(k.getPrivateExponent()), Der.integer(k.getPrimeP()), Der.integer(k.getPrimeQ()),
        Der.integer(k.getPrimeExponentP()), Der.integer(k.getPrimeExponentQ()), Der.integer(k.getCrtCoefficient()));
    return pem("RSA PRIVATE KEY", der);
  }

  /** The controller's key Secret (kubectl get secret -l sealedsecrets.bitnami.com/sealed-secrets-key -o yaml). */
  public String keySecretYaml() {
    Base64.Encoder b = Base64.getEncoder();
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: sealed-secrets-keyabcde\n  namespace: kube-system\n"
        + "  labels:\n    sealedsecrets.bitnami.com/sealed-secrets-key: active\ntype: kubernetes.io/tls\ndata:\n"
        + "  tls.crt: " + b.encodeToString(certPem().getBytes(StandardCharsets.US_ASCII)) + "\n"
        + "  tls.key: " + b.encodeToString(pkcs1PrivateKeyPem().getBytes(StandardCharsets.US_ASCII)) + "\n";
  }

  public Path writeCert(Path dir, String name) throws IOException {
    return Files.writeString(dir.resolve(name), certPem());
  }

  public Path writeKey(Path dir, String name) throws IOException {
    return Files.writeString(dir.resolve(name), privateKeyPem());
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
