package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** valuesInline against the chart's values file, as kustomize writes the file it gives helm. */
class HelmValuesTest {
  private static final String CHART = """
      # comment
      feature: yes
      since: 2001-12-14
      nested:
        keep: kept
        change: old
      list: [a, b]
      """;

  /** valuesInline as the kustomization loader reads it (YAML 1.1, as sigs.k8s.io/yaml). */
  private static ObjectNode inline(String yaml) {
    return (ObjectNode) new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT).parse(yaml, "k").get(0).content();
  }

  private static String prepare(String chart, String inline, String merge) {
    byte[] file = chart == null ? null : chart.getBytes(StandardCharsets.UTF_8);
    return new String(HelmValues.prepare(file, inline == null ? null : inline(inline), merge), StandardCharsets.UTF_8);
  }

  @Test
  void withoutValuesInlineTheFileIsUnchanged() {
    assertThat(prepare(CHART, null, "override")).isEqualTo(CHART);
    assertThat(prepare(CHART, "{}", "replace")).isEqualTo(CHART);
  }

  @Test
  void overrideLetsValuesInlineWinAndReplacesLists() {
    assertThat(prepare(CHART, "nested: {change: new, keep: null, added: 3.0}\nlist: [c]\n", "override"))
        .isEqualTo("""
            feature: "yes"
            list:
            - c
            nested:
              added: 3
              change: new
            since: "2001-12-14T00:00:00Z"
            """);
  }

  @Test
  void mergeLetsTheValuesFileWin() {
    assertThat(prepare(CHART, "feature: no\nnested: {change: new, added: x}\nwhen: 2020-01-02\n", "merge"))
        .isEqualTo("""
            feature: "yes"
            list:
            - a
            - b
            nested:
              added: x
              change: old
              keep: kept
            since: "2001-12-14T00:00:00Z"
            when: "2020-01-02"
            """);
  }

  @Test
  void replaceIgnoresTheValuesFile() {
    assertThat(prepare(null, "on: on\nbig: 12345678901234567890\n", "replace"))
        .isEqualTo("big: 12345678901234567000\n\"true\": true\n");
  }

  @Test
  void failsAsKustomizeOnValuesItCannotMerge() {
    assertThatThrownBy(() -> prepare("# only a comment\n", "a: 1", "override"))
        .hasMessage("could not parse values file into rnode: EOF");
    assertThatThrownBy(() -> prepare("[1, 2]\n", "a: 1", "merge"))
        .hasMessageStartingWith("could not merge values: wrong node kind: expected SequenceNode");
  }
}
