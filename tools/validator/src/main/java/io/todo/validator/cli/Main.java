package io.todo.validator.cli;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.EarlyRenders;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Entry point. {@link #run} takes its streams as arguments so that tests run the CLI in-process;
 * only {@link #main} calls {@code System.exit}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    return run(args, in, out, err, Path.of("").toAbsolutePath());
  }

  /**
   * Runs with an explicit working directory (tests, {@code -C DIR}): relative paths and the search
   * for validator.yaml start there.
   */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, Path cwd) {
    if (args.length >= 2 && (args[0].equals("-C") || args[0].equals("--directory"))) {
      cwd = cwd.resolve(args[1]).normalize();
      args = Arrays.copyOfRange(args, 2, args.length);
    }
    String[] full = withDefaultCommand(args);
    String only = full.length > 0 && ValidatorCommand.SUBCOMMANDS.containsKey(full[0]) ? full[0] : null;
    EarlyRenders early = Speculation.start(full, cwd);
    CommandLine cli = commandLine(in, out, err, cwd, only, early);
    try {
      return cli.execute(full);
    } catch (StackOverflowError e) {
      // an Error passes picocli's handler; the input's nesting is limited, so this is a bug too
      return internalError(err, e);
    }
  }

  /** A bug: said without a stack trace unless asked for one. */
  private static int internalError(PrintWriter err, Throwable ex) {
    err.println("error: internal error: " + ex.getClass().getSimpleName() + " (run with VALIDATOR_DEBUG=1 for details)");
    if (System.getenv("VALIDATOR_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /** The command line with every subcommand, or only {@code only} when it is the one that runs. */
  static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, Path cwd, String only,
      EarlyRenders early) {
    CommandLine cli = new CommandLine(new ValidatorCommand(in, cwd, early));
    ValidatorCommand.SUBCOMMANDS.forEach((name, command) -> {
      // validate is always there: promote and affected run it on the commands' own command line
      if (only == null || only.equals(name) || name.equals("validate")) {
        cli.addSubcommand(name, command.get());
      }
    });
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    Handlers handlers = new Handlers();
    cli.setExecutionExceptionHandler(handlers);
    cli.setParameterExceptionHandler(handlers);
    return cli;
  }

  /**
   * How errors end a run. A class, not two lambdas: a lambda of picocli's (Java 5) handler
   * interfaces links them while the class-data archive is dumped, and a linked old class is left
   * out of the archive, the lambdas with it; they were spun again on every start.
   */
  private static final class Handlers
      implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parsed) {
      PrintWriter e = commandLine.getErr();
      if (ex instanceof ValidatorException ve) {
        for (ValidatorException one : ve.all()) {
          e.println(one.diagnostic());
        }
        e.flush();
        return ve.exitCode();
      }
      return internalError(e, ex);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      PrintWriter e = ex.getCommandLine().getErr();
      e.println("error: " + ex.getMessage());
      e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      e.flush();
      return ExitCodes.USAGE;
    }
  }

  /** {@code validator overlays/prod} and {@code validator -} mean {@code validator validate ...}. */
  static String[] withDefaultCommand(String[] args) {
    if (args.length == 0) {
      return new String[] {"validate"};
    }
    String first = args[0];
    boolean isSubcommand = ValidatorCommand.SUBCOMMANDS.containsKey(first);
    boolean isTopOption = List.of("-h", "--help", "-V", "--version").contains(first);
    if (isSubcommand || isTopOption) {
      return args;
    }
    List<String> all = new ArrayList<>();
    all.add("validate");
    all.addAll(Arrays.asList(args));
    return all.toArray(String[]::new);
  }
}
