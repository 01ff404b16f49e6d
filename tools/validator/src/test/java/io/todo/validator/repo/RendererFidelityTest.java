package io.todo.validator.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.render.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The repository's own overlays and apps/ render byte for byte as the real kustomize renders them. */
class RendererFidelityTest {

  @TestFactory
  Stream<DynamicTest> sameBytesAsKustomize() {
    List<String> dirs = new ArrayList<>();
    RepoFixture.overlayNames().forEach(o -> dirs.add("overlays/" + o));
    dirs.add("apps");
    return dirs.stream().map(d -> DynamicTest.dynamicTest(d, () ->
        assertThat(new Renderer().renderYaml(RepoFixture.ROOT.resolve(d), d)).isEqualTo(RepoFixture.render(d))));
  }
}
