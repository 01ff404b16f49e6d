package io.todo.validator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerException;

/** The in-memory reader against SnakeYAML's own, operation by operation. */
class ChunkReaderTest {
  private static final String[] PARTS = {"a", "key: value", " ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028",
      "\u2029", "\uFEFF", "é", "日本", "\uD83D\uDE00", "- ", "#", "\"", "'"};

  @Test
  void movesLikeSnakeYamlsReaderOnRandomText() {
    Random random = new Random(11);
    for (int n = 0; n < 2_000; n++) {
      String text = randomText(random, random.nextInt(4) == 0 ? 3_000 : 40);
      String prefix = "garbage before the slice\n";
      StreamReader expected = new StreamReader(new ShortReads(text));
      StreamReader actual = new ChunkReader(prefix + text + "after", prefix.length(), prefix.length() + text.length());
      List<String> ops = new ArrayList<>();
      for (int step = 0; step < 400; step++) {
        int op = random.nextInt(6);
        int k = random.nextInt(random.nextBoolean() ? 4 : 300);
        ops.add(op + ":" + k);
        java.util.function.Supplier<String> what = () -> text.replace("\n", "\\n").replace("\r", "\\r") + " after " + ops;
        switch (op) {
          case 0 -> assertThat(actual.peek(k)).as(what).isEqualTo(expected.peek(k));
          case 1 -> assertThat(actual.prefix(k)).as(what).isEqualTo(expected.prefix(k));
          case 2 -> {
            expected.forward(k);
            actual.forward(k);
          }
          case 3 -> {
            // the scanner moves this way only over what it has peeked: no line break, not past the end
            String ahead = expected.prefix(k);
            if (ahead.codePoints().count() == k && ahead.chars().noneMatch(c -> "\n\r\u0085\u2028\u2029\uFEFF".indexOf(c) >= 0)) {
              assertThat(actual.prefixForward(k)).as(what).isEqualTo(expected.prefixForward(k));
            }
          }
          case 4 -> {
            expected.resetDocumentIndex();
            actual.resetDocumentIndex();
          }
          default -> {
            assertThat(actual.peek()).as(what).isEqualTo(expected.peek());
            actual.forward();
            expected.forward();
          }
        }
        assertThat(position(actual)).as(what).isEqualTo(position(expected));
      }
    }
  }

  @Test
  void rejectsASpecialCharacterWhereSnakeYamlDoesAndSaysWhere() {
    String[][] cases = {{"a: \u0001\n", "0:3 U+0001"}, {"k: v\r\n\u007F", "1:0 U+007F"},
        {"\uD83D\uDE00 \uD800 lone surrogate", "0:2 U+D800"}, {"x\u2028\uFFFE", "1:0 U+FFFE"}};
    for (String[] c : cases) {
      String bad = c[0];
      StreamReader original = new StreamReader(new StringReader(bad));
      assertThat(catchThrowable(() -> original.forward(bad.length()))).isInstanceOf(ReaderException.class);
      assertThat(catchThrowable(() -> new ChunkReader(bad, 0, bad.length())))
          .isInstanceOfSatisfying(ScannerException.class, e -> assertThat(e.getProblemMark().getLine() + ":"
              + e.getProblemMark().getColumn() + " " + e.getProblem().substring(18, 24)).isEqualTo(c[1]));
    }
  }

  /**
   * SnakeYAML's reader fails (an index out of bounds) when a 1,024-char read ends inside a
   * surrogate pair: the reference reads less, so that the comparison covers such text.
   */
  private static final class ShortReads extends StringReader {
    ShortReads(String text) {
      super(text);
    }

    @Override
    public int read(char[] buf, int off, int len) throws java.io.IOException {
      return super.read(buf, off, Math.min(len, 1000));
    }
  }

  private static String position(StreamReader r) {
    Mark m = r.getMark();
    return r.getIndex() + "/" + r.getDocumentIndex() + "/" + r.getLine() + ":" + r.getColumn()
        + " mark " + m.getIndex() + "/" + m.getLine() + ":" + m.getColumn() + " next " + r.peek();
  }

  private static String randomText(Random random, int parts) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(parts); i >= 0; i--) {
      text.append(PARTS[random.nextInt(PARTS.length)]);
    }
    return text.toString();
  }
}
