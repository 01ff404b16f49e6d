package io.todo.validator.load;

/**
 * Limits that keep hostile input from exhausting memory or time. Each is reported by name when
 * hit, so the user knows which knob was turned.
 *
 * @param maxLineLength SnakeYAML's own reader buffered a scalar's whole line in 1024-character
 *     steps, copying the window each time: a line of n characters cost O(n²) (a 10 MB line took a
 *     minute). {@link ChunkReader} reads in linear time (a 1 MB line: 0.7 s for the whole run, was
 *     1.8 s), but no manifest has a line that long: the cap stays.
 */
public record YamlLimits(
    long maxFileBytes, int maxAliases, int maxNestingDepth, int maxNodesPerDocument, int maxDocuments,
    int maxLineLength) {

  public static final YamlLimits DEFAULT = new YamlLimits(32L << 20, 100, 200, 2_000_000, 200_000, 1 << 20);

  public YamlLimits(long maxFileBytes, int maxAliases, int maxNestingDepth, int maxNodesPerDocument, int maxDocuments) {
    this(maxFileBytes, maxAliases, maxNestingDepth, maxNodesPerDocument, maxDocuments, DEFAULT_LINE);
  }

  private static final int DEFAULT_LINE = 1 << 20;
}
