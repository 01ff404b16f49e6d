package io.todo.validator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.todo.validator.pipeline.EarlyRenders;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command; a bare path means {@code validate PATH}. */
@Command(
    name = "validator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Renders Kustomize overlays exactly as Argo CD does, validates them against Kubernetes and CRD",
      "schemas and the organisation's policies, and seals their secrets.",
      "",
      "  validator overlays/prod        same as: validator validate overlays/prod",
      "  kustomize build . | validator -  validate a stream on standard input",
      "  validator -C DIR ...           run as if started in DIR"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at error level",
      "1:findings at error level",
      "2:usage or input error (bad YAML, missing file, unsupported input)",
      "3:internal error"
    })
public final class ValidatorCommand implements Callable<Integer> {
  /**
   * The subcommands by name. Main registers only the one that runs (all of them for help and
   * errors): building picocli's model of every command by reflection was a fifth of a cold start.
   */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("validate", ValidateCommand::new);
    m.put("render", RenderCommand::new);
    m.put("schema-export", SchemaExportCommand::new);
    m.put("bench", BenchCommand::new);
    m.put("seal", SealCommand::new);
    m.put("unseal", UnsealCommand::new);
    m.put("fetch-cert", FetchCertCommand::new);
    m.put("promote", PromoteCommand::new);
    m.put("affected", AffectedCommand::new);
    m.put("diff", DiffCommand::new);
    m.put("contract", ContractCommand::new);
    m.put("policies", PoliciesCommand::new);
    return java.util.Collections.unmodifiableMap(m);
  }

  @Spec CommandSpec spec;

  final InputStream stdin;
  final Path cwd;
  /** Renders Main started before parsing; the render and validate commands take them. */
  final EarlyRenders early;

  ValidatorCommand(InputStream stdin, Path cwd) {
    this(stdin, cwd, EarlyRenders.NONE);
  }

  ValidatorCommand(InputStream stdin, Path cwd, EarlyRenders early) {
    this.stdin = stdin;
    this.cwd = cwd;
    this.early = early;
  }

  /** The working directory: relative paths and the validator.yaml search start here. */
  Path cwd() {
    return cwd;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
