package io.todo.validator.cli;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.report.GithubReporter;
import io.todo.validator.report.JsonReporter;
import io.todo.validator.report.JunitReporter;
import io.todo.validator.report.Reporter;
import io.todo.validator.report.SarifReporter;
import io.todo.validator.report.TextReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Output format options shared by the commands that report findings. */
public final class OutputOptions {

  /** A requested output: a format and, optionally, the file it goes to. */
  public record Output(String format, String file) {}

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT[=FILE]",
      description = "Output format: text, json, junit, sarif, github (repeatable; FORMAT=FILE writes a file). Default: text.")
  List<String> outputs = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "Print only errors (and the summary when there are any).")
  boolean quiet;

  @Option(names = "--summary", description = "Print a summary line per target.")
  boolean summary;

  @Option(names = "--no-color", description = "Never colour the text output.")
  boolean noColor;

  public List<Output> parsed() {
    List<Output> list = new ArrayList<>();
    if (outputs.isEmpty()) {
      list.add(new Output("text", null));
    }
    for (String o : outputs) {
      int eq = o.indexOf('=');
      String format = (eq < 0 ? o : o.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      String file = eq < 0 ? null : o.substring(eq + 1);
      if (file != null && file.isBlank()) {
        throw new ValidatorException(ExitCodes.USAGE, "--output " + o + ": missing file name after '='");
      }
      reporter(format); // validates the name
      list.add(new Output(format, file));
    }
    return list;
  }

  public Reporter reporter(String format) {
    switch (format) {
      case "text":
        return new TextReporter(!noColor && System.console() != null && System.getenv("NO_COLOR") == null, quiet, summary);
      case "json":
        return new JsonReporter();
      case "junit":
        return new JunitReporter();
      case "sarif":
        return new SarifReporter(toolVersion());
      case "github":
        return new GithubReporter();
      default:
        throw new ValidatorException(
            ExitCodes.USAGE, "unknown output format '" + format + "' (expected text, json, junit, sarif or github)");
    }
  }

  private static String toolVersion() {
    String v = OutputOptions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
