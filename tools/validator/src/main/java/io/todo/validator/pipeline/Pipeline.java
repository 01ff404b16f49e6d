package io.todo.validator.pipeline;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.render.Renderer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The straight pipe: load → render → schema → policy; reporting is the caller's. */
public final class Pipeline {
  private final List<Stage> stages;
  private final InputStream stdin;
  private final EarlyRenders early;
  private final Renderer renderer;

  public Pipeline(List<Stage> stages, InputStream stdin) {
    this(stages, stdin, EarlyRenders.NONE);
  }

  /** With renders already started for some targets (see {@link EarlyRenders}). */
  public Pipeline(List<Stage> stages, InputStream stdin, EarlyRenders early) {
    this(stages, stdin, early, new Renderer());
  }

  /** With a renderer of its own (helm options); early renders used the defaults, so only with NONE or defaults. */
  public Pipeline(List<Stage> stages, InputStream stdin, EarlyRenders early, Renderer renderer) {
    this.stages = List.copyOf(stages);
    this.stdin = stdin;
    this.early = early;
    this.renderer = renderer;
  }

  /** What Argo CD would apply for the target. */
  public List<Resource> render(Target target) {
    if (target.isStdin()) {
      return requireKind(new Manifests().readStream(stdin, target.shown()));
    }
    Path p = target.path();
    if (Renderer.isKustomization(p)) {
      List<Resource> rendered = early.take(p, target.shown());
      return rendered != null ? rendered : renderer.render(p, target.shown());
    }
    if (Files.isDirectory(p)) {
      return requireKind(new Manifests().readDirectory(p, target.shown()));
    }
    if (Files.exists(p)) {
      // a file, or a pipe such as <(kustomize build ...): read up to the loader's size limit
      return requireKind(new Manifests().readFile(p, target.shown()));
    }
    throw ValidatorException.input(Location.of(target.shown()), "no such file or directory");
  }

  /** Every stage relies on an object having a kind, as kubectl and kustomize do (the renderer checks its own). */
  private static List<Resource> requireKind(List<Resource> resources) {
    List<ValidatorException> errors = new ArrayList<>();
    for (Resource r : resources) {
      if (r.kind() == null || r.kind().isEmpty()) {
        errors.add(ValidatorException.input(r.origin(), "missing kind in object (kind must be a string)"));
      }
    }
    if (!errors.isEmpty()) {
      throw ValidatorException.all(errors);
    }
    return resources;
  }

  /** Renders the target and runs every stage over it; findings come back in report order. */
  public TargetResult validate(Target target) {
    prepareInBackground(target);
    return check(target, render(target));
  }

  /** Lets the stages set themselves up, one after another, on the other core while the target renders. */
  public void prepareInBackground(Target target) {
    if (stages.isEmpty()) {
      return;
    }
    Thread t = new Thread(() -> {
      for (Stage s : stages) {
        try {
          s.prepare(target);
        } catch (RuntimeException e) {
          // check() reports the same problem on the main thread
        }
      }
    }, "prepare-stages");
    t.setDaemon(true);
    t.start();
  }

  /** Runs every stage over already rendered resources. */
  public TargetResult check(Target target, List<Resource> resources) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : stages) {
      findings.addAll(stage.check(target, resources));
    }
    findings.sort(Finding.ORDER);
    return new TargetResult(target, resources.size(), List.copyOf(findings));
  }
}
