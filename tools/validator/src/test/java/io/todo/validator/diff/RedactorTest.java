package io.todo.validator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final ObjectMapper m = new ObjectMapper();

  @Test
  void secretValuesAreNeverKept() throws Exception {
    ObjectNode a = (ObjectNode) m.readTree("{\"kind\":\"Secret\",\"data\":{\"k\":\"c2VjcmV0\",\"same\":\"eA==\"},\"stringData\":{\"p\":\"hunter2\"}}");
    ObjectNode b = (ObjectNode) m.readTree("{\"kind\":\"Secret\",\"data\":{\"k\":\"b3RoZXI=\",\"same\":\"eA==\"}}");
    String redacted = Redactor.redact(b, a).toString();
    assertThat(redacted).doesNotContain("b3RoZXI=", "eA==", "hunter2")
        .contains("\"k\":\"<redacted, changed>\"", "\"same\":\"<redacted>\"");
    assertThat(Redactor.redact(a, b).toString()).doesNotContain("hunter2", "c2VjcmV0");
  }

  @Test
  void sealedCiphertextsAreShortened() throws Exception {
    ObjectNode s = (ObjectNode) m.readTree("{\"kind\":\"SealedSecret\",\"spec\":{\"encryptedData\":{\"k\":\"AgBy...\"}}}");
    assertThat(Redactor.redact(s, null).path("spec").path("encryptedData").path("k").asText()).isEqualTo("<sealed>");
  }

  @Test
  void otherKindsAreUntouched() throws Exception {
    ObjectNode c = (ObjectNode) m.readTree("{\"kind\":\"ConfigMap\",\"data\":{\"k\":\"v\"}}");
    assertThat(Redactor.redact(c, null)).isEqualTo(c);
  }
}
