package io.todo.validator.report;

import io.todo.validator.model.Finding;
import io.todo.validator.model.Severity;
import io.todo.validator.pipeline.TargetResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML for CI test tabs: one test suite per target, one test case per resource and rule
 * with findings (failed when any is an error), and a passing case when a target is clean.
 */
public final class JunitReporter implements Reporter {

  @Override
  public void write(List<TargetResult> results, Duration elapsed, PrintWriter out) {
    List<String> suites = new ArrayList<>();
    int totalTests = 0;
    int totalFailures = 0;
    for (TargetResult r : results) {
      Map<String, List<Finding>> cases = new LinkedHashMap<>();
      for (Finding f : r.findings()) {
        String name = "[" + f.ruleId() + "] " + (f.resource() == null ? "(stream)" : f.resource());
        cases.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
      }
      StringBuilder suite = new StringBuilder();
      int failures = 0;
      for (Map.Entry<String, List<Finding>> c : cases.entrySet()) {
        boolean failed = c.getValue().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        suite.append("    <testcase classname=\"").append(attr(r.target().shown())).append("\" name=\"")
            .append(attr(c.getKey())).append("\">\n");
        StringBuilder body = new StringBuilder();
        for (Finding f : c.getValue()) {
          body.append(f.location() == null ? "" : f.location() + ": ").append(f.severity().label()).append(": ")
              .append(f.subject()).append('\n');
        }
        if (failed) {
          failures++;
          Finding first = c.getValue().stream().filter(f -> f.severity() == Severity.ERROR).findFirst().orElseThrow();
          suite.append("      <failure type=\"").append(attr(first.ruleId())).append("\" message=\"")
              .append(attr(first.subject())).append("\">").append(text(body.toString())).append("</failure>\n");
        } else {
          suite.append("      <system-out>").append(text(body.toString())).append("</system-out>\n");
        }
        suite.append("    </testcase>\n");
      }
      int tests = cases.size();
      if (cases.isEmpty()) {
        tests = 1;
        suite.append("    <testcase classname=\"").append(attr(r.target().shown()))
            .append("\" name=\"").append(r.resources()).append(" resources valid\"/>\n");
      }
      totalTests += tests;
      totalFailures += failures;
      suites.add("  <testsuite name=\"" + attr(r.target().shown()) + "\" tests=\"" + tests + "\" failures=\""
          + failures + "\" errors=\"0\" skipped=\"0\">\n" + suite + "  </testsuite>\n");
    }
    out.print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.printf(Locale.ROOT, "<testsuites name=\"validator\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.3f\">%n",
        totalTests, totalFailures, elapsed.toMillis() / 1000.0);
    suites.forEach(out::print);
    out.print("</testsuites>\n");
    out.flush();
  }

  static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
  }

  /** XML 1.0 text: escapes markup and drops characters XML cannot carry. */
  static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> {
          boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
          sb.appendCodePoint(legal ? c : 0xFFFD);
        }
      }
    });
    return sb.toString();
  }
}
