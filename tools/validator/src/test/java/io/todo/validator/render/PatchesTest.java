package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class PatchesTest {
  /** The hand-written check agrees with the regex it replaced, {@code .*}{@code /[0-9]+(/.*)?}. */
  @TestFactory
  Stream<DynamicTest> anIndexSegmentIsFoundAsTheRegexFoundIt() {
    return Stream.of("", "/", "//", "/0", "/a/0", "/a/0/b", "/a/01x/b", "/a/x0", "/0a", "/a/b", "/spec/ports/12",
            "/a//0", "/a/0/", "/ports/-", "a/0", "/a/0b/1", "/metadata/labels/app.kubernetes.io~1name", "/9/9/9")
        .map(p -> DynamicTest.dynamicTest("'" + p + "'",
            () -> assertThat(Patches.hasIndexSegment(p)).isEqualTo(p.matches(".*/[0-9]+(/.*)?"))));
  }
}
