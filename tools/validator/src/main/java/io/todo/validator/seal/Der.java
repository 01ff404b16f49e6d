package io.todo.validator.seal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * The little DER needed to turn PKCS#1 RSA keys into the PKCS#8/X.509 structures the JDK reads
 * (the JDK has no PKCS#1 key spec) — enough to avoid a BouncyCastle dependency.
 */
final class Der {
  /** AlgorithmIdentifier { rsaEncryption, NULL }. */
  static final byte[] RSA_ALGORITHM = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
  };

  private Der() {}

  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      body.writeBytes(p);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = body.size();
    if (len < 0x80) {
      out.write(len);
    } else {
      byte[] l = BigInteger.valueOf(len).toByteArray();
      int skip = l[0] == 0 ? 1 : 0;
      out.write(0x80 | (l.length - skip));
      out.write(l, skip, l.length - skip);
    }
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... parts) {
    return tlv(0x30, parts);
  }

  static byte[] integer(BigInteger v) {
    return tlv(0x02, v.toByteArray());
  }

  /** PrivateKeyInfo wrapping a PKCS#1 RSAPrivateKey. */
  static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
    return sequence(integer(BigInteger.ZERO), RSA_ALGORITHM, tlv(0x04, pkcs1));
  }

  /** SubjectPublicKeyInfo wrapping a PKCS#1 RSAPublicKey. */
  static byte[] spkiFromPkcs1(byte[] pkcs1) {
    byte[] bits = new byte[pkcs1.length + 1]; // leading "unused bits" octet
    System.arraycopy(pkcs1, 0, bits, 1, pkcs1.length);
    return sequence(RSA_ALGORITHM, tlv(0x03, bits));
  }
}
