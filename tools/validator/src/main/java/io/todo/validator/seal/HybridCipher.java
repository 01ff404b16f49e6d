package io.todo.validator.seal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Sealed Secrets value format (upstream {@code pkg/crypto} HybridEncrypt/HybridDecrypt):
 * {@code uint16 big-endian len(rsa) || RSA-OAEP(SHA-256, MGF1-SHA-256, label)(sessionKey) ||
 * AES-256-GCM(sessionKey, zero nonce, no AAD)(plaintext) with its 16-byte tag}.
 */
public final class HybridCipher {
  static final int SESSION_KEY_BYTES = 32;
  static final int GCM_NONCE_BYTES = 12;
  static final int GCM_TAG_BITS = 128;
  static final int GCM_TAG_BYTES = GCM_TAG_BITS / 8;

  private final SecureRandom random;

  public HybridCipher(SecureRandom random) {
    this.random = random;
  }

  public HybridCipher() {
    this(new SecureRandom());
  }

  /** Why a value cannot be decrypted; the message never contains plaintext. */
  public static final class DecryptException extends Exception {
    private static final long serialVersionUID = 1L;

    public DecryptException(String message) {
      super(message);
    }
  }

  /** The pieces of a sealed value, checked for consistency (not for authenticity). */
  public record Parts(byte[] rsa, byte[] gcm) {
    public int rsaLength() {
      return rsa.length;
    }
  }

  public byte[] encrypt(RSAPublicKey key, byte[] plaintext, byte[] label) {
    byte[] sessionKey = new byte[SESSION_KEY_BYTES];
    random.nextBytes(sessionKey);
    try {
      Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
      rsa.init(Cipher.ENCRYPT_MODE, key, oaep(label), random);
      byte[] wrapped = rsa.doFinal(sessionKey);
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(sessionKey, "AES"),
          new GCMParameterSpec(GCM_TAG_BITS, new byte[GCM_NONCE_BYTES]));
      byte[] sealed = gcm.doFinal(plaintext);
      return ByteBuffer.allocate(2 + wrapped.length + sealed.length)
          .putShort((short) wrapped.length)
          .put(wrapped)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      // only a broken JDK or a key too small for OAEP-SHA-256 gets here
      throw new IllegalStateException("cannot seal: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      Arrays.fill(sessionKey, (byte) 0);
    }
  }

  /** Splits a sealed value; fails as upstream does on a too short value. */
  public static Parts split(byte[] value) throws DecryptException {
    if (value.length < 2) {
      throw new DecryptException("sealed value is too short (" + value.length + " bytes)");
    }
    int rsaLen = ((value[0] & 0xff) << 8) | (value[1] & 0xff);
    if (value.length < rsaLen + 2) {
      throw new DecryptException(
          "sealed value is truncated: header announces " + rsaLen + " bytes of RSA ciphertext, "
              + (value.length - 2) + " bytes follow");
    }
    byte[] gcm = Arrays.copyOfRange(value, rsaLen + 2, value.length);
    if (gcm.length < GCM_TAG_BYTES) {
      throw new DecryptException("sealed value is truncated: AES-GCM part shorter than its 16-byte tag");
    }
    return new Parts(Arrays.copyOfRange(value, 2, rsaLen + 2), gcm);
  }

  /** Tries each key in turn (as the controller does after key rotations). */
  public byte[] decrypt(List<RSAPrivateKey> keys, byte[] value, byte[] label) throws DecryptException {
    Parts parts = split(value);
    if (keys.isEmpty()) {
      throw new DecryptException("no private key given");
    }
    for (RSAPrivateKey key : keys) {
      byte[] sessionKey;
      try {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.DECRYPT_MODE, key, oaep(label));
        sessionKey = rsa.doFinal(parts.rsa());
      } catch (GeneralSecurityException e) {
        continue; // wrong key or wrong label: try the next key
      }
      try {
        if (sessionKey.length != SESSION_KEY_BYTES) {
          throw new DecryptException("session key has " + sessionKey.length + " bytes, expected 32");
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(
            Cipher.DECRYPT_MODE,
            new SecretKeySpec(sessionKey, "AES"),
            new GCMParameterSpec(GCM_TAG_BITS, new byte[GCM_NONCE_BYTES]));
        return gcm.doFinal(parts.gcm());
      } catch (GeneralSecurityException e) {
        throw new DecryptException("AES-GCM authentication failed: the ciphertext was modified");
      } finally {
        Arrays.fill(sessionKey, (byte) 0);
      }
    }
    throw new DecryptException(
        "no private key decrypts the session key (wrong key, or sealed for another name/namespace/scope)");
  }

  private static OAEPParameterSpec oaep(byte[] label) {
    // explicit: the JDK default MGF1 digest is SHA-1, Go's rsa.EncryptOAEP uses the OAEP hash
    return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(label));
  }
}
