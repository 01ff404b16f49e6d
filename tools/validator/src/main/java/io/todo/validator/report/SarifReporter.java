package io.todo.validator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Location;
import io.todo.validator.model.Severity;
import io.todo.validator.pipeline.TargetResult;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 for code-scanning tools: one run, the rules that fired as driver metadata, and one
 * result per finding with its physical location (file relative to the working directory, line,
 * column) and the resource as a logical location.
 */
public final class SarifReporter implements Reporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String toolVersion;

  public SarifReporter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public void write(List<TargetResult> results, Duration elapsed, PrintWriter out) {
    Map<String, Severity> rules = new TreeMap<>();
    for (TargetResult r : results) {
      for (Finding f : r.findings()) {
        rules.merge(f.ruleId(), f.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
    List<String> ruleIds = List.copyOf(rules.keySet());
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "validator");
    driver.put("version", toolVersion);
    ArrayNode ruleArray = driver.putArray("rules");
    for (String id : ruleIds) {
      ObjectNode rule = ruleArray.addObject();
      rule.put("id", id);
      rule.put("name", Rules.name(id));
      rule.putObject("shortDescription").put("text", Rules.describe(id));
      rule.putObject("defaultConfiguration").put("level", level(rules.get(id)));
    }
    ArrayNode resultArray = run.putArray("results");
    for (TargetResult r : results) {
      for (Finding f : r.findings()) {
        ObjectNode res = resultArray.addObject();
        res.put("ruleId", f.ruleId());
        res.put("ruleIndex", ruleIds.indexOf(f.ruleId()));
        res.put("level", level(f.severity()));
        res.putObject("message").put("text", f.subject());
        ObjectNode loc = res.putArray("locations").addObject();
        ObjectNode physical = physical(f.location());
        if (physical != null) {
          loc.set("physicalLocation", physical);
        }
        ObjectNode logical = loc.putArray("logicalLocations").addObject();
        logical.put("fullyQualifiedName", f.resource() == null ? r.target().shown() : f.resource());
        logical.put("kind", "resource");
        res.putObject("properties").put("target", r.target().shown());
      }
    }
    try {
      out.println(MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }

  private static ObjectNode physical(Location l) {
    if (l == null || l.file().startsWith("<")) {
      return null; // standard input has no artifact to point at
    }
    ObjectNode p = MAPPER.createObjectNode();
    p.putObject("artifactLocation").put("uri", uri(l.file()));
    if (l.line() > 0) {
      ObjectNode region = p.putObject("region");
      region.put("startLine", l.line());
      if (l.column() > 0) {
        region.put("startColumn", l.column());
      }
    }
    return p;
  }

  /** A relative path stays a relative URI reference (percent-encoded); an absolute one becomes file:. */
  static String uri(String file) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      return p.toUri().toString();
    }
    try {
      return new URI(null, null, file.replace('\\', '/'), null).getRawPath();
    } catch (URISyntaxException e) {
      return file;
    }
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
