package io.todo.validator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void equalInputsGiveNoDiff() {
    assertThat(UnifiedDiff.diff("a", "b", List.of("x", "y"), List.of("x", "y"))).isEmpty();
  }

  @Test
  void changeInTheMiddleHasContext() {
    List<String> a = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
    List<String> b = List.of("1", "2", "3", "4", "five", "6", "7", "8", "9");
    assertThat(UnifiedDiff.diff("a/f", "b/f", a, b)).isEqualTo("""
        --- a/f
        +++ b/f
        @@ -2,7 +2,7 @@
         2
         3
         4
        -5
        +five
         6
         7
         8
        """);
  }

  @Test
  void additionToAnEmptyFile() {
    assertThat(UnifiedDiff.diff("/dev/null", "b/f", List.of(), List.of("x"))).isEqualTo("""
        --- /dev/null
        +++ b/f
        @@ -0,0 +1 @@
        +x
        """);
  }

  @Test
  void distantChangesGiveSeparateHunks() {
    List<String> a = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      a.add("l" + i);
    }
    List<String> b = new java.util.ArrayList<>(a);
    b.set(1, "x");
    b.set(18, "y");
    String d = UnifiedDiff.diff("a", "b", a, b);
    assertThat(d.split("\n@@ ", -1)).hasSize(3);
  }
}
