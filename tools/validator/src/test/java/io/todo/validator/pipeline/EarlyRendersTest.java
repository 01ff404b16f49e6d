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

  @Test
  void aResultIsTakenOnceAndOnlyForTheSameTarget() throws Exception {
    Path d = kustomization("app", "configMapGenerator:\n- name: cm\n  literals: [a=b]\n");
    EarlyRenders early = EarlyRenders.start(() -> List.of(new Target(d, "app", null, null)));
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
    Pipeline p = new Pipeline(List.of(), java.io.InputStream.nullInputStream(), early);
    List<Resource> first = p.render(t);
    // the files change: the next render must see them (the early result was used up)
    Files.writeString(d.resolve("kustomization.yaml"), "configMapGenerator:\n- name: cm\n  literals: [a=c]\n");
    List<Resource> second = p.render(t);
    assertThat(second.get(0).name()).isNotEqualTo(first.get(0).name());
  }
}
