package io.todo.validator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus through the real kubeconform -strict, given our exported schemas (and each file's
 * own CRDs, as we use them): every resource kubeconform rejects we reject too, and every resource
 * only we reject is listed in {@code schema-cases/kubeconform-differences.txt} with the reason.
 */
class KubeconformDiffTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> sameCorpusAsKubeconform() throws Exception {
    Path kubeconform = KubeconformPeer.require();
    List<SchemaCases> cases = SchemaCases.all();
    Map<String, String> listed = listedDifferences(cases.get(0).file().resolveSibling("kubeconform-differences.txt"));
    return SchemaBundle.builtin().kubernetesVersions().stream()
        .map(v -> DynamicTest.dynamicTest(v, () -> compare(kubeconform, cases, v, listed)));
  }

  private void compare(Path kubeconform, List<SchemaCases> cases, String version, Map<String, String> listed)
      throws Exception {
    Path schemas = tmp.resolve(version);
    new SchemaExporter(SchemaBundle.builtin()).export(version, SchemaBundle.builtin().crds(), schemas);
    List<String> kubeconformOnly = new ArrayList<>();
    TreeSet<String> oursOnly = new TreeSet<>();
    for (SchemaCases c : cases) {
      List<Resource> resources = Manifests.asApplied().readFile(c.file(), c.name());
      Map<String, Boolean> ours = new TreeMap<>();
      Map<String, String> byRef = new TreeMap<>();
      for (Resource r : resources) {
        String key = key(c.name(), r.kind(), r.name() == null ? "" : r.name());
        ours.put(key, false);
        byRef.put(r.ref(), key);
      }
      for (Finding f : SchemaCasesTest.findings(c, version)) {
        ours.put(byRef.get(f.resource()), true);
      }
      Map<String, Boolean> theirs = kubeconform(kubeconform, c, version, schemas, resources);
      assertThat(theirs.keySet()).as("kubeconform's verdicts on " + c.name()).isEqualTo(ours.keySet());
      for (Map.Entry<String, Boolean> e : theirs.entrySet()) {
        boolean we = ours.get(e.getKey());
        if (e.getValue() && !we) {
          kubeconformOnly.add(e.getKey());
        } else if (!e.getValue() && we) {
          oursOnly.add(e.getKey());
        }
      }
    }
    assertThat(kubeconformOnly).as("resources kubeconform -strict rejects and we accept").isEmpty();
    TreeSet<String> expected = new TreeSet<>();
    listed.forEach((k, reason) -> {
      if (applies(k, version)) {
        expected.add(k.replaceAll(" @\\S+$", ""));
      }
    });
    assertThat(oursOnly).as("resources only we reject (kubeconform-differences.txt)").containsExactlyElementsOf(expected);
  }

  /** Resource key to rejected?, from one kubeconform run over one corpus file. */
  private Map<String, Boolean> kubeconform(Path bin, SchemaCases c, String version, Path schemas,
      List<Resource> resources) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(bin.toString(), "-output", "json", "-summary=false",
        "-verbose", "-kubernetes-version", version + ".0"));
    if (c.strict()) {
      cmd.add("-strict");
    }
    List<JsonNode> crds = resources.stream().map(Resource::object).filter(CrdIndex::isCrd)
        .map(o -> (JsonNode) o).toList();
    if (!crds.isEmpty()) {
      // the stream's own CRDs, as the validator uses them; kubeconform cannot read them itself
      Path own = tmp.resolve(version + "-" + c.name());
      new SchemaExporter(SchemaBundle.builtin()).export(version, crds, own, false);
      cmd.addAll(List.of("-schema-location", own.toString()));
    }
    cmd.addAll(List.of("-schema-location", schemas.toString(), c.file().toString()));
    Path out = tmp.resolve("out.json");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectErrorStream(false).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Map<String, Boolean> verdicts = new TreeMap<>();
    for (JsonNode r : JSON.readTree(out.toFile()).path("resources")) {
      String status = r.path("status").asText();
      verdicts.put(key(c.name(), r.path("kind").asText(), r.path("name").asText()),
          status.equals("statusInvalid") || status.equals("statusError"));
    }
    return verdicts;
  }

  private static String key(String file, String kind, String name) {
    return file + " " + kind + "/" + name;
  }

  /** "FILE Kind/name [@1.30-1.33]: reason" lines. */
  static Map<String, String> listedDifferences(Path file) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(": ");
      assertThat(colon).as("line without ': reason': " + line).isPositive();
      assertThat(line.substring(colon + 2)).as("reason of " + line).isNotBlank();
      out.put(line.substring(0, colon), line.substring(colon + 2));
    }
    return out;
  }

  private static boolean applies(String key, String version) {
    int at = key.lastIndexOf(" @");
    if (at < 0) {
      return true;
    }
    String[] ab = key.substring(at + 2).split("-");
    return SchemaBundle.compareVersions(version, ab[0]) >= 0 && SchemaBundle.compareVersions(version, ab[1]) <= 0;
  }
}
