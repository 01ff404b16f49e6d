package io.todo.validator.report;

import io.todo.validator.model.Finding;
import io.todo.validator.model.Severity;
import io.todo.validator.pipeline.TargetResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * GitHub Actions workflow commands: {@code ::error file=F,line=L,col=C,title=RULE::message}, so
 * findings show up as annotations on the pull request's diff.
 */
public final class GithubReporter implements Reporter {

  @Override
  public void write(List<TargetResult> results, Duration elapsed, PrintWriter out) {
    for (TargetResult r : results) {
      for (Finding f : r.findings()) {
        out.println(line(f));
      }
    }
    out.flush();
  }

  static String line(Finding f) {
    String command = f.severity() == Severity.ERROR ? "error" : f.severity() == Severity.WARNING ? "warning" : "notice";
    StringBuilder props = new StringBuilder();
    if (f.location() != null && !f.location().file().startsWith("<")) {
      props.append("file=").append(property(f.location().file()));
      if (f.location().line() > 0) {
        props.append(",line=").append(f.location().line()).append(",col=").append(f.location().column());
      }
      props.append(',');
    }
    props.append("title=").append(property(f.ruleId()));
    return "::" + command + " " + props + "::" + data(f.subject());
  }

  /** Escaping of a command's message (actions/toolkit: escapeData). */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escaping of a command's property value (actions/toolkit: escapeProperty). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
