package io.todo.validator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void hexOfUtf8Text() {
    assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex("é")).isEqualTo(java.util.HexFormat.of().formatHex(
        Sha256.newDigest().digest(new byte[] {(byte) 0xC3, (byte) 0xA9})));
  }
}
