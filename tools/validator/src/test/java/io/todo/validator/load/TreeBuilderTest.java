package io.todo.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.model.ValidatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The event-driven tree builder against the composer's node graph it replaced. */
class TreeBuilderTest {
  private static final String[] SCALARS = {"1", "0x1F", "010", "true", "yes", "~", "null", "", "2001-12-14", "1.5",
      "'q'", "\"d\\u00e9\"", "!!str 1", "!!int 7", "!!int x", "!!float 3", "!!bool true", "!!null ''", "!Ref v",
      "!!binary aGVsbG8=", "!!timestamp 2001-12-14", "plain text", "'<<'", "!<tag:x.com,2000:y> v", "! 12", "!!foo 1", "!!foo [1]"};
  private static final String[] KEYS = {"k", "metadata", "annotations", "x", "y", "z", "name", "<<", "<<",
      "!!merge <<", "'1'", "a b", "\"q\"", "'~'"};
  /** Keys kustomize cannot encode, or that a YAML 1.1 reading turns into other strings. */
  private static final String[] ODD_KEYS = {"1", "true", "2001-01-01", "~", "yes", "0x1F"};
  private static final String[] ANCHORS = {"a", "m", "b"};
  private static final String[] MERGED = {"*a", "*m", "[*m, *a]", "[*a, {x: 9, w: 8}]", "{x: 5}", "*b", "[]"};

  @Test
  void buildsWhatTheComposedGraphGaveOnRandomDocuments() {
    Random random = new Random(5);
    int failures = 0;
    int mergedAliases = 0;
    for (int n = 0; n < 20_000; n++) {
      String text = document(random);
      ScalarSchema schema = random.nextInt(4) == 0 ? ScalarSchema.YAML_1_1 : ScalarSchema.CORE_1_2;
      YamlLimits limits = random.nextInt(3) == 0 ? new YamlLimits(1 << 20, 2, 4, 40, 100) : YamlLimits.DEFAULT;
      boolean annotationText = random.nextBoolean();
      List<String> expected = reference(text, schema, limits, annotationText);
      List<String> actual = built(text, schema, limits, annotationText);
      String what = text + "\nreference: " + expected + "\nbuilt: " + actual;
      if (String.join("", expected).contains("error") || String.join("", actual).contains("error")) {
        failures++;
      } else if (text.contains("*") && text.contains("<<")) {
        mergedAliases++;
      }
      assertThat(actual).as(what).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        String e = expected.get(i);
        String a = actual.get(i);
        if (e.startsWith("SnakeYAML")) {
          // the composer's own errors (its limits among them), which it met before converting
          // anything; the builder meets them in stream order, after an earlier error of the document
          assertThat(a).as(what).contains("error: ");
        } else if (a.contains("once aliases are expanded")) {
          // a limit the composed graph did not have (its walk overflowed the stack instead)
          assertThat(String.join("", actual)).as(what).contains("(limit maxNestingDepth)");
        } else if (e.contains("recursive alias") || a.contains("recursive alias")) {
          // found as the alias is read, where the graph's walk found another error of the document first
          assertThat(a).as(what).contains("error: ");
        } else {
          assertThat(a).as(what).isEqualTo(e);
        }
      }
    }
    // the generator must reach both outcomes
    assertThat(failures).isBetween(2_000, 18_000);
    assertThat(mergedAliases).as("documents read with aliases and merge keys").isGreaterThan(1_000);
  }

  /** Per document: its tree and source map, or its error. */
  private static List<String> reference(String text, ScalarSchema schema, YamlLimits limits, boolean annotationText) {
    ComposedReference reference = new ComposedReference(schema, limits, annotationText);
    List<String> out = new ArrayList<>();
    for (Chunk chunk : DocumentSplitter.split(text)) {
      try {
        out.add(describe(reference.document(new Chunk(chunk.text(), 0), "t.yaml")));
      } catch (ValidatorException e) {
        out.add(e.diagnostic());
      } catch (RuntimeException e) {
        out.add("SnakeYAML " + e.getClass().getSimpleName());
      }
    }
    return out;
  }

  private static List<String> built(String text, ScalarSchema schema, YamlLimits limits, boolean annotationText) {
    YamlLoader loader = annotationText ? new YamlLoader(schema, limits).keepingAnnotationText() : new YamlLoader(schema, limits);
    List<String> out = new ArrayList<>();
    for (Chunk chunk : DocumentSplitter.split(text)) {
      try {
        out.add(describe(loader.parse(chunk.text(), "t.yaml").get(0)));
      } catch (ValidatorException e) {
        out.add(e.diagnostic());
      }
    }
    return out;
  }

  private static String describe(YamlDocument d) {
    if (d.content() == null) {
      return "(none)\n";
    }
    return d.content().getClass().getSimpleName() + " " + d.content() + " " + new TreeMap<>(d.locations().entries()) + "\n";
  }

  /** A stream of one or two documents: block mappings at the top, flow collections below. */
  private static String document(Random random) {
    StringBuilder text = new StringBuilder();
    for (int doc = random.nextInt(5) == 0 ? 2 : 1; doc > 0; doc--) {
      if (text.length() > 0) {
        text.append("---\n");
      }
      if (random.nextInt(3) > 0) {
        text.append("defs: [&a {x: 1, y: [2, 3]}, &m {name: n, z: &b z}]\n");
      }
      block(random, text, 0, 0);
    }
    return text.toString();
  }

  private static void block(Random random, StringBuilder text, int indent, int depth) {
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      String key = key(random);
      text.append(" ".repeat(indent)).append(key).append(":");
      if (key.endsWith("<<") && random.nextBoolean()) {
        text.append(" ").append(pick(random, MERGED)).append("\n");
        continue;
      }
      if (depth < 2 && random.nextInt(3) == 0) {
        if (random.nextInt(4) == 0) {
          text.append(" &").append(pick(random, ANCHORS));
        }
        text.append("\n");
        block(random, text, indent + 2, depth + 1);
      } else {
        text.append(" ").append(flow(random, depth)).append("\n");
      }
    }
  }

  private static String flow(Random random, int depth) {
    int choice = random.nextInt(depth > 3 ? 3 : 6);
    String anchor = random.nextInt(5) == 0 ? "&" + pick(random, ANCHORS) + " " : "";
    switch (choice) {
      case 0:
      case 1:
        return anchor + pick(random, SCALARS);
      case 2:
        return "*" + pick(random, ANCHORS);
      case 3: {
        List<String> items = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          items.add(flow(random, depth + 1));
        }
        return anchor + "[" + String.join(", ", items) + "]";
      }
      default: {
        List<String> entries = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          String key = key(random);
          entries.add(key + ": " + (key.endsWith("<<") && random.nextBoolean() ? pick(random, MERGED) : flow(random, depth + 1)));
        }
        if (random.nextInt(8) == 0) {
          entries.add("? [c]: 1");
        }
        return anchor + "{" + String.join(", ", entries) + "}";
      }
    }
  }

  private static String key(Random random) {
    return random.nextInt(30) == 0 ? pick(random, ODD_KEYS) : random.nextInt(8) == 0 ? "metadata" : pick(random, KEYS);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
