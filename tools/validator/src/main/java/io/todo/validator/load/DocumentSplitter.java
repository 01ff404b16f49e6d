package io.todo.validator.load;

import java.util.ArrayList;
import java.util.List;

/** Cuts a YAML stream into its documents, at {@code ---} lines, before they are parsed side by side. */
final class DocumentSplitter {
  private DocumentSplitter() {}

  /** Splits a stream at {@code ---} lines, keeping each marker with the document it starts. */
  static List<Chunk> split(String text) {
    if (text.indexOf('\uFEFF') >= 0) {
      return splitByLines(text); // byte order marks are dropped from the documents' text
    }
    if (!text.startsWith("---") && !text.contains("\n---")) {
      return List.of(new Chunk(text, 0)); // one document, the common case
    }
    // the documents are slices of the text: no line is copied (this runs before the parallel parse)
    List<Chunk> chunks = new ArrayList<>();
    int chunkStart = 0;
    int currentStart = 0;
    int lineNo = 0;
    int pos = 0;
    boolean sawContent = false;
    boolean sawStart = false;
    while (pos <= text.length()) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl + 1;
      if (pos == end) {
        break;
      }
      boolean start = isDocumentStart(text, pos, end);
      if (start && (sawContent || sawStart || pos > chunkStart && hasContent(text.substring(chunkStart, pos)))) {
        chunks.add(new Chunk(text, chunkStart, pos, currentStart));
        chunkStart = pos;
        currentStart = lineNo;
        sawContent = false;
        sawStart = false;
      }
      sawStart |= start;
      if (!start && !sawContent) {
        sawContent = isContentLine(text, pos, end);
      }
      lineNo++;
      pos = end;
    }
    if (chunkStart < text.length() || chunks.isEmpty()) {
      if (chunks.isEmpty() || hasContent(text.substring(chunkStart))) {
        chunks.add(new Chunk(text, chunkStart, text.length(), currentStart));
      }
    }
    return chunks;
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

  /** The line-by-line split, which can drop a byte order mark from the start of each document. */
  static List<Chunk> splitByLines(String text) {
    List<Chunk> chunks = new ArrayList<>();
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
        line = line.substring(1); // YAML allows a byte order mark at the start of every document
      }
      if (line.isEmpty() && nl < 0) {
        break;
      }
      // a second `---` starts a new document even when the one before it is empty
      if (isDocumentStart(line) && (sawContent || sawStart || current.length() > 0 && hasContent(current))) {
        chunks.add(new Chunk(current.toString(), currentStart));
        current.setLength(0);
        currentStart = lineNo;
        sawContent = false;
        sawStart = false;
      }
      sawStart |= isDocumentStart(line);
      current.append(line);
      if (!isDocumentStart(line) && !line.isBlank() && !line.stripLeading().startsWith("#")) {
        sawContent = true;
      }
      lineNo++;
      if (nl < 0) {
        break;
      }
      pos = nl + 1;
    }
    if (current.length() > 0 || chunks.isEmpty()) {
      if (hasContent(current) || chunks.isEmpty()) {
        chunks.add(new Chunk(current.toString(), currentStart));
      }
    }
    return chunks;
  }

  /** Whether a line (as {@code String.lines} splits: \n, \r or \r\n) is more than blanks, a comment or {@code ---}. */
  private static boolean hasContent(CharSequence text) {
    String s = text.toString();
    int start = 0;
    while (start < s.length()) {
      int end = start;
      while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
        end++;
      }
      String l = s.substring(start, end);
      if (!l.isBlank() && !l.stripLeading().startsWith("#") && !isDocumentStart(l)) {
        return true;
      }
      start = end + (end + 1 < s.length() && s.charAt(end) == '\r' && s.charAt(end + 1) == '\n' ? 2 : 1);
    }
    return false;
  }

  private static boolean isDocumentStart(String line) {
    if (!line.startsWith("---")) {
      return false;
    }
    return line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '\t' || line.charAt(3) == '\n'
        || line.charAt(3) == '\r';
  }
}
