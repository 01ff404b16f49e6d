package io.todo.validator.load;

import io.todo.validator.model.Location;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A document's text, a slice of the stream's (a 50,000-document stream was copied once more to
 * cut it up, on one thread, before the parallel parse), and the line it starts on (0-based).
 */
final class Chunk {
  private final String source;
  private final int from;
  private final int to;
  final int firstLine;

  Chunk(String text, int firstLine) {
    this(text, 0, text.length(), firstLine);
  }

  Chunk(String source, int from, int to, int firstLine) {
    this.source = source;
    this.from = from;
    this.to = to;
    this.firstLine = firstLine;
  }

  String text() {
    return from == 0 && to == source.length() ? source : source.substring(from, to);
  }

  int firstLine() {
    return firstLine;
  }

  /** Where a mark of this document is in {@code file} (the document's first line, without a mark). */
  Location at(String file, Mark m) {
    return new Location(file, line(m), column(m));
  }

  /** The 1-based stream line of a mark of this document. */
  int line(Mark m) {
    return firstLine + (m == null ? 0 : m.getLine()) + 1;
  }

  static int column(Mark m) {
    return m == null ? 1 : m.getColumn() + 1;
  }

  /** SnakeYAML's reader over the slice, without copying it to a string of its own. */
  StreamReader reader() {
    return new ChunkReader(source, from, to);
  }
}
