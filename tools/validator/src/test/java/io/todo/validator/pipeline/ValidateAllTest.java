package io.todo.validator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets validated on several threads come back as one thread would give them. */
class ValidateAllTest {
  @TempDir Path dir;

  private List<Target> targets(int n) throws IOException {
    List<Target> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path d = Files.createDirectories(dir.resolve("t" + i));
      // every third target is broken: its input error is its outcome, not the others'
      Files.writeString(d.resolve("kustomization.yaml"), i % 3 == 2 ? "resources: [missing.yaml]\n"
          : "configMapGenerator:\n- name: cm" + i + "\n  literals: [a=b]\n");
      out.add(new Target(d, "t" + i, null, null));
    }
    return out;
  }

  @Test
  void outcomesComeInTargetOrderWhateverThreadRanThem() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Stage recordThread = (target, resources) -> {
      threads.add(Thread.currentThread().getName());
      return List.of();
    };
    List<Target> targets = targets(9);
    List<Pipeline.Outcome> outcomes =
        new Pipeline(List.of(recordThread), new ByteArrayInputStream(new byte[0])).validateAll(targets, 3);
    assertThat(outcomes).hasSize(9);
    for (int i = 0; i < 9; i++) {
      Pipeline.Outcome o = outcomes.get(i);
      if (i % 3 == 2) {
        assertThat(o.result()).isNull();
        assertThat(o.error().diagnostic()).contains("t" + i).contains("missing.yaml");
      } else {
        assertThat(o.error()).isNull();
        assertThat(o.result().target()).isEqualTo(targets.get(i));
        assertThat(o.result().resources()).isEqualTo(1);
      }
    }
    assertThat(threads).isNotEmpty();
  }

  @Test
  void aBugIsThrownTheFirstInTargetOrder() throws Exception {
    List<Target> targets = targets(2);
    Stage buggy = (target, resources) -> {
      throw new IllegalStateException("bug in " + target.shown());
    };
    Pipeline p = new Pipeline(List.of(buggy), new ByteArrayInputStream(new byte[0]));
    assertThatThrownBy(() -> p.validateAll(targets, 2)).isInstanceOf(IllegalStateException.class)
        .hasMessage("bug in t0");
    assertThat(p.validateAll(List.of(), 2)).isEmpty();
  }

  @Test
  void stagesRunSideBySideButFailAsInOrder() throws Exception {
    Target t = targets(1).get(0);
    Stage failsFirst = (target, resources) -> {
      throw new IllegalStateException("first");
    };
    Stage failsSecond = (target, resources) -> {
      throw new IllegalArgumentException("second");
    };
    Stage fine = (target, resources) -> List.of();
    java.io.InputStream none = new ByteArrayInputStream(new byte[0]);
    assertThatThrownBy(() -> new Pipeline(List.of(failsFirst, failsSecond), none).validate(t))
        .isInstanceOf(IllegalStateException.class).hasMessage("first");
    assertThatThrownBy(() -> new Pipeline(List.of(fine, failsSecond), none).validate(t))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("second");
    assertThatThrownBy(() -> new Pipeline(List.of(failsFirst, fine), none).validate(t))
        .isInstanceOf(IllegalStateException.class).hasMessage("first");
  }
}
