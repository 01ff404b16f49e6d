package io.todo.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** JsonTree reads what databind reads and writes what {@code JsonNode.toString} writes. */
class JsonTreeTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @TestFactory
  Stream<DynamicTest> writesAsToStringDoes() {
    return Stream.of(
            F.textNode("plain"), F.textNode("quote \" backslash \\ tab \t nl \n ctl \u0001 del \u007f é ☃ 😀 </"),
            F.textNode(""), F.nullNode(), F.booleanNode(true), F.numberNode(80), F.numberNode(-1L << 40),
            F.numberNode(new BigInteger("123456789012345678901234567890")), F.numberNode(1.5), F.numberNode(1e300),
            F.numberNode(0.1f), F.numberNode(new BigDecimal("1.50")),
            F.objectNode().put("a", 1).put("b \"x\"", "y").set("c", F.arrayNode().add(1).add("two").addNull()),
            F.arrayNode(), F.objectNode())
        .map(n -> DynamicTest.dynamicTest(n.getNodeType() + " " + n, () -> assertThat(JsonTree.write(n)).isEqualTo(n.toString())));
  }

  @TestFactory
  Stream<DynamicTest> readsAsDatabindDoes() {
    return Stream.of("{\"a\":[1,2.5,\"x\",null,true,{}],\"b\":12345678901,\"c\":123456789012345678901234567890}",
            "\"text\"", "[]", "-0.0", "1e400")
        .map(json -> DynamicTest.dynamicTest(json, () -> {
          JsonNode ours = JsonTree.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
          assertThat(ours).isEqualTo(new ObjectMapper().readTree(json));
          assertThat(JsonTree.write(ours)).isEqualTo(ours.toString());
        }));
  }
}
