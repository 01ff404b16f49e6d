package io.todo.validator.report;

import io.todo.validator.model.Finding;
import io.todo.validator.model.Severity;
import io.todo.validator.pipeline.TargetResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * The human format: {@code path:line:col: error: [RULE] Kind/ns/name: field: message}, then a
 * summary line with counts by severity and the elapsed time.
 */
public final class TextReporter implements Reporter {
  private final boolean color;
  private final boolean quiet;
  private final boolean summaryPerTarget;

  public TextReporter(boolean color, boolean quiet, boolean summaryPerTarget) {
    this.color = color;
    this.quiet = quiet;
    this.summaryPerTarget = summaryPerTarget;
  }

  @Override
  public void write(List<TargetResult> results, Duration elapsed, PrintWriter out) {
    long errors = 0;
    long warnings = 0;
    long infos = 0;
    int resources = 0;
    for (TargetResult r : results) {
      for (Finding f : r.findings()) {
        if (quiet && f.severity() != Severity.ERROR) {
          continue;
        }
        out.println(line(f));
      }
      errors += r.count(Severity.ERROR);
      warnings += r.count(Severity.WARNING);
      infos += r.count(Severity.INFO);
      resources += r.resources();
      if (summaryPerTarget) {
        out.printf(
            "%s: %d resources, %d errors, %d warnings, %d infos%n",
            r.target().shown(), r.resources(), r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO));
      }
    }
    if (!quiet || errors > 0) {
      out.printf(
          "%d targets, %d resources: %d errors, %d warnings, %d infos (%d ms)%n",
          results.size(), resources, errors, warnings, infos, elapsed.toMillis());
    }
    out.flush();
  }

  String line(Finding f) {
    String sev = f.severity().label();
    if (color) {
      sev = (f.severity() == Severity.ERROR ? "\u001b[31m" : f.severity() == Severity.WARNING ? "\u001b[33m" : "\u001b[36m")
          + sev + "\u001b[0m";
    }
    String where = f.location() == null ? "" : f.location() + ": ";
    return where + sev + ": [" + f.ruleId() + "] " + f.subject();
  }
}
