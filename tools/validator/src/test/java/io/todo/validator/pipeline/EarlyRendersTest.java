package io.todo.validator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyRendersTest {
  @TempDir Path dir;

  private Path kustomization(String name, String body) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("kustomization.yaml"), body);
    return d;
  }

  private static void awaitStart(EarlyRenders early, Path d, String shown) throws InterruptedException {
    for (int i = 0; i < 1000 && !early.started(d, shown); i++) {
      Thread.sleep(10);
    }
    assertThat(early.started(d, shown)).isTrue();
  }

  @Test
  void aResultIsTakenOnceAndOnlyForTheSameTarget() throws Exception {
    Path d = kustomization("app", "configMapGenerator:\n- name: cm\n  literals: [a=b]\n");
    EarlyRenders early = EarlyRenders.start(() -> List.of(new Target(d, "app", null, null)));
    awaitStart(early, d, "app");
    assertThat(early.take(d, "other-name")).isNull();
    List<Resource> rendered = early.take(d, "app");
    assertThat(rendered).hasSize(1);
    assertThat(rendered.get(0).name()).startsWith("cm-");
    assertThat(early.take(d, "app")).as("used once").isNull();
  }

  @Test
  void aFailedEarlyRenderLeavesTheErrorToTheCaller() throws Exception {
    Path d = kustomization("broken", "resources: [missing.yaml]\n");
    EarlyRenders early = EarlyRenders.start(() -> List.of(new Target(d, "broken", null, null)));
    assertThat(early.take(d, "broken")).isNull();
  }

  @Test
  void aFailedResolutionMeansNoSpeculation() throws Exception {
    Path d = kustomization("app", "namePrefix: x-\n");
    EarlyRenders early = EarlyRenders.start(() -> {
      throw new IllegalStateException("bad arguments");
    });
    assertThat(early.take(d, "app")).isNull();
  }

  @Test
  void thePipelineUsesTheEarlyRenderAndRendersItselfOtherwise() throws Exception {
    Path d = kustomization("app", "configMapGenerator:\n- name: cm\n  literals: [a=b]\n");
    Target t = new Target(d, "app", null, null);
    EarlyRenders early = EarlyRenders.start(() -> List.of(t));
    awaitStart(early, d, "app");
    Pipeline p = new Pipeline(List.of(), java.io.InputStream.nullInputStream(), early);
    List<Resource> first = p.render(t);
    // the files change: the next render must see them (the early result was used up)
    Files.writeString(d.resolve("kustomization.yaml"), "configMapGenerator:\n- name: cm\n  literals: [a=c]\n");
    List<Resource> second = p.render(t);
    assertThat(second.get(0).name()).isNotEqualTo(first.get(0).name());
  }

  /** At most LOOKAHEAD finished renders wait; taking them in order lets the rest proceed. */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void rendersAheadOnlyAsFarAsTheCommandTakes() throws Exception {
    List<Target> targets = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      targets.add(new Target(kustomization("o" + i, "namePrefix: p" + i + "-\nconfigMapGenerator:\n- name: cm\n"
          + "  literals: [a=b]\n"), "o" + i, null, null));
    }
    EarlyRenders early = EarlyRenders.start(() -> targets);
    awaitStart(early, targets.get(1).path(), "o1");
    Thread.sleep(300); // time enough to start a third, were it allowed
    assertThat(targets.stream().filter(t -> early.started(t.path(), t.shown())).count())
        .isEqualTo(EarlyRenders.LOOKAHEAD);
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      List<Resource> r = early.take(t.path(), t.shown());
      if (i < EarlyRenders.LOOKAHEAD) {
        assertThat(r).as("started early, so rendered early").isNotNull();
      }
      if (r != null) {
        assertThat(r.get(0).name()).startsWith("p" + i + "-cm-");
      }
    }
  }

  /** Results the command never takes cannot hold up the ones it does: it renders those itself. */
  @Test
  @org.junit.jupiter.api.Timeout(30)
  void untakenResultsNeverBlockTheCommand() throws Exception {
    List<Target> targets = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      targets.add(new Target(kustomization("u" + i, "namePrefix: x-\n"), "u" + i, null, null));
    }
    EarlyRenders early = EarlyRenders.start(() -> targets);
    Thread.sleep(200);
    // the first two are never taken; the others come back rendered or null (then the caller renders)
    for (Target t : targets.subList(2, 5)) {
      early.take(t.path(), t.shown());
    }
  }
}
