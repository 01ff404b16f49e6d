package io.todo.validator.cli;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Severity;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Pipeline;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import io.todo.validator.pipeline.TargetResult;
import io.todo.validator.render.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validator validate [PATH...]}: render, check schemas and policies, report. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Render each PATH (a kustomization directory, a directory of manifests, a YAML/JSON file, or - for",
      "standard input) and validate what Argo CD would apply. With no PATH: the overlays named in",
      "validator.yaml, else every overlays/* directory that holds a kustomization."
    })
public final class ValidateCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "What to validate.")
  List<String> paths = new ArrayList<>();

  @Option(names = {"--kubernetes-version", "-kubernetes-version"}, paramLabel = "1.NN",
      description = "Kubernetes version to validate against (default: per overlay from validator.yaml, else the newest).")
  String kubernetesVersion;

  @Option(names = "--environment", paramLabel = "ENV",
      description = "Policy environment (dev, minikube, prod); default: per overlay from validator.yaml.")
  String environment;

  @Option(names = "--private-key", paramLabel = "FILE",
      description = "Sealed Secrets private key (PEM or key Secret backup): also check that every SealedSecret decrypts.")
  List<Path> privateKeys = new ArrayList<>();

  @Mixin OutputOptions output;

  @Mixin SchemaCliOptions schema;

  @Mixin HelmCliOptions helm;

  /** Targets validated at once: one per core, at most four (each holds its rendered output). */
  static final int WORKERS = Math.min(4, Runtime.getRuntime().availableProcessors());

  @Override
  public Integer call() {
    long start = System.nanoTime();
    TargetResolver resolver = new TargetResolver(parent.cwd());
    List<Target> targets = resolver.resolve(paths, environment, kubernetesVersion);
    List<OutputOptions.Output> outputs = output.parsed();
    Pipeline pipeline = new Pipeline(stages(), parent.stdin, parent.early, new Renderer(helm.settings()));
    List<TargetResult> results = new ArrayList<>();
    List<ValidatorException> errors = new ArrayList<>();
    for (Pipeline.Outcome o : pipeline.validateAll(targets, WORKERS)) {
      if (o.error() != null) {
        errors.add(o.error());
      } else {
        results.add(o.result());
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    for (ValidatorException e : errors) {
      for (ValidatorException one : e.all()) {
        err.println(one.diagnostic());
      }
    }
    err.flush();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    for (OutputOptions.Output o : outputs) {
      write(o, results, elapsed);
    }
    if (!errors.isEmpty()) {
      return errors.stream().mapToInt(ValidatorException::exitCode).max().orElse(ExitCodes.USAGE);
    }
    boolean failed = results.stream().anyMatch(r -> r.count(Severity.ERROR) > 0);
    return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private List<Stage> stages() {
    return standardStages(parent.cwd(), privateKeys, schema.stage(parent.cwd()));
  }

  /**
   * Every check; shared with {@code render --fail-closed}. Findings are sorted afterwards, so the
   * order is the order of work: admission policies last, because their CEL runtime is still being
   * built on the warm-up thread when a cold run checks its first target.
   */
  static List<Stage> standardStages(java.nio.file.Path cwd, List<java.nio.file.Path> privateKeys, Stage schemaStage) {
    return List.of(
        schemaStage,
        io.todo.validator.seal.SealedSecretStage.withKeyFiles(privateKeys),
        new io.todo.validator.contract.ContractStage(cwd),
        new io.todo.validator.policy.PolicyStage(cwd),
        new io.todo.validator.admission.AdmissionStage(cwd));
  }

  private void write(OutputOptions.Output o, List<TargetResult> results, Duration elapsed) {
    if (o.file() == null) {
      output.reporter(o.format()).write(results, elapsed, spec.commandLine().getOut());
      return;
    }
    StringWriter buffer = new StringWriter();
    try (PrintWriter pw = new PrintWriter(buffer)) {
      output.reporter(o.format()).write(results, elapsed, pw);
    }
    Path file = Path.of(o.file());
    try {
      // write whole or not at all: a temporary file renamed into place
      Path abs = file.toAbsolutePath();
      Path tmp = Files.createTempFile(abs.getParent(), ".validator", ".tmp");
      Files.writeString(tmp, buffer.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot write " + o.file() + ": " + e.getClass().getSimpleName());
    }
  }
}
