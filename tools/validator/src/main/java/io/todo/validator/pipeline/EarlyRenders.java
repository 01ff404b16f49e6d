package io.todo.validator.pipeline;

import io.todo.validator.model.Resource;
import io.todo.validator.render.Renderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /**
   * How many finished renders may wait for the command: rendering every overlay of a large
   * repository ahead of its checks would hold all of them in memory at once.
   */
  static final int LOOKAHEAD = 2;

  private final Map<String, Early> tasks = new ConcurrentHashMap<>();
  private final CountDownLatch planned = new CountDownLatch(1);
  private final Semaphore waiting = new Semaphore(LOOKAHEAD);

  /** One speculative render, run by whichever thread claims it first. */
  private static final class Early {
    final FutureTask<List<Resource>> task;
    final AtomicBoolean claimed = new AtomicBoolean();

    Early(FutureTask<List<Resource>> task) {
      this.task = task;
    }
  }

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
    List<Early> queue = new ArrayList<>();
    try {
      for (Target target : targets.get()) {
        Path p = target.path();
        if (p != null && Renderer.isKustomization(p)) {
          Early e = new Early(new FutureTask<>(() -> new Renderer().render(p, target.shown())));
          if (tasks.putIfAbsent(key(p, target.shown()), e) == null) {
            queue.add(e);
          }
        }
      }
    } catch (RuntimeException e) {
      queue.clear(); // a usage error: the command reports it
    } finally {
      planned.countDown();
    }
    for (Early e : queue) {
      waiting.acquireUninterruptibly();
      if (e.claimed.compareAndSet(false, true)) {
        e.task.run(); // its permit comes back when the command takes the result
      } else {
        waiting.release(); // the command got there first and renders it itself
      }
    }
  }

  /**
   * The early render of this target, removed so that it is used once; null when there is none and
   * the caller must render: not speculated, failed, or not started yet (then the early thread skips it).
   */
  List<Resource> take(Path path, String shown) {
    if (this == NONE) {
      return null;
    }
    try {
      planned.await();
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      return null;
    }
    Early e = tasks.remove(key(path, shown));
    if (e == null || e.claimed.compareAndSet(false, true)) {
      return null; // not speculated, or not started yet: the caller renders it now
    }
    try {
      return e.task.get();
    } catch (ExecutionException x) {
      return null; // render again on this thread: its error, its stack
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      waiting.release();
    }
  }

  /** Tests: whether the early thread has started this target. */
  boolean started(Path path, String shown) {
    Early e = tasks.get(key(path, shown));
    return e != null && e.claimed.get();
  }

  private static String key(Path path, String shown) {
    return path.toAbsolutePath().normalize() + "\0" + shown;
  }
}
