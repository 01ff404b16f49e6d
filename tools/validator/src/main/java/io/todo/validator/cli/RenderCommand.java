package io.todo.validator.cli;

import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Pipeline;
import io.todo.validator.pipeline.Target;
import io.todo.validator.render.YamlWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validator render PATH}: print what Argo CD would apply, byte for byte as kustomize. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print the rendered stream of PATH exactly as `kustomize build PATH` prints it.")
public final class RenderCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "A kustomization directory, manifests directory, file or -.")
  String path;

  @Override
  public Integer call() {
    Target target = new TargetResolver(parent.cwd()).resolve(List.of(path), null, null).get(0);
    List<Resource> resources = new Pipeline(List.of(), parent.stdin).render(target);
    // rendered in full before anything is printed: never a partial stream
    String text = YamlWriter.stream(resources);
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
