package io.todo.validator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hostile shapes: every node of every failing corpus manifest is replaced in turn by a value of
 * each other JSON type; the rules must report or skip, never throw (only input errors are allowed),
 * and no finding may echo a secret value. Pathological values must not make the checks slow.
 */
class PolicyRobustnessTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<JsonNode> REPLACEMENTS = List.of(
      F.textNode("x"), F.numberNode(-1), F.booleanNode(true), F.nullNode(), F.arrayNode(), F.objectNode(),
      F.arrayNode().add(F.textNode("ALL")), F.textNode("1e999999999"),
      // a non-empty mapping where a list belongs: get(i) is null there (policy NPEs found by a fuzz)
      F.objectNode().put("a", "b"), F.objectNode().set("name", F.objectNode()),
      F.numberNode(Double.NaN), F.numberNode(Double.NEGATIVE_INFINITY));

  private static final PolicyStage STAGE = new PolicyStage(Catalogue.builtin(), PolicyConfig.defaults(), Waivers.none(), null,
      PolicyConfigCasesTest.TODAY);

  @Test
  void typeConfusionNeverThrows() throws Exception {
    int runs = 0;
    try (Stream<Path> files = Files.walk(PolicyCasesTest.root())) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("fail-") && p.toString().endsWith(".yaml")).sorted().toList()) {
        for (Resource original : new Manifests().readFile(f, "x.yaml")) {
          List<String> pointers = new ArrayList<>();
          collect(original.object(), "", pointers);
          for (String ptr : pointers) {
            for (JsonNode replacement : REPLACEMENTS) {
              Resource r = original.deepCopy();
              replace(r.object(), ptr, replacement);
              run(List.of(r), f + " " + ptr + " := " + replacement);
              runs++;
            }
          }
        }
      }
    }
    assertThat(runs).isGreaterThan(1000);
  }

  @Test
  void pathologicalValuesStayFast() {
    String longValue = "a".repeat(2_000_000) + "://" + "b".repeat(100_000);
    ObjectNode cm = F.objectNode();
    cm.put("apiVersion", "v1").put("kind", "ConfigMap");
    cm.putObject("metadata").put("name", "big").putObject("annotations").put("token", longValue);
    cm.putObject("data").put("URL", "x://" + ":".repeat(500_000) + "@".repeat(10));
    long start = System.nanoTime();
    run(List.of(new Resource(cm, new io.todo.validator.model.SourceMap())), "big values");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(Waiver.glob("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "a".repeat(5000))).isFalse();
    assertThat(Waiver.glob("Deployment/*/api-*", "Deployment/todo/api-v2")).isTrue();
  }

  @Test
  void secretValuesNeverAppearInFindings() throws Exception {
    List<String> fake = List.of("c3VwZXJzZWNyZXQ=", "not-a-real-key", "ghp_0123456789abcdefghijABCDEFGHIJ0123456789",
        "Sup3rS3cretPw", "q8Vz1xR4pLm2Tn7Ks9Wd", "AKIAABCDEFGHIJKLMNOP", "sk-proj-abcdefghijklmnopqrstuvwxyz012345", "not a key");
    for (String dir : List.of("SCR-001", "SCR-003")) {
      try (Stream<Path> files = Files.list(PolicyCasesTest.root().resolve(dir))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
          List<Finding> findings = STAGE.check(new Target(f, "x.yaml", "prod", null), new Manifests().readFile(f, "x.yaml"));
          for (Finding finding : findings) {
            for (String secret : fake) {
              assertThat(finding.subject()).doesNotContain(secret);
            }
          }
        }
      }
    }
  }

  private static void run(List<Resource> resources, String what) {
    try {
      STAGE.check(new Target(null, "x.yaml", "prod", "1.33"), resources);
    } catch (ValidatorException e) {
      // an input error with a location is a valid outcome (a malformed waiver annotation)
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": " + e, e);
    }
  }

  private static void collect(JsonNode n, String ptr, List<String> out) {
    if (!ptr.isEmpty()) {
      out.add(ptr);
    }
    if (n.isObject()) {
      n.fieldNames().forEachRemaining(k -> collect(n.get(k), ptr + "/" + io.todo.validator.model.SourceMap.escape(k), out));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collect(n.get(i), ptr + "/" + i, out);
      }
    }
  }

  private static void replace(ObjectNode root, String ptr, JsonNode value) {
    int slash = ptr.lastIndexOf('/');
    JsonNode parent = root.at(ptr.substring(0, slash));
    String key = ptr.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      o.set(key, value);
    } else if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(key), value);
    }
  }
}
