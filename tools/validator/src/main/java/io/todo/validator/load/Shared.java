package io.todo.validator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each field name and short string value for all documents of a stream: every
 * document of a large stream repeats {@code apiVersion}, {@code metadata}, {@code v1} and the rest,
 * and each copy stayed alive in its tree and its source map for the garbage collector to copy.
 * Bounded, so that a stream of unique names only stops sharing. (Jackson's value nodes are
 * immutable and already shared by {@code deepCopy}.)
 */
final class Shared {
  private static final int MAX_ENTRIES = 50_000;
  private static final int MAX_LENGTH = 64;
  private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, JsonNode> texts = new ConcurrentHashMap<>();

  String name(String name) {
    return share(names, name, name);
  }

  /** The text node of a string value, or {@code node} itself when it is not plain text. */
  JsonNode text(JsonNode node) {
    return node.getClass() == TextNode.class
        ? share(texts, node.textValue(), node) : node;
  }

  private static <T> T share(ConcurrentHashMap<String, T> map, String key, T value) {
    T known = map.get(key);
    if (known != null) {
      return known;
    }
    if (key.length() <= MAX_LENGTH && map.size() < MAX_ENTRIES) {
      known = map.putIfAbsent(key, value);
    }
    return known != null ? known : value;
  }
}
