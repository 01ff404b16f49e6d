package io.todo.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hidden `bench` command tools/bench times; it reports, so only its shape is tested. */
class BenchCommandTest {
  @TempDir Path dir;

  private CliRunner.Result bench(String... args) throws Exception {
    Files.writeString(dir.resolve("stream.yaml"), KubeconformFlagsTest.STREAM);
    String[] all = new String[args.length + 2];
    all[0] = "bench";
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = "stream.yaml";
    return CliRunner.runIn(dir, all);
  }

  @Test
  void zeroIterationsTimesTheFirstRunOnly() throws Exception {
    // a cold process loads and checks once, as kubeconform does: no second check is timed
    CliRunner.Result r = bench("--mode", "schema", "--iterations", "0", "--warmup", "0");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"resources\": 2", "\"findings\": 1", "\"iterations\": 1");
  }

  @Test
  void countsTheTimedIterations() throws Exception {
    CliRunner.Result r = bench("--mode", "schema", "--iterations", "3", "--warmup", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"iterations\": 3");
  }

  @Test
  void negativeCountsAreAUsageError() throws Exception {
    CliRunner.Result r = bench("--iterations", "-1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--iterations and --warmup must be at least 0");
  }
}
