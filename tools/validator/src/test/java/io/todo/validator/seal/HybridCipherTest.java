package io.todo.validator.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;

/** The value format in isolation: layout, labels, OAEP parameters, robustness. */
class HybridCipherTest {
  static final TestKeys KEYS = TestKeys.generate(2048);
  static final RSAPublicKey PUB = (RSAPublicKey) KEYS.pair.getPublic();
  static final RSAPrivateKey PRIV = (RSAPrivateKey) KEYS.pair.getPrivate();
  final HybridCipher cipher = new HybridCipher(new SecureRandom());

  @Test
  void layoutIsLengthHeaderRsaBlockThenGcmWithTag() throws Exception {
    byte[] plain = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] v = cipher.encrypt(PUB, plain, "todo/db".getBytes(StandardCharsets.UTF_8));
    assertThat(v).hasSize(2 + 256 + plain.length + 16);
    assertThat(v[0]).isEqualTo((byte) 1);
    assertThat(v[1]).isEqualTo((byte) 0);
    assertThat(cipher.decrypt(List.of(PRIV), v, "todo/db".getBytes(StandardCharsets.UTF_8))).isEqualTo(plain);
  }

  @Test
  void labelsPerScope() throws Exception {
    assertThat(new String(Scope.STRICT.label("ns", "n"), StandardCharsets.UTF_8)).isEqualTo("ns/n");
    assertThat(new String(Scope.NAMESPACE_WIDE.label("ns", "n"), StandardCharsets.UTF_8)).isEqualTo("ns");
    assertThat(Scope.CLUSTER_WIDE.label("ns", "n")).isEmpty();
    byte[] v = cipher.encrypt(PUB, new byte[] {1}, Scope.STRICT.label("ns", "n"));
    assertThatThrownBy(() -> cipher.decrypt(List.of(PRIV), v, Scope.STRICT.label("ns", "m")))
        .isInstanceOf(HybridCipher.DecryptException.class);
    assertThatThrownBy(() -> cipher.decrypt(List.of(PRIV), v, Scope.CLUSTER_WIDE.label("ns", "n")))
        .isInstanceOf(HybridCipher.DecryptException.class);
  }

  @Test
  void oaepUsesMgf1Sha256NotTheJdkDefault() throws Exception {
    byte[] v = cipher.encrypt(PUB, new byte[] {1}, new byte[0]);
    byte[] rsa = Arrays.copyOfRange(v, 2, 258);
    Cipher sha1Mgf = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding"); // JDK default: MGF1-SHA-1
    sha1Mgf.init(Cipher.DECRYPT_MODE, PRIV);
    assertThatThrownBy(() -> sha1Mgf.doFinal(rsa)).isInstanceOf(javax.crypto.BadPaddingException.class);
    Cipher right = Cipher.getInstance("RSA/ECB/OAEPPadding");
    right.init(Cipher.DECRYPT_MODE, PRIV, new OAEPParameterSpec("SHA-256", "MGF1",
        java.security.spec.MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
    assertThat(right.doFinal(rsa)).hasSize(32);
  }

  @Test
  void garbageNeverEscapesAsAnythingButADecryptException() {
    Random r = new Random(42);
    for (int i = 0; i < 300; i++) {
      byte[] junk = new byte[r.nextInt(600)];
      r.nextBytes(junk);
      if (junk.length >= 2 && r.nextBoolean()) {
        junk[0] = 1;
        junk[1] = 0;
      }
      try {
        cipher.decrypt(List.of(PRIV), junk, new byte[0]);
      } catch (HybridCipher.DecryptException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }
}
