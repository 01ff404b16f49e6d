package io.todo.validator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Severity;
import io.todo.validator.pipeline.TargetResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Machine-readable findings: {@code {"summary": {...}, "targets": [{"target", "resources",
 * "findings": [{"severity", "rule", "resource", "field", "message", "file", "line", "column"}]}]}}.
 */
public final class JsonReporter implements Reporter {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(List<TargetResult> results, Duration elapsed, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode summary = root.putObject("summary");
    summary.put("targets", results.size());
    summary.put("resources", results.stream().mapToInt(TargetResult::resources).sum());
    for (Severity s : Severity.values()) {
      summary.put(s.label() + "s", results.stream().mapToLong(r -> r.count(s)).sum());
    }
    summary.put("elapsedMillis", elapsed.toMillis());
    ArrayNode targets = root.putArray("targets");
    for (TargetResult r : results) {
      ObjectNode t = targets.addObject();
      t.put("target", r.target().shown());
      putIfNotNull(t, "environment", r.target().environment());
      putIfNotNull(t, "kubernetesVersion", r.target().kubernetesVersion());
      t.put("resources", r.resources());
      ArrayNode findings = t.putArray("findings");
      for (Finding f : r.findings()) {
        findings.add(finding(f));
      }
    }
    try {
      out.println(MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }

  static ObjectNode finding(Finding f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("severity", f.severity().label());
    n.put("rule", f.ruleId());
    putIfNotNull(n, "resource", f.resource());
    putIfNotNull(n, "field", f.field());
    n.put("message", f.message());
    if (f.location() != null) {
      n.put("file", f.location().file());
      if (f.location().line() > 0) {
        n.put("line", f.location().line());
        n.put("column", f.location().column());
      }
    }
    return n;
  }

  private static void putIfNotNull(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }
}
