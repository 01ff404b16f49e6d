package io.todo.validator.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.SourceMap;

/**
 * One document of a YAML stream: its content (null for an empty document), where it starts, and
 * the location of every node by JSON pointer.
 */
public record YamlDocument(JsonNode content, Location start, SourceMap locations) {

  public boolean isEmpty() {
    return content == null || content.isNull();
  }
}
