package io.todo.validator.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.Resource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The repository's own configuration rendered by the real tools. Renders are cached: the machine is
 * small and several tests look at the same overlay.
 */
final class RepoFixture {
  static final Path ROOT = Path.of(System.getProperty("validator.repo.root", "../..")).toAbsolutePath().normalize();
  static final List<String> ENVIRONMENTS = List.of("dev", "minikube", "prod");

  private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

  private RepoFixture() {}

  /** What a tool printed. */
  record Run(int exitCode, String out, String err) {}

  /** Every overlays/* directory that holds a kustomization, sorted. */
  static List<String> overlayNames() {
    try (Stream<Path> s = Files.list(ROOT.resolve("overlays"))) {
      return s.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A peer tool (see {@link io.todo.validator.peers.PeerTool}). */
  static Path tool(String name) {
    return io.todo.validator.peers.PeerTool.require(name, "tools/scripts/install-peers.sh");
  }

  static Run run(Path dir, byte[] stdin, List<String> cmd) {
    try {
      Path out = Files.createTempFile("repo-out", ".txt");
      Path err = Files.createTempFile("repo-err", ".txt");
      try {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("KUBECONFIG", "/nonexistent"); // never talk to a cluster
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          fail(cmd + " timed out");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code kustomize build <dir>} (dir relative to the repository root), as Argo CD runs it. */
  static String render(String dir) {
    return RENDERED.computeIfAbsent(dir, d -> {
      Run r = run(ROOT, new byte[0], List.of(tool("kustomize").toString(), "build", d));
      assertThat(r.exitCode()).as("kustomize build %s: %s", d, r.err()).isZero();
      return r.out();
    });
  }

  static List<Resource> resources(String dir) {
    byte[] yaml = render(dir).getBytes(StandardCharsets.UTF_8);
    return new Manifests().readStream(new ByteArrayInputStream(yaml), "kustomize build " + dir);
  }
}
