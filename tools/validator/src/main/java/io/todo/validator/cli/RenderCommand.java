package io.todo.validator.cli;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Pipeline;
import io.todo.validator.pipeline.Target;
import io.todo.validator.pipeline.TargetResult;
import io.todo.validator.render.Renderer;
import io.todo.validator.render.YamlWriter;
import io.todo.validator.report.TextReporter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validator render PATH}: print what Argo CD would apply, byte for byte as kustomize. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print the rendered stream of PATH exactly as `kustomize build PATH` prints it.",
      "With --fail-closed (the Argo CD plugin), validate it first and print nothing unless it passes."
    })
public final class RenderCommand implements Callable<Integer> {
  /** Argo CD passes an Application's plugin env to the plugin with this prefix. */
  static final String ARGOCD_ENV = "ARGOCD_ENV_";

  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "A kustomization directory, manifests directory, file or -.")
  String path;

  @Option(names = "--fail-closed",
      description = "Validate the rendered stream; on any error-level finding, or an empty stream, print the"
          + " findings on stderr, nothing on stdout, and exit non-zero (so Argo CD never syncs or prunes from it).")
  boolean failClosed;

  @Option(names = "--environment", paramLabel = "ENV",
      description = "Policy environment for --fail-closed (default: $ARGOCD_ENV_VALIDATOR_ENVIRONMENT, else validator.yaml).")
  String environment;

  @Option(names = "--kubernetes-version", paramLabel = "1.NN",
      description = "Kubernetes version for --fail-closed (default: $ARGOCD_ENV_VALIDATOR_KUBERNETES_VERSION, else"
          + " validator.yaml, else the newest).")
  String kubernetesVersion;

  @Mixin HelmCliOptions helm;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    String env = environment != null ? environment : envVar("VALIDATOR_ENVIRONMENT");
    String version = kubernetesVersion != null ? kubernetesVersion : envVar("VALIDATOR_KUBERNETES_VERSION");
    Target target = new TargetResolver(parent.cwd()).resolve(List.of(path), env, version).get(0);
    Pipeline pipeline = new Pipeline(failClosed ? ValidateCommand.standardStages(parent.cwd(), List.of(),
        new SchemaCliOptions().stage(parent.cwd())) : List.of(),
        parent.stdin, parent.early, new Renderer(helm.settings()));
    List<Resource> resources = pipeline.render(target);
    if (failClosed) {
      TargetResult result = pipeline.check(target, resources);
      if (result.resources() == 0) {
        throw new ValidatorException(ExitCodes.USAGE,
            target.shown() + ": error: the rendered stream is empty; refusing to hand Argo CD nothing (fail closed)");
      }
      if (result.count(Severity.ERROR) > 0) {
        PrintWriter err = spec.commandLine().getErr();
        new TextReporter(false, true, false).write(List.of(result), Duration.ofNanos(System.nanoTime() - start), err);
        err.println(target.shown() + ": error: validation failed; nothing rendered (fail closed)");
        err.flush();
        return ExitCodes.FINDINGS;
      }
    }
    // rendered in full before anything is printed: never a partial stream
    String text = YamlWriter.stream(resources);
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private static String envVar(String name) {
    String v = System.getenv(ARGOCD_ENV + name);
    return v == null || v.isBlank() ? null : v.trim();
  }

}
