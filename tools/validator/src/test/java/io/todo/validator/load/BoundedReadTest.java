package io.todo.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedReadTest {

  @Test
  void readsAWholeFileUnderTheLimit(@TempDir Path dir) throws Exception {
    Path f = Files.write(dir.resolve("a.yaml"), "kind: A\n".getBytes());
    assertThat(BoundedRead.file(f, 100)).containsExactly("kind: A\n".getBytes());
  }

  @Test
  void stopsOneByteOverTheLimit(@TempDir Path dir) throws Exception {
    Path f = Files.write(dir.resolve("a.yaml"), new byte[1000]);
    assertThat(BoundedRead.file(f, 10)).hasSize(11);
    assertThat(BoundedRead.file(f, 1000)).hasSize(1000);
  }

  /** An endless stream (/dev/zero, a pipe that never closes its output) ends at the limit. */
  @Test
  void endsAnEndlessStreamAtTheLimit() throws Exception {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 0;
      }
    };
    assertThat(BoundedRead.stream(endless, 1 << 20)).hasSize((1 << 20) + 1);
    assertThat(BoundedRead.stream(new ByteArrayInputStream(new byte[5]), 1 << 20)).hasSize(5);
  }
}
