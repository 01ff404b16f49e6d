package io.todo.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar as users do: {@code java -jar validator.jar ...}. */
class JarIT {
  static final Path JAR = Path.of(System.getProperty("validator.jar", "../../validator.jar")).toAbsolutePath();

  /** Exit code, stdout and stderr of one run of the real jar. */
  record Run(int exitCode, String out, String err) {}

  static Run java(Path cwd, String stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void versionAndHelp() throws Exception {
    assertThat(Files.isRegularFile(JAR)).as("jar at " + JAR).isTrue();
    Run v = java(JAR.getParent(), "", "--version");
    assertThat(v.exitCode()).isZero();
    assertThat(v.out()).contains("validator 0.1.0", "1.36");
    Run h = java(JAR.getParent(), "", "--help");
    assertThat(h.exitCode()).isZero();
    assertThat(h.out()).contains("validate", "render");
  }

  @Test
  void validatesStdinLikeKubeconform() throws Exception {
    Run r = java(JAR.getParent(), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n", "-");
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @Test
  void badInputExitsTwoWithoutAStackTrace() throws Exception {
    Run r = java(JAR.getParent(), "a: [\n", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("<stdin>:1:1: error: invalid YAML").doesNotContain("\tat ");
  }

  /**
   * Regression: the class-data archive the build dumps holds every class a validate loads from the
   * jar. Lambdas of picocli's Java 5 handler interfaces had those interfaces linked at dump time,
   * and a linked old class is left out of the archive: four classes came from the jar, and the two
   * lambdas were spun again, on every start.
   */
  @Test
  void theClassDataArchiveHoldsEveryClassAValidateLoads() throws Exception {
    Path jsa = JAR.resolveSibling("validator.jsa");
    assertThat(Files.isRegularFile(jsa)).as("archive at " + jsa).isTrue();
    Path repo = JAR.getParent();
    // the JVM that runs the build, which dumped the archive (an archive fits only the JVM that made it)
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-XX:SharedArchiveFile=" + jsa, "-Xshare:on", "-Xlog:class+load",
        "-jar", JAR.toString(), "validate", "-q", "overlays/dev").directory(repo.toFile())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log.lines().filter(l -> !l.contains("class,load")).toList().toString()).isZero();
    assertThat(log.lines().filter(l -> l.contains("source: file:")).toList()).isEmpty();
  }
}
