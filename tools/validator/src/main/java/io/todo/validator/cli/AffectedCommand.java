package io.todo.validator.cli;

import io.todo.validator.config.RepoConfig;
import io.todo.validator.hook.OverlayInputs;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.pipeline.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code validator affected FILE...}: which overlays a change touches; with {@code --validate},
 * validate just those (the pre-commit hook). A change outside every overlay's inputs validates
 * nothing and exits 0.
 */
@Command(
    name = "affected",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print the overlays whose rendered output can change when FILEs change (their kustomizations,",
      "resources, patches, generator sources, components, ...). With --validate, validate those overlays.",
      "validator.yaml and files under the policies directory affect every overlay."
    })
public final class AffectedCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Changed files (as pre-commit passes them).")
  List<String> files = new ArrayList<>();

  @Option(names = "--validate", description = "Validate the affected overlays (exit code as validate).")
  boolean validate;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT[=FILE]", description = "Passed to validate.")
  List<String> outputs = new ArrayList<>();

  @Override
  public Integer call() {
    TargetResolver resolver = new TargetResolver(parent.cwd());
    List<Target> overlays = resolver.resolve(List.of(), null, null);
    Path policies = resolver.config().map(RepoConfig::policiesDir).orElse(null);
    Path configFile = resolver.config().map(c -> c.root().resolve(RepoConfig.FILE_NAME)).orElse(null);
    List<Path> changed = files.stream().map(f -> parent.cwd().resolve(f).normalize()).toList();
    boolean global = changed.stream().anyMatch(f -> f.equals(configFile) || policies != null && f.startsWith(policies));
    List<String> affected = new ArrayList<>();
    OverlayInputs inputs = new OverlayInputs();
    for (Target t : overlays) {
      Set<Path> in = inputs.of(t.path());
      if (global || changed.stream().anyMatch(in::contains)) {
        affected.add(t.shown());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!validate) {
      affected.forEach(out::println);
      out.flush();
      return ExitCodes.OK;
    }
    if (affected.isEmpty()) {
      return ExitCodes.OK;
    }
    List<String> args = new ArrayList<>();
    args.add("validate");
    for (String o : outputs) {
      args.add("--output");
      args.add(o);
    }
    args.addAll(affected);
    return spec.root().commandLine().execute(args.toArray(String[]::new));
  }
}
