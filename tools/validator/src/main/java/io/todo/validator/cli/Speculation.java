package io.todo.validator.cli;

import io.todo.validator.admission.AdmissionStage;
import io.todo.validator.pipeline.EarlyRenders;
import io.todo.validator.render.Renderer;
import io.todo.validator.schema.SchemaStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Guesses, before picocli parses them, which kustomizations a {@code render} or {@code validate}
 * command line names, and starts rendering them (see {@link EarlyRenders}). A wrong guess costs
 * only the other core's time: the command renders whatever it really targets itself.
 */
final class Speculation {
  private Speculation() {}

  static EarlyRenders start(String[] args, Path cwd) {
    if (args.length == 0) {
      return EarlyRenders.NONE;
    }
    List<String> all = Arrays.asList(args);
    if (all.contains("-h") || all.contains("--help") || all.contains("-V") || all.contains("--version")) {
      return EarlyRenders.NONE; // help and version run nothing
    }
    boolean validates = args[0].equals("validate") || all.contains("--fail-closed")
        || (args[0].equals("affected") && all.contains("--validate"));
    if (validates) {
      warmUp(cwd);
    }
    if (!(args[0].equals("render") || args[0].equals("validate"))) {
      return EarlyRenders.NONE; // affected: the overlays come from git, after parsing
    }
    List<String> kustomizations = new ArrayList<>();
    boolean otherPaths = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-")) {
        return EarlyRenders.NONE; // stdin is read once, by the command
      }
      if (a.startsWith("--helm-")) {
        return EarlyRenders.NONE; // helm options change what a render prints; early renders use the defaults
      }
      if (a.startsWith("-")) {
        continue;
      }
      Path p = cwd.resolve(a);
      if (Renderer.isKustomization(p)) {
        kustomizations.add(a);
      } else if (Files.exists(p)) {
        otherPaths = true; // manifests, or an option's value that happens to be a file
      } else if (!args[i - 1].startsWith("-") || args[i - 1].contains("=")) {
        otherPaths = true; // not an option's value: a path that does not exist, which the command reports
      }
    }
    if (kustomizations.isEmpty() && (otherPaths || args[0].equals("render"))) {
      return EarlyRenders.NONE;
    }
    if (kustomizations.isEmpty()) {
      // no path at all: validate's default overlays (validator.yaml, else overlays/*)
      return EarlyRenders.start(() -> new TargetResolver(cwd).resolve(List.of(), null, null));
    }
    // explicit paths need no validator.yaml: a render's key is its directory and displayed name
    return EarlyRenders.start(() -> kustomizations.stream().map(a -> TargetResolver.explicit(cwd, a)).toList());
  }

  /**
   * The stages' set-up that does not depend on the options (schema factory and bundle, the
   * repository's admission policies compiled), on a third thread; the stages find it done.
   */
  private static void warmUp(Path cwd) {
    Thread t = new Thread(() -> {
      try {
        SchemaStage.warmUp();
        AdmissionStage.warmUp(cwd);
      } catch (RuntimeException e) {
        // the stages meet the same problem on the main thread and report it there
      }
    }, "warm-up");
    t.setDaemon(true);
    t.start();
  }
}
