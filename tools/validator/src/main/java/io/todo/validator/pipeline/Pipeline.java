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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

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
      return requireKind(Manifests.asApplied().readStream(stdin, target.shown()));
    }
    Path p = target.path();
    if (Renderer.isKustomization(p)) {
      List<Resource> rendered = early.take(p, target.shown());
      return rendered != null ? rendered : renderer.render(p, target.shown());
    }
    if (Files.isDirectory(p)) {
      return requireKind(Manifests.asApplied().readDirectory(p, target.shown()));
    }
    if (Files.exists(p)) {
      // a file, or a pipe such as <(kustomize build ...): read up to the loader's size limit
      return requireKind(Manifests.asApplied().readFile(p, target.shown()));
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

  /** One target's result, or the input error that stopped it. */
  public record Outcome(TargetResult result, ValidatorException error) {}

  /**
   * Validates the targets on up to {@code workers} threads (the caller's among them), each taking
   * the next target in order, and returns the outcomes in target order. Validating one target
   * after another left a core idle once the early renders were done: the checks of the last
   * overlays ran alone. A failure other than an input error is thrown, the first in target order.
   */
  public List<Outcome> validateAll(List<Target> targets, int workers) {
    Outcome[] outcomes = new Outcome[targets.size()];
    Throwable[] failures = new Throwable[targets.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      for (int i; (i = next.getAndIncrement()) < outcomes.length; ) {
        try {
          outcomes[i] = new Outcome(validate(targets.get(i)), null);
        } catch (ValidatorException e) {
          outcomes[i] = new Outcome(null, e);
        } catch (RuntimeException | Error e) {
          failures[i] = e;
        }
      }
    };
    List<Thread> helpers = new ArrayList<>();
    for (int w = 1; w < Math.min(workers, targets.size()); w++) {
      Thread t = new Thread(work, "validate-" + w);
      t.setDaemon(true);
      t.start();
      helpers.add(t);
    }
    work.run();
    for (Thread t : helpers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while validating", e);
      }
    }
    for (Throwable f : failures) {
      if (f instanceof RuntimeException r) {
        throw r;
      }
      if (f instanceof Error e) {
        throw e;
      }
    }
    return List.of(outcomes);
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

  /**
   * Runs every stage over already rendered resources: the first (the schema stage, the costliest) on
   * a thread of its own, the others meanwhile on the caller's, so that the last target's checks do
   * not run on one core while the other idles. A failure is the one running the stages in order would
   * give: the first stage's before the others'.
   */
  public TargetResult check(Target target, List<Resource> resources) {
    List<Finding> findings = new ArrayList<>();
    if (stages.size() > 1) {
      FutureTask<List<Finding>> first = new FutureTask<>(() -> stages.get(0).check(target, resources));
      Thread t = new Thread(first, "check-first");
      t.setDaemon(true);
      t.start();
      RuntimeException rest = null;
      List<Finding> others = new ArrayList<>();
      try {
        for (Stage stage : stages.subList(1, stages.size())) {
          others.addAll(stage.check(target, resources));
        }
      } catch (RuntimeException e) {
        rest = e;
      }
      findings.addAll(outcome(first));
      if (rest != null) {
        throw rest;
      }
      findings.addAll(others);
    } else {
      for (Stage stage : stages) {
        findings.addAll(stage.check(target, resources));
      }
    }
    findings.sort(Finding.ORDER);
    return new TargetResult(target, resources.size(), List.copyOf(findings));
  }

  private static List<Finding> outcome(FutureTask<List<Finding>> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking", e);
    }
  }
}
