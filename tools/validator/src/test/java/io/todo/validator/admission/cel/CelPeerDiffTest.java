package io.todo.validator.admission.cel;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.peers.PeerTool;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every expression of {@code admission-cel/*.txt} and {@code admission-cel-peer/*.txt} through
 * Kubernetes' own CEL environment (tools/scripts/cel-peer: k8s.io/apiserver v0.36.6's admission
 * environment and libraries) and through ours: the same value, or an evaluation error on both sides,
 * or a compile error on both sides. An expression where we knowingly differ is listed in
 * {@code admission-cel-peer/differences.tsv} (expression, tab, reason); a listed expression that
 * agrees again fails the test, so the list stays true.
 */
class CelPeerDiffTest {

  @TempDir Path tmp;

  @Test
  void sameResultsAsKubernetes() throws Exception {
    Path peer = PeerTool.require("cel-peer", "tools/scripts/install-peers.sh cel-peer");
    Map<String, String> listed = differences();
    Set<String> all = corpus();
    all.addAll(listed.keySet());
    String extra = System.getenv("CEL_CORPUS"); // tools/scripts/cel-corpus-gen.py's output, for a hunt
    if (extra != null) {
      all.addAll(lines(Path.of(extra)));
    }
    List<String> exprs = new ArrayList<>(all);
    List<String> theirs = run(peer, exprs);
    List<String> unexpected = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    for (int i = 0; i < exprs.size(); i++) {
      String e = exprs.get(i);
      String ours = CelPrinter.result(e);
      boolean same = ours.equals(theirs.get(i));
      if (!same && !listed.containsKey(e)) {
        unexpected.add(e + "\n    kubernetes: " + theirs.get(i) + "\n    ours:       " + ours);
      } else if (same && listed.containsKey(e)) {
        fixed.add(e);
      }
    }
    Files.write(Path.of("target", "cel-peer-differences.txt"), unexpected, StandardCharsets.UTF_8);
    assertThat(unexpected.subList(0, Math.min(unexpected.size(), 100)))
        .as(unexpected.size() + " expressions (all in target/cel-peer-differences.txt) "
            + "Kubernetes evaluates differently (fix, or list in differences.tsv)")
        .isEmpty();
    assertThat(fixed).as("listed in differences.tsv but the same as Kubernetes now").isEmpty();
  }

  /**
   * {@code admission-cel-peer/messages/*.txt}: evaluation errors must also have the API server's
   * words, since they are the text of a finding ({@code expression '…' resulted in error: …}).
   */
  @Test
  void sameErrorMessagesAsKubernetes() throws Exception {
    Path peer = PeerTool.require("cel-peer", "tools/scripts/install-peers.sh cel-peer");
    List<String> exprs = new ArrayList<>();
    for (Path f : files("/admission-cel-peer/messages")) {
      exprs.addAll(lines(f));
    }
    List<String> theirs = run(peer, exprs, "-messages");
    List<String> unexpected = new ArrayList<>();
    for (int i = 0; i < exprs.size(); i++) {
      String ours = CelPrinter.result(exprs.get(i), true);
      if (!ours.equals(theirs.get(i))) {
        unexpected.add(exprs.get(i) + "\n    kubernetes: " + theirs.get(i) + "\n    ours:       " + ours);
      }
    }
    assertThat(unexpected).as("evaluation errors worded differently from Kubernetes").isEmpty();
  }

  /** The expressions of both corpora, in order, without duplicates. */
  static Set<String> corpus() throws IOException, URISyntaxException {
    Set<String> out = new LinkedHashSet<>();
    for (Path f : files("/admission-cel")) {
      for (String l : lines(f)) {
        out.add(l.substring(0, l.lastIndexOf(" => ")).trim());
      }
    }
    for (Path f : files("/admission-cel-peer")) {
      if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(".txt")) {
        out.addAll(lines(f));
      }
    }
    return out;
  }

  private static Map<String, String> differences() throws IOException, URISyntaxException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String l : lines(Path.of(CelPeerDiffTest.class.getResource("/admission-cel-peer/differences.tsv").toURI()))) {
      int tab = l.indexOf('\t');
      assertThat(tab).as("expression<TAB>reason: " + l).isPositive();
      out.put(l.substring(0, tab), l.substring(tab + 1));
    }
    return out;
  }

  private static List<Path> files(String dir) throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(Path.of(CelPeerDiffTest.class.getResource(dir).toURI()))) {
      return s.sorted().toList();
    }
  }

  private static List<String> lines(Path f) throws IOException {
    return Files.readAllLines(f, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .toList();
  }

  private List<String> run(Path peer, List<String> exprs, String... args) throws IOException, InterruptedException {
    Path in = tmp.resolve("in.txt");
    Path out = tmp.resolve("out.txt");
    Files.write(in, exprs, StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>(List.of(peer.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd)
        .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(tmp.resolve("err.txt").toFile())
        .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cel-peer finished").isTrue();
    assertThat(p.exitValue()).as("cel-peer: " + Files.readString(tmp.resolve("err.txt"))).isZero();
    List<String> result = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(result).as("one line per expression").hasSize(exprs.size());
    return result;
  }
}
