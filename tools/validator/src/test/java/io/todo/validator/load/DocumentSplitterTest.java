package io.todo.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentSplitterTest {
  private static List<String> split(String text) {
    return DocumentSplitter.split(text).stream().map(c -> c.firstLine() + "@" + c.text()).toList();
  }

  @Test
  void splitsDocumentsAtMarkersAndKeepsASingleDocumentWhole() {
    String one = "# c\nkind: X\n  # --- not a marker\n";
    assertThat(split(one)).containsExactly("0@" + one);
    assertThat(split("a: 1\n---\n# only a comment\n---\nb: 2\n"))
        .containsExactly("0@a: 1\n", "1@---\n# only a comment\n", "3@---\nb: 2\n");
    // a comment ended by a lone CR is still a comment line: the document after it is not content
    assertThat(split("---\n# c\r---\nb: 2\n")).hasSize(1);
    assertThat(split("---\n# c\rk: v\n---\nb: 2\n")).hasSize(2);
  }

  @Test
  void dropsAByteOrderMarkThatOpensADocumentsLineBeforeItsContent() {
    assertThat(split("a: 1\n---\n\uFEFFb: 2\n")).containsExactly("0@a: 1\n", "1@---\nb: 2\n");
    assertThat(split("# c\n\uFEFFa: 1\n")).containsExactly("0@# c\na: 1\n");
    // after the content it is text, and it hides a marker
    assertThat(split("a: 1\n\uFEFF---\nb: 2\n")).containsExactly("0@a: 1\n\uFEFF---\nb: 2\n");
  }

  @Test
  void agreesWithTheLineCopierItReplaced() {
    // random streams of markers, comments, blanks, line ends and byte order marks
    String[] parts = {"---", "--- x", "---\t", "----", "-- ", "# c", "  # c", "a: 1", " ", "\t", "\n", "\n", "\r",
        "\r\n", "...", "k: v", "\uFEFF"};
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i >= 0; i--) {
        text.append(parts[random.nextInt(parts.length)]);
      }
      String t = text.toString();
      assertThat(split(t)).as("%s", t.replace("\n", "\\n").replace("\r", "\\r").replace("\uFEFF", "<BOM>"))
          .isEqualTo(copyLines(t));
    }
  }

  /** The line-by-line split the slicing one replaced, as the reference. */
  private static List<String> copyLines(String text) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentStart = 0;
    int lineNo = 0;
    int pos = 0;
    boolean sawContent = false;
    boolean sawStart = false;
    while (pos <= text.length()) {
      int nl = text.indexOf('\n', pos);
      String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl + 1);
      if (!sawContent && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty() && nl < 0) {
        break;
      }
      if (isStart(line) && (sawContent || sawStart || current.length() > 0 && hasContent(current.toString()))) {
        chunks.add(currentStart + "@" + current);
        current.setLength(0);
        currentStart = lineNo;
        sawContent = false;
        sawStart = false;
      }
      sawStart |= isStart(line);
      current.append(line);
      if (!isStart(line) && !line.isBlank() && !line.stripLeading().startsWith("#")) {
        sawContent = true;
      }
      lineNo++;
      if (nl < 0) {
        break;
      }
      pos = nl + 1;
    }
    if ((current.length() > 0 || chunks.isEmpty()) && (hasContent(current.toString()) || chunks.isEmpty())) {
      chunks.add(currentStart + "@" + current);
    }
    return chunks;
  }

  private static boolean hasContent(String s) {
    return s.lines().anyMatch(l -> !l.isBlank() && !l.stripLeading().startsWith("#") && !isStart(l));
  }

  private static boolean isStart(String line) {
    return line.startsWith("---") && (line.length() == 3 || " \t\n\r".indexOf(line.charAt(3)) >= 0);
  }
}
