package io.todo.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.pipeline.EarlyRenders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeculationTest {
  @TempDir Path dir;

  private void overlay(String name, String value) throws IOException {
    Path d = Files.createDirectories(dir.resolve("overlays").resolve(name));
    Files.writeString(d.resolve("kustomization.yaml"),
        "configMapGenerator:\n- name: cm\n  literals: [a=" + value + "]\n");
  }

  @Test
  void speculatesOnlyForRenderAndValidateOfKustomizations() throws IOException {
    overlay("dev", "1");
    Files.writeString(dir.resolve("plain.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n");
    assertThat(Speculation.start(new String[] {"render", "overlays/dev"}, dir)).isNotSameAs(EarlyRenders.NONE);
    assertThat(Speculation.start(new String[] {"validate", "--environment", "dev", "overlays/dev"}, dir))
        .isNotSameAs(EarlyRenders.NONE);
    assertThat(Speculation.start(new String[] {"validate"}, dir)).as("default overlays").isNotSameAs(EarlyRenders.NONE);
    assertThat(Speculation.start(new String[] {"render", "-"}, dir)).isSameAs(EarlyRenders.NONE);
    assertThat(Speculation.start(new String[] {"render", "overlays/dev", "--help"}, dir)).isSameAs(EarlyRenders.NONE);
    assertThat(Speculation.start(new String[] {"render", "plain.yaml"}, dir)).isSameAs(EarlyRenders.NONE);
    assertThat(Speculation.start(new String[] {"seal", "overlays/dev"}, dir)).isSameAs(EarlyRenders.NONE);
    assertThat(Speculation.start(new String[] {"validate", "no-such-dir"}, dir)).as("a typo renders nothing")
        .isSameAs(EarlyRenders.NONE);
    assertThat(Speculation.start(new String[] {"validate", "--environment", "prod"}, dir)).as("an option's value")
        .isNotSameAs(EarlyRenders.NONE);
  }

  /** Each command renders what is on disk when it starts: nothing carries over between commands. */
  @Test
  void consecutiveCommandsSeeChangedFiles() throws IOException {
    overlay("dev", "1");
    CliRunner.Result first = CliRunner.runIn(dir, "render", "overlays/dev");
    overlay("dev", "2");
    CliRunner.Result second = CliRunner.runIn(dir, "render", "overlays/dev");
    assertThat(first.exitCode()).isZero();
    assertThat(second.out()).contains("a: \"2\"").isNotEqualTo(first.out());
  }

  /** A speculation that fails leaves the error to the command, reported exactly once. */
  @Test
  void errorsAreTheCommandsOwn() throws IOException {
    Path d = Files.createDirectories(dir.resolve("overlays").resolve("bad"));
    Files.writeString(d.resolve("kustomization.yaml"), "resources:\n- missing.yaml\n");
    CliRunner.Result r = CliRunner.runIn(dir, "render", "overlays/bad");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().filter(l -> l.contains("missing.yaml"))).hasSize(1);
    assertThat(r.err()).startsWith("overlays/bad/kustomization.yaml:2:3: error:");
  }

  /** A speculated target is keyed exactly as the command's own resolution keys it. */
  @Test
  void explicitTargetsMatchTheResolver() throws IOException {
    overlay("dev", "1");
    Path outside = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-other"));
    Path work = Files.createDirectories(dir.resolve("work"));
    for (String arg : java.util.List.of("../overlays/dev", "../overlays/dev/", "./../overlays/./dev",
        dir.resolve("overlays/dev").toString(), outside.toString(), ".")) {
      io.todo.validator.pipeline.Target real = new TargetResolver(work).resolve(java.util.List.of(arg), null, null).get(0);
      io.todo.validator.pipeline.Target guessed = TargetResolver.explicit(work, arg);
      assertThat(guessed.path()).as(arg).isEqualTo(real.path());
      assertThat(guessed.shown()).as(arg).isEqualTo(real.shown());
    }
  }
}
