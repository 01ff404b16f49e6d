package io.todo.validator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.todo.validator.model.ValidatorException;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
  private final YamlLoader loader = new YamlLoader();

  @Test
  void recordsLocationsOfEveryNode() {
    List<YamlDocument> docs = loader.parse("a: 1\n---\nkind: X\nspec:\n  items:\n  - name: x\n", "f.yaml");
    assertThat(docs).hasSize(2);
    YamlDocument d = docs.get(1);
    assertThat(d.locations().get("/kind").toString()).isEqualTo("f.yaml:3:1");
    assertThat(d.locations().get("/spec/items/0/name").toString()).isEqualTo("f.yaml:6:5");
  }

  @Test
  void typesPlainScalarsAsYaml12() {
    YamlDocument d = loader.parse("a: yes\nb: 010\nc: 0x1F\nd: 1.5\ne: ~\nf: true\ng: '1'\n", "f").get(0);
    assertThat(d.content().get("a").isTextual()).isTrue();
    // yaml.v3 still reads a leading 0 as octal (strconv.ParseInt base 0), as kustomize build shows
    assertThat(d.content().get("b").intValue()).isEqualTo(8);
    assertThat(d.content().get("c").intValue()).isEqualTo(31);
    assertThat(d.content().get("d").isNumber()).isTrue();
    assertThat(d.content().get("e").isNull()).isTrue();
    assertThat(d.content().get("f").booleanValue()).isTrue();
    assertThat(d.content().get("g").isTextual()).isTrue();
  }

  @Test
  void typesPlainScalarsAsYaml11ForKustomizationFiles() {
    YamlLoader v11 = new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT);
    YamlDocument d = v11.parse("a: yes\nb: off\n", "f").get(0);
    assertThat(d.content().get("a").booleanValue()).isTrue();
    assertThat(d.content().get("b").booleanValue()).isFalse();
  }

  @Test
  void duplicateKeysAreErrors() {
    assertThatThrownBy(() -> loader.parse("a: 1\nb: 2\na: 3\n", "f.yaml"))
        .isInstanceOf(ValidatorException.class)
        .hasMessageContaining("duplicate key \"a\" (first defined at line 1)")
        .extracting(e -> ((ValidatorException) e).location().toString())
        .isEqualTo("f.yaml:3:1");
  }

  @Test
  void reportsEveryBadDocumentOfAStream() {
    assertThatThrownBy(() -> loader.parse("a: [\n---\nok: 1\n---\nb: {\n", "s.yaml"))
        .isInstanceOfSatisfying(
            ValidatorException.class,
            e -> assertThat(e.all()).extracting(x -> x.location().line()).containsExactly(1, 5));
  }

  @Test
  void aliasBombHitsTheAliasLimit() {
    StringBuilder sb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      sb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
          .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
          .append(p).append(",*").append(p).append(",*").append(p).append("]\n");
    }
    assertThatThrownBy(() -> loader.parse(sb.toString(), "bomb.yaml"))
        .isInstanceOf(ValidatorException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void invalidUtf8IsLocated() {
    byte[] bytes = {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
    assertThatThrownBy(() -> loader.load(bytes, "u.yaml"))
        .isInstanceOf(ValidatorException.class)
        .hasMessageContaining("invalid UTF-8")
        .extracting(e -> ((ValidatorException) e).location().line())
        .isEqualTo(2);
  }

  @Test
  void byteOrderMarkAndCrlfAreAccepted() {
    YamlDocument d = loader.parse("\uFEFFa: 1\r\nb: 2\r\n", "f").get(0);
    assertThat(d.content().get("b").intValue()).isEqualTo(2);
  }

  @Test
  void mergeKeysMerge() {
    YamlDocument d = loader.parse("base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n", "f").get(0);
    assertThat(d.content().get("c").toString()).isEqualTo("{\"y\":3,\"x\":1}");
  }

  @Test
  void documentsOfAStreamShareFieldNamesAndShortValues() {
    String longValue = "x".repeat(65);
    List<YamlDocument> docs = loader.parse("kind: Service\nv: " + longValue + "\n---\nkind: Service\nv: " + longValue
        + "\n", "f");
    var a = docs.get(0).content();
    var b = docs.get(1).content();
    assertThat(b.get("kind")).isSameAs(a.get("kind"));
    assertThat(b.fieldNames().next()).isSameAs(a.fieldNames().next());
    assertThat(b.get("v")).isNotSameAs(a.get("v")).isEqualTo(a.get("v")); // long values are not kept
    Shared shared = new Shared();
    for (int i = 0; i < 60_000; i++) {
      shared.name("k" + i); // bounded: past the limit names are only not shared
    }
    assertThat(shared.name("k59999")).isEqualTo("k59999");
    assertThat(shared.name(new String("k1"))).isSameAs(shared.name("k1"));
  }

  @Test
  void decodesUtf8AndReportsAMalformedByteOnItsLine() {
    assertThat(loader.load("\u00e9t\u00e9: \u00fc\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "u").get(0)
        .content().get("\u00e9t\u00e9").asText()).isEqualTo("\u00fc");
    // a replacement character written in the input is text; a malformed byte is an error on its line
    assertThat(loader.load("a: \uFFFD\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "u").get(0)
        .content().get("a").asText()).isEqualTo("\uFFFD");
    assertThatThrownBy(() -> loader.load(new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, '\n'}, "bad.yaml"))
        .isInstanceOfSatisfying(ValidatorException.class,
            e -> assertThat(e.diagnostic()).isEqualTo("bad.yaml:2:1: error: invalid UTF-8 in input"));
  }

  /** Regression: SnakeYAML's reader failed with an index out of bounds (an internal error). */
  @Test
  void readsASurrogatePairThatStraddlesSnakeYamlsReadBuffer() {
    for (int pad = 1015; pad < 1030; pad++) {
      String text = "k: " + "x".repeat(pad - 3) + "\uD83D\uDE00 tail\nn: 1\n";
      YamlDocument d = loader.parse(text, "e.yaml").get(0);
      assertThat(d.content().get("k").asText()).endsWith("\uD83D\uDE00 tail");
      assertThat(d.locations().get("/n").toString()).isEqualTo("e.yaml:2:1");
    }
  }

  @Test
  void aSpecialCharacterIsAnErrorOfItsDocument() {
    assertThatThrownBy(() -> loader.parse("a: 1\n---\nb: \u0001\n", "s.yaml"))
        .isInstanceOfSatisfying(ValidatorException.class, e -> assertThat(e.diagnostic())
            .isEqualTo("s.yaml:3:4: error: invalid YAML: special character U+0001 is not allowed"));
  }

  /** Regression: a chain of deep anchored lists overflowed the stack once its aliases were expanded. */
  @Test
  void theNestingLimitHoldsOnceAliasesAreExpanded() {
    StringBuilder text = new StringBuilder("a0: &a0 " + "[".repeat(150) + "x" + "]".repeat(150) + "\n");
    for (int i = 1; i < 90; i++) {
      text.append("a").append(i).append(": &a").append(i).append(" ").append("[".repeat(150))
          .append("*a").append(i - 1).append("]".repeat(150)).append("\n");
    }
    assertThatThrownBy(() -> loader.parse(text.toString(), "deep.yaml"))
        .isInstanceOfSatisfying(ValidatorException.class, e -> assertThat(e.diagnostic())
            .isEqualTo("deep.yaml:1:59: error: invalid YAML: nesting too deep once aliases are expanded (limit maxNestingDepth)"));
    // within the limit, an alias of a deep list is read
    assertThat(loader.parse("a: &a " + "[".repeat(90) + "]".repeat(90) + "\nb: [*a]\n", "ok.yaml")).hasSize(1);
  }

  /** Regression: SnakeYAML's composer refused `!!foo` ("Global tag is not allowed"); kustomize keeps its value. */
  @Test
  void readsAnUnknownSecondaryTagsValueAsAString() {
    YamlDocument d = loader.parse("a: !!foo 1\nb: !!foo [x]\nc: !<tag:example.com,2000:t> v\n", "t.yaml").get(0);
    assertThat(d.content().toString()).isEqualTo("{\"a\":\"1\",\"b\":[\"x\"],\"c\":\"v\"}");
  }

  @Test
  void aliasAndNestingLimitsPointAtTheNodeThatPassesThem() {
    YamlLoader small = new YamlLoader(ScalarSchema.CORE_1_2, new YamlLimits(1 << 20, 2, 3, 1_000, 10));
    assertThatThrownBy(() -> small.parse("a: &a [1]\nb: [*a, *a]\nc: *a\n", "t.yaml"))
        .isInstanceOfSatisfying(ValidatorException.class, e -> assertThat(e.diagnostic()).isEqualTo(
            "t.yaml:3:4: error: invalid YAML: too many aliases (limit maxAliases; a \"billion laughs\" alias bomb?)"));
    // three collections around a node are allowed, four are not (SnakeYAML's composer counted so)
    assertThat(small.parse("a: [[x]]\nb: [[[]]]\n", "t.yaml")).hasSize(1);
    assertThatThrownBy(() -> small.parse("a: [[[x]]]\n", "t.yaml"))
        .isInstanceOfSatisfying(ValidatorException.class, e -> assertThat(e.diagnostic())
            .isEqualTo("t.yaml:1:7: error: invalid YAML: nesting too deep (limit maxNestingDepth)"));
  }
}
