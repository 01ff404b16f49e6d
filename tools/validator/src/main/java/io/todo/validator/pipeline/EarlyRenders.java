package io.todo.validator.pipeline;

import io.todo.validator.model.Resource;
import io.todo.validator.render.Renderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Renders started on the other core before the command line is parsed: a cold start spends about
 * a third of its time building picocli's model, and a render is pure (it only reads files), so
 * doing both at once shortens {@code validator render DIR} and {@code validator validate} by
 * the shorter of the two.
 *
 * <p>A speculation is only a head start: {@link Pipeline#render} takes a result when one exists for
 * exactly the target it renders (same directory, same displayed name), and renders on its own
 * thread otherwise, or when the early render failed, so errors are always reported as the main
 * thread sees them. One instance lives for one command; nothing is shared between commands.
 */
public final class EarlyRenders {
  /** No speculation: every render happens on the caller's thread. */
  public static final EarlyRenders NONE = new EarlyRenders();

  private final Map<String, FutureTask<List<Resource>>> tasks = new ConcurrentHashMap<>();
  private final CountDownLatch planned = new CountDownLatch(1);

  private EarlyRenders() {}

  /**
   * Resolves the targets and renders the kustomizations among them, in order, on one daemon
   * thread. A failure to resolve means no speculation: the command will report it itself.
   */
  public static EarlyRenders start(Supplier<List<Target>> targets) {
    EarlyRenders early = new EarlyRenders();
    Thread t = new Thread(() -> early.run(targets), "early-render");
    t.setDaemon(true);
    t.start();
    return early;
  }

  private void run(Supplier<List<Target>> targets) {
    List<FutureTask<List<Resource>>> queue = new java.util.ArrayList<>();
    try {
      for (Target target : targets.get()) {
        Path p = target.path();
        if (p != null && Renderer.isKustomization(p)) {
          FutureTask<List<Resource>> task = new FutureTask<>(() -> new Renderer().render(p, target.shown()));
          tasks.putIfAbsent(key(p, target.shown()), task);
          queue.add(task);
        }
      }
    } catch (RuntimeException e) {
      queue.clear(); // a usage error: the command reports it
    } finally {
      planned.countDown();
    }
    queue.forEach(FutureTask::run);
  }

  /** The early render of this target, removed so that it is used once; null when there is none. */
  List<Resource> take(Path path, String shown) {
    if (this == NONE) {
      return null;
    }
    try {
      planned.await();
      FutureTask<List<Resource>> task = tasks.remove(key(path, shown));
      return task == null ? null : task.get();
    } catch (ExecutionException e) {
      return null; // render again on this thread: its error, its stack
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String key(Path path, String shown) {
    return path.toAbsolutePath().normalize() + "\0" + shown;
  }
}
