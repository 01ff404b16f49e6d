package io.todo.validator.load;

import java.util.ArrayList;
import java.util.List;

/** Cuts a YAML stream into its documents, at {@code ---} lines, before they are parsed side by side. */
final class DocumentSplitter {
  private static final char BOM = '\uFEFF';

  private DocumentSplitter() {}

  /**
   * Splits a stream at {@code ---} lines, keeping each marker with the document it starts. The
   * documents are slices of the text (no line is copied: this runs before the parallel parse),
   * except that a byte order mark opening a document's line before its content is dropped.
   */
  static List<Chunk> split(String text) {
    if (!text.startsWith("---") && !text.contains("\n---") && text.indexOf(BOM) < 0) {
      return List.of(new Chunk(text, 0)); // one document, the common case
    }
    List<Chunk> chunks = new ArrayList<>();
    List<Integer> marks = new ArrayList<>(); // byte order marks dropped from the current document
    int chunkStart = 0;
    int currentStart = 0;
    int lineNo = 0;
    int pos = 0;
    boolean sawContent = false;
    boolean sawStart = false;
    while (pos <= text.length()) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl + 1;
      // YAML allows a byte order mark at the start of every document
      int from = !sawContent && pos < end && text.charAt(pos) == BOM ? pos + 1 : pos;
      if (from == end && nl < 0) {
        if (from > pos) {
          marks.add(pos); // a last line that is only a byte order mark
        }
        break;
      }
      boolean start = isDocumentStart(text, from, end);
      // a second `---` starts a new document even when the one before it is empty
      if (start && (sawContent || sawStart || pos > chunkStart && hasContent(slice(text, chunkStart, pos, marks)))) {
        chunks.add(chunk(text, chunkStart, pos, marks, currentStart));
        chunkStart = pos;
        currentStart = lineNo;
        sawContent = false;
        sawStart = false;
      }
      if (from > pos) {
        marks.add(pos);
      }
      sawStart |= start;
      if (!start && !sawContent) {
        sawContent = isContentLine(text, from, end);
      }
      lineNo++;
      pos = end;
    }
    if (chunks.isEmpty() || hasContent(slice(text, chunkStart, text.length(), marks))) {
      chunks.add(chunk(text, chunkStart, text.length(), marks, currentStart));
    }
    return chunks;
  }

  private static Chunk chunk(String text, int from, int to, List<Integer> marks, int firstLine) {
    Chunk c = marks.isEmpty() ? new Chunk(text, from, to, firstLine) : new Chunk(slice(text, from, to, marks), firstLine);
    marks.clear();
    return c;
  }

  /** The text from {@code from} to {@code to} without the byte order marks at {@code marks}. */
  private static String slice(String text, int from, int to, List<Integer> marks) {
    if (marks.isEmpty()) {
      return text.substring(from, to);
    }
    StringBuilder out = new StringBuilder(to - from);
    int at = from;
    for (int m : marks) {
      out.append(text, at, m);
      at = m + 1;
    }
    return out.append(text, at, to).toString();
  }

  /** A line that is neither blank nor a comment (as {@code isBlank} and {@code stripLeading} see it). */
  private static boolean isContentLine(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c != '#';
      }
    }
    return false;
  }

  private static boolean isDocumentStart(String text, int from, int to) {
    if (to - from < 3 || !text.startsWith("---", from)) {
      return false;
    }
    if (to - from == 3) {
      return true;
    }
    char c = text.charAt(from + 3);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Whether a line (as {@code String.lines} splits: \n, \r or \r\n) is more than blanks, a comment or {@code ---}. */
  private static boolean hasContent(String s) {
    int start = 0;
    while (start < s.length()) {
      int end = start;
      while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
        end++;
      }
      if (isContentLine(s, start, end) && !isDocumentStart(s, start, end)) {
        return true;
      }
      start = end + (end + 1 < s.length() && s.charAt(end) == '\r' && s.charAt(end + 1) == '\n' ? 2 : 1);
    }
    return false;
  }
}
