package io.todo.validator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives byte-identical output and findings in the same order, run after run and
 * whatever the thread count: the repository's overlays, validated (every output format) and
 * rendered one by one, again, and all at once on parallel threads.
 */
class DeterminismTest {
  private static final Path ROOT =
      Path.of(System.getProperty("validator.repo.root", "../..")).toAbsolutePath().normalize();
  private static final List<String> FORMATS = List.of("json", "junit", "sarif", "github");

  @TempDir Path tmp;

  @Test
  void sameOutputSequentiallyTwiceAndInParallel() throws Exception {
    List<String> overlays = overlays();
    assertThat(overlays).hasSizeGreaterThanOrEqualTo(3);
    Map<String, String> first = runAll(overlays, "seq1", 1);
    Map<String, String> second = runAll(overlays, "seq2", 1);
    Map<String, String> parallel = runAll(overlays, "par", overlays.size() * 2);
    assertThat(second).isEqualTo(first);
    assertThat(parallel).isEqualTo(first);
    // the outputs are not trivially equal because they are empty
    assertThat(first.values()).allSatisfy(v -> assertThat(v).contains("exit="));
    assertThat(first.keySet().stream().filter(k -> k.startsWith("render ")))
        .allSatisfy(k -> assertThat(first.get(k)).contains("kind: Deployment"));
  }

  /**
   * Every overlay validated and rendered, each task twice when {@code threads} > 1 (so that two
   * threads work on the same overlay at the same time); the outputs by task.
   */
  private Map<String, String> runAll(List<String> overlays, String run, int threads) throws Exception {
    List<String> tasks = new ArrayList<>();
    for (String o : overlays) {
      tasks.add("validate " + o);
      tasks.add("render " + o);
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (threads == 1) {
      for (String t : tasks) {
        out.put(t, run(t, run + "-" + tasks.indexOf(t)));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> a = new ArrayList<>();
      List<Future<String>> b = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        String t = tasks.get(i);
        String tagA = run + "a-" + i;
        String tagB = run + "b-" + i;
        a.add(pool.submit(() -> run(t, tagA)));
        b.add(pool.submit(() -> run(t, tagB)));
      }
      for (int i = 0; i < tasks.size(); i++) {
        String one = a.get(i).get();
        assertThat(b.get(i).get()).as("two threads on " + tasks.get(i)).isEqualTo(one);
        out.put(tasks.get(i), one);
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  /** One CLI run: exit code, stdout, stderr and every report file, durations normalised. */
  private String run(String task, String tag) throws IOException {
    String[] words = task.split(" ");
    List<String> args = new ArrayList<>(List.of(words[0]));
    Path dir = Files.createDirectories(tmp.resolve(tag));
    if (words[0].equals("validate")) {
      for (String f : FORMATS) {
        args.add("-o");
        args.add(f + "=" + dir.resolve("report." + f));
      }
      args.add("-o");
      args.add("text");
    }
    args.add(words[1]);
    CliRunner.Result r = CliRunner.runIn(ROOT, args.toArray(String[]::new));
    StringBuilder sb = new StringBuilder("exit=" + r.exitCode() + "\n--- out\n" + r.out() + "--- err\n" + r.err());
    if (words[0].equals("validate")) {
      for (String f : FORMATS) {
        sb.append("--- ").append(f).append('\n').append(Files.readString(dir.resolve("report." + f)));
      }
    }
    return normalise(sb.toString());
  }

  /** Elapsed times are the one thing allowed to differ. */
  static String normalise(String s) {
    return s.replaceAll("\\(\\d+ ms\\)", "(N ms)")
        .replaceAll("\"elapsedMillis\"\\s*:\\s*\\d+", "\"elapsedMillis\": N")
        .replaceAll("time=\"[0-9.]+\"", "time=\"N\"");
  }

  private static List<String> overlays() throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve("overlays"))) {
      return s.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml")))
          .map(p -> "overlays/" + p.getFileName())
          .sorted()
          .toList();
    }
  }
}
