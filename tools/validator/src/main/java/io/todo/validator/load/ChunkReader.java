package io.todo.validator.load;

import java.io.Reader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * SnakeYAML's character source, over a document that is already in memory. SnakeYAML's own reader
 * pulls 1,024 chars at a time through a {@link Reader}, copies its window of code points on every
 * pull and checks the window's bounds on every peek; on a 50,000-document stream that was a sixth
 * of the parse. This one decodes the document's code points once, checking that each is printable,
 * and keeps SnakeYAML's reader contract: the same lines, columns and indices (a line break is
 * {@code \n}, NEL, LS, PS or a {@code \r} not followed by {@code \n}; a byte order mark takes no
 * column) and {@code 0} past the end. A special character (a control character, a lone surrogate)
 * is an error at its own line and column, where SnakeYAML named none.
 * {@code ChunkReaderTest} checks it against SnakeYAML's reader.
 */
final class ChunkReader extends StreamReader {
  private static final String NAME = "'reader'";
  private final int[] codePoints;
  private final int length;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  ChunkReader(String source, int from, int to) {
    super(Reader.nullReader());
    // a copy first: charAt on the stream's string checked its bounds on every char
    char[] chars = new char[to - from];
    source.getChars(from, to, chars, 0);
    int[] cps = new int[chars.length];
    int n = 0;
    int special = -1;
    for (int i = 0; i < chars.length; ) {
      char c = chars[i];
      if (c >= ' ' && c <= '~' || c == '\n') {
        cps[n++] = c;
        i++;
        continue;
      }
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
        cp = Character.toCodePoint(c, chars[i + 1]);
      }
      if (!isPrintable(cp)) {
        special = cp;
        break;
      }
      cps[n++] = cp;
      i += Character.charCount(cp);
    }
    this.codePoints = cps;
    this.length = n;
    if (special >= 0) {
      // SnakeYAML names no line for this; we can: the text before it is read
      forward(n);
      throw new ScannerException(null, null,
          String.format("special character U+%04X is not allowed", special), getMark());
    }
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, index, line, column, codePoints, pointer);
  }

  @Override
  public void forward(int count) {
    for (int i = 0; i < count && pointer < length; i++) {
      int c = codePoints[pointer++];
      index++;
      documentIndex++;
      if (c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029
          || c == '\r' && pointer < length && codePoints[pointer] != '\n') {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return pointer < length ? codePoints[pointer] : 0;
  }

  @Override
  public int peek(int offset) {
    int at = pointer + offset;
    return at < length ? codePoints[at] : 0;
  }

  @Override
  public String prefix(int count) {
    if (count == 0 || pointer >= length) {
      return "";
    }
    return new String(codePoints, pointer, Math.min(count, length - pointer));
  }

  /** Moves over {@code count} code points the scanner knows hold no line break. */
  @Override
  public String prefixForward(int count) {
    String prefix = prefix(count);
    pointer += count;
    index += count;
    documentIndex += count;
    column += count;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
