package io.todo.validator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Location;
import io.todo.validator.model.Severity;
import io.todo.validator.pipeline.Target;
import io.todo.validator.pipeline.TargetResult;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every reporter carries the same findings; each format is checked for its consumers' needs. */
class ReportersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<TargetResult> sample() {
    Target prod = new Target(Path.of("/repo/overlays/prod"), "overlays/prod", "prod", "1.33");
    Target stdin = new Target(null, "<stdin>", null, null);
    Target clean = new Target(Path.of("/repo/overlays/dev"), "overlays/dev", "dev", null);
    return List.of(
        new TargetResult(prod, 12, List.of(
            new Finding(Severity.ERROR, "SCHEMA", "Deployment/todo/backend",
                "spec.template.spec.containers[0].ports[0].containerPort", "\"8000a\" is not an integer",
                new Location("base/backend/deployment.yaml", 24, 15)),
            new Finding(Severity.WARNING, "ADM-memory-limits", "Deployment/todo/backend", null,
                "containers must set resources.limits.memory: 50% <done>, \"a\"",
                new Location("base/dir with space/x.yaml", 2, 1)))),
        new TargetResult(stdin, 1, List.of(
            new Finding(Severity.INFO, "SEAL-007", null, null, "line one\nline two", Location.of("<stdin>")))),
        new TargetResult(clean, 5, List.of()));
  }

  private static String render(Reporter r) {
    StringWriter sw = new StringWriter();
    r.write(sample(), Duration.ofMillis(1234), new PrintWriter(sw));
    return sw.toString();
  }

  @Test
  void jsonCarriesEveryFindingAndTheSummary() throws Exception {
    JsonNode root = JSON.readTree(render(new JsonReporter()));
    assertThat(root.path("summary").path("errors").asInt()).isEqualTo(1);
    assertThat(root.path("summary").path("warnings").asInt()).isEqualTo(1);
    assertThat(root.path("summary").path("infos").asInt()).isEqualTo(1);
    assertThat(root.path("summary").path("resources").asInt()).isEqualTo(18);
    JsonNode first = root.path("targets").get(0).path("findings").get(0);
    assertThat(first.path("rule").asText()).isEqualTo("SCHEMA");
    assertThat(first.path("field").asText()).isEqualTo("spec.template.spec.containers[0].ports[0].containerPort");
    assertThat(first.path("file").asText()).isEqualTo("base/backend/deployment.yaml");
    assertThat(first.path("line").asInt()).isEqualTo(24);
    assertThat(first.path("column").asInt()).isEqualTo(15);
    assertThat(root.path("targets").get(0).path("kubernetesVersion").asText()).isEqualTo("1.33");
    assertThat(root.path("targets").get(1).path("findings").get(0).has("line")).isFalse();
    assertThat(root.path("targets").get(2).path("findings")).isEmpty();
  }

  @Test
  void githubAnnotationsEscapeDataAndProperties() {
    List<String> lines = render(new GithubReporter()).lines().toList();
    assertThat(lines).containsExactly(
        "::error file=base/backend/deployment.yaml,line=24,col=15,title=SCHEMA::Deployment/todo/backend: "
            + "spec.template.spec.containers[0].ports[0].containerPort: \"8000a\" is not an integer",
        "::warning file=base/dir with space/x.yaml,line=2,col=1,title=ADM-memory-limits::Deployment/todo/backend: "
            + "containers must set resources.limits.memory: 50%25 <done>, \"a\"",
        "::notice title=SEAL-007::line one%0Aline two");
  }

  @Test
  void junitIsWellFormedWithOneCasePerResourceAndRule() throws Exception {
    String xml = render(new JunitReporter());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).isEqualTo("4");
    assertThat(suites.getAttribute("failures")).isEqualTo("1");
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("SCHEMA");
    assertThat(failure.getTextContent()).contains("base/backend/deployment.yaml:24:15: error:");
    assertThat(xml).contains("name=\"5 resources valid\"");
  }

  @Test
  void sarifHasRuleMetadataAndPhysicalLocations() throws Exception {
    JsonNode root = JSON.readTree(render(new SarifReporter("1.2.3")));
    assertThat(root.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = root.path("runs").get(0);
    JsonNode rules = run.path("tool").path("driver").path("rules");
    assertThat(rules).extracting(r -> r.path("id").asText()).containsExactly("ADM-memory-limits", "SCHEMA", "SEAL-007");
    assertThat(rules.get(1).path("defaultConfiguration").path("level").asText()).isEqualTo("error");
    assertThat(rules.get(1).path("shortDescription").path("text").asText()).isNotBlank();
    JsonNode results = run.path("results");
    assertThat(results).hasSize(3);
    JsonNode first = results.get(0);
    assertThat(first.path("ruleIndex").asInt()).isEqualTo(1);
    JsonNode physical = first.path("locations").get(0).path("physicalLocation");
    assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("base/backend/deployment.yaml");
    assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(24);
    assertThat(physical.path("region").path("startColumn").asInt()).isEqualTo(15);
    assertThat(results.get(1).path("locations").get(0).path("physicalLocation").path("artifactLocation")
        .path("uri").asText()).isEqualTo("base/dir%20with%20space/x.yaml");
    assertThat(results.get(2).path("level").asText()).isEqualTo("note");
    assertThat(results.get(2).path("locations").get(0).has("physicalLocation")).isFalse();
  }

  /** Against the official SARIF 2.1.0 schema, fetched by tools/scripts/fetch-sarif-schema.sh. */
  @Test
  void sarifIsValidAgainstTheSarifSchema() throws Exception {
    Path schemaFile = Path.of(System.getProperty("validator.repo.root", "../.."), ".tools/sarif/sarif-schema-2.1.0.json");
    boolean required = "1".equals(System.getenv("VALIDATOR_PEERS_REQUIRED"));
    assumeTrue(required || Files.isRegularFile(schemaFile), "run tools/scripts/fetch-sarif-schema.sh to enable");
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
        .getSchema(JSON.readTree(schemaFile.toFile()));
    Set<ValidationMessage> errors = schema.validate(JSON.readTree(render(new SarifReporter("1.2.3"))));
    assertThat(errors).isEmpty();
    assertThat(schema.validate(JSON.readTree("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{}}]}"))).isNotEmpty();
  }
}
