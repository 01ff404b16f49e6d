package io.todo.validator.peers;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reference tool the differential tests compare against: {@code <repo>/.tools/bin} (where
 * {@code tools/scripts/install-peers.sh} puts them), or PATH. Never another checkout's: a reference built from other
 * sources would compare against the wrong program.
 */
public final class PeerTool {
  private PeerTool() {}

  public static Optional<Path> find(String name) {
    List<Path> dirs = new ArrayList<>();
    dirs.add(Path.of(System.getProperty("validator.repo.root", "../.."), ".tools", "bin").toAbsolutePath().normalize());
    for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!p.isEmpty()) {
        dirs.add(Path.of(p));
      }
    }
    return dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
  }

  /**
   * The tool, or a skipped test; a failed one when VALIDATOR_PEERS_REQUIRED=1 (CI).
   *
   * @param install the command that installs it, for the message
   */
  public static Path require(String name, String install) {
    Optional<Path> k = find(name);
    if (k.isEmpty()) {
      if ("1".equals(System.getenv("VALIDATOR_PEERS_REQUIRED"))) {
        fail(name + " not found on PATH or in <repo>/.tools/bin and VALIDATOR_PEERS_REQUIRED=1: run " + install);
      }
      assumeTrue(false, name + " not installed (" + install + ")");
    }
    return k.get();
  }
}
