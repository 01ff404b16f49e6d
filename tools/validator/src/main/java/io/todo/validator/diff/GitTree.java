package io.todo.validator.diff;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A git revision of the repository extracted into a temporary directory (git archive). */
public final class GitTree implements AutoCloseable {
  private final Path dir;

  private GitTree(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The repository root of {@code cwd}. */
  public static Path toplevel(Path cwd) {
    return Path.of(run(cwd, "git", "rev-parse", "--show-toplevel").trim());
  }

  /** Extracts {@code ref} of the repository at {@code root}. */
  public static GitTree checkout(Path root, String ref) {
    if (ref.startsWith("-")) {
      throw new ValidatorException(ExitCodes.USAGE, "invalid git ref '" + ref + "'");
    }
    run(root, "git", "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    try {
      Path tmp = Files.createTempDirectory("validator-diff");
      Path tar = tmp.resolve(".archive.tar");
      run(root, "git", "archive", "--format=tar", "-o", tar.toString(), ref);
      run(tmp, "tar", "-xf", tar.toString());
      Files.delete(tar);
      return new GitTree(tmp);
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot extract " + ref + ": " + e.getClass().getSimpleName());
    }
  }

  /** Files that differ between {@code ref} and the working tree (both sides' names). */
  public static List<String> changedFiles(Path root, String ref) {
    List<String> files = new ArrayList<>();
    for (String l : run(root, "git", "diff", "--name-only", ref, "--").split("\n")) {
      if (!l.isBlank()) {
        files.add(l);
      }
    }
    for (String l : run(root, "git", "ls-files", "--others", "--exclude-standard").split("\n")) {
      if (!l.isBlank()) {
        files.add(l);
      }
    }
    return files;
  }

  static String run(Path cwd, String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ValidatorException(ExitCodes.USAGE, String.join(" ", cmd) + ": timed out");
      }
      if (p.exitValue() != 0) {
        String first = out.lines().findFirst().orElse("");
        throw new ValidatorException(ExitCodes.USAGE, String.join(" ", List.of(cmd).subList(0, 2)) + " failed: " + first);
      }
      return out;
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, cmd[0] + " is not available: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ValidatorException(ExitCodes.USAGE, "interrupted");
    }
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: a temp dir left behind is harmless
    }
  }
}
