package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** What kustomize does to metadata.annotations at the end of a build. */
final class BuildMetadata {
  private BuildMetadata() {}

  /**
   * RemoveBuildAnnotations reads the annotations as a string map and writes them back: every value
   * becomes a string of its YAML text (1 becomes "1", a mapping becomes "").
   */
  static void stringifyAnnotations(List<Res> resources) {
    for (Res r : resources) {
      JsonNode a = r.obj.path("metadata").get("annotations");
      if (!(a instanceof ObjectNode map) || map.isEmpty()) {
        continue;
      }
      List<String> keys = new ArrayList<>();
      map.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonNode v = map.get(k);
        if (!v.isTextual() || v instanceof io.todo.validator.load.PlainTimestamp) {
          map.set(k, JsonNodeFactory.instance.textNode(PathMatcher.value(v)));
        }
      }
    }
  }
}
