package io.todo.validator.load;

/**
 * Limits that keep hostile input from exhausting memory or time. Each is reported by name when
 * hit, so the user knows which knob was turned.
 */
public record YamlLimits(
    long maxFileBytes, int maxAliases, int maxNestingDepth, int maxNodesPerDocument, int maxDocuments) {

  public static final YamlLimits DEFAULT = new YamlLimits(32L << 20, 100, 200, 2_000_000, 200_000);
}
