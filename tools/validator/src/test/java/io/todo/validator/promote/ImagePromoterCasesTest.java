package io.todo.validator.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each folder of promote-cases/ holds src/ and dst/ overlays and the expected text of dst's
 * kustomization after promotion (README says what the case is about). Several entries per case
 * gain or lose lines, so a line number computed before an edit and used after it shows up here.
 */
class ImagePromoterCasesTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> cases() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/promote-cases").toURI());
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(dirs).isNotEmpty();
    return dirs.stream().map(dir -> dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private void check(Path dir) throws IOException {
    String expected = Files.readString(dir.resolve("expected.yaml"));
    Promotions.Plan plan = Promotions.plan(dir.resolve("src"), dir.resolve("dst"), "src", "dst");
    assertThat(plan.result().text()).isEqualTo(expected);
    assertThat(plan.result().changes()).isNotEmpty();

    // promoting again onto the result changes nothing: every entry was edited where it is
    Path again = Files.createDirectories(tmp.resolve(dir.getFileName().toString()));
    Files.writeString(again.resolve("kustomization.yaml"), expected);
    Promotions.Plan second = Promotions.plan(dir.resolve("src"), again, "src", "again");
    assertThat(second.result().changes()).isEmpty();
    assertThat(second.result().text()).isEqualTo(expected);
  }
}
