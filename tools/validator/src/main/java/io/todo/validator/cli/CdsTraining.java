package io.todo.validator.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The training run the build records the class-data-sharing archive ({@code validator.jsa}) from:
 * the commands the hook, the Argo CD plugin and users start cold ({@code validate} of the
 * repository, {@code render} of each overlay), run in one JVM so one archive holds all their classes.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /** {@code CdsTraining REPO_ROOT}; run by the build with {@code -XX:ArchiveClassesAtExit}. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath();
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    Main.run(new String[] {"--quiet"}, new ByteArrayInputStream(new byte[0]), sink, sink, root);
    Path overlays = root.resolve("overlays");
    if (Files.isDirectory(overlays)) {
      try (Stream<Path> dirs = Files.list(overlays)) {
        for (Path d : dirs.sorted().toList()) {
          Main.run(new String[] {"render", d.toString()}, new ByteArrayInputStream(new byte[0]), sink, sink, root);
        }
      }
    }
  }
}
