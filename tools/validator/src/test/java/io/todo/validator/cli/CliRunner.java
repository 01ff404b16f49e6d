package io.todo.validator.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
public final class CliRunner {

  /** What one run produced. */
  public record Result(int exitCode, String out, String err) {}

  private CliRunner() {}

  public static Result run(String... args) {
    return runWithStdin("", args);
  }

  public static Result runWithStdin(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  public static Result run(InputStream stdin, String... args) {
    return runIn(Path.of("").toAbsolutePath(), stdin, args);
  }

  /** Runs as if started in {@code cwd} (relative paths, validator.yaml search). */
  public static Result runIn(Path cwd, String... args) {
    return runIn(cwd, new ByteArrayInputStream(new byte[0]), args);
  }

  public static Result runIn(Path cwd, InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      code = Main.run(args, stdin, o, e, cwd);
    }
    return new Result(code, out.toString(), err.toString());
  }
}
