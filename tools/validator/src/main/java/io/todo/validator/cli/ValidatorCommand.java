package io.todo.validator.cli;

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
    subcommands = {
      ValidateCommand.class,
      RenderCommand.class,
      SchemaBundleCommand.class,
      SchemaExportCommand.class,
      BenchCommand.class,
      SealCommand.class,
      UnsealCommand.class,
      FetchCertCommand.class,
      PromoteCommand.class,
      AffectedCommand.class,
      DiffCommand.class,
      ContractCommand.class,
      PoliciesCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at error level",
      "1:findings at error level",
      "2:usage or input error (bad YAML, missing file, unsupported input)",
      "3:internal error"
    })
public final class ValidatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  final InputStream stdin;
  final Path cwd;

  ValidatorCommand(InputStream stdin, Path cwd) {
    this.stdin = stdin;
    this.cwd = cwd;
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
