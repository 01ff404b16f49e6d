package io.todo.validator.cli;

import io.todo.validator.diff.GitTree;
import io.todo.validator.diff.RenderedDiff;
import io.todo.validator.hook.OverlayInputs;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Pipeline;
import io.todo.validator.pipeline.Target;
import io.todo.validator.render.Renderer;
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

/** {@code validator diff BASE_REF}: the rendered change of each affected overlay. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Render each overlay affected by the changes since BASE_REF (a git ref) on both sides and print a",
      "per-resource diff of what Argo CD would apply. Secret values are never shown."
    })
public final class DiffCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASE_REF", description = "The git ref to compare with (e.g. origin/main).")
  String baseRef;

  @Parameters(index = "1..*", paramLabel = "OVERLAY", arity = "0..*",
      description = "Overlays to diff (default: those the change affects).")
  List<String> overlays = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", description = "text or markdown (for pull-request comments).")
  String format;

  @Option(names = "--exit-code", description = "Exit 1 when there are differences (like git diff --exit-code).")
  boolean exitCode;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("markdown")) {
      throw new ValidatorException(ExitCodes.USAGE, "--format must be text or markdown");
    }
    Path cwd = parent.cwd();
    Path root = GitTree.toplevel(cwd);
    TargetResolver resolver = new TargetResolver(cwd);
    List<Target> targets = overlays.isEmpty() ? affected(resolver, root) : resolver.resolve(overlays, null, null);
    PrintWriter out = spec.commandLine().getOut();
    boolean markdown = format.equals("markdown");
    int changedOverlays = 0;
    try (GitTree base = GitTree.checkout(root, baseRef)) {
      Pipeline pipeline = new Pipeline(List.of(), InputStreamHolder.EMPTY);
      for (Target t : targets) {
        Path rel = root.relativize(t.path());
        Path basePath = base.dir().resolve(rel);
        List<Resource> before = Renderer.isKustomization(basePath)
            ? pipeline.render(new Target(basePath, t.shown(), t.environment(), t.kubernetesVersion()))
            : List.of();
        List<Resource> after = Renderer.isKustomization(t.path()) ? pipeline.render(t) : List.of();
        List<RenderedDiff.Entry> entries = RenderedDiff.diff(before, after);
        if (entries.isEmpty()) {
          continue;
        }
        changedOverlays++;
        out.println(markdown ? "### " + t.shown() : "# " + t.shown());
        for (RenderedDiff.Entry e : entries) {
          String what = e.change() == '+' ? "added" : e.change() == '-' ? "removed" : "changed";
          out.println(markdown ? "<details><summary>" + what + " <code>" + e.id() + "</code></summary>\n\n```diff"
              : e.change() + " " + e.id());
          out.print(e.diff());
          if (markdown) {
            out.println("```\n</details>");
          }
        }
        out.println();
      }
    }
    if (changedOverlays == 0) {
      out.println("no rendered changes since " + baseRef);
    }
    out.flush();
    return exitCode && changedOverlays > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private List<Target> affected(TargetResolver resolver, Path root) {
    List<Path> changed = GitTree.changedFiles(root, baseRef).stream().map(f -> root.resolve(f).normalize()).toList();
    List<Target> all = resolver.resolve(List.of(), null, null);
    List<Target> result = new ArrayList<>();
    OverlayInputs inputs = new OverlayInputs();
    for (Target t : all) {
      Set<Path> in = inputs.of(t.path());
      Path overlayDir = t.path();
      if (changed.stream().anyMatch(f -> in.contains(f) || f.startsWith(overlayDir))) {
        result.add(t);
      }
    }
    return result;
  }

  /** No stdin for diff. */
  private static final class InputStreamHolder {
    static final java.io.InputStream EMPTY = java.io.InputStream.nullInputStream();
  }
}
