package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * kustomize 5.8's replacement into structured data (filters/replacement setValueInStructuredData):
 * when a target path runs into a string field that parses as YAML, e.g. a ConfigMap key holding
 * JSON, the rest of the path is followed inside it and the text is written back, as compact or
 * indented JSON like the original. YAML text inside a string would be re-emitted by yaml.v3 with
 * its original styles and comments, which this renderer does not model: that fails loudly.
 */
final class StructuredData {
  private StructuredData() {}

  /** True when the path was handled here; false sends the caller to the plain path walk. */
  static boolean set(FieldSpec.Slot root, ScalarValue value, String fieldPath, PathMatcher.Kind create) {
    List<String> parts = PathMatcher.split(fieldPath);
    if (parts.size() < 2) {
      return false;
    }
    FieldSpec.Slot scalar = null;
    int split = 0;
    for (int i = 1; i <= parts.size() && scalar == null; i++) {
      FieldSpec.Slot s;
      try {
        s = PathMatcher.lookup(root, parts.subList(0, i));
      } catch (RenderException e) {
        continue;
      }
      if (s != null && PathMatcher.isScalar(s.get()) && i < parts.size()) {
        try {
          PathMatcher.parseScalar(PathMatcher.value(s.get()));
          scalar = s;
          split = i;
        } catch (RenderException e) {
          // not YAML: try a longer prefix
        }
      }
    }
    if (scalar == null) {
      return false;
    }
    String original = PathMatcher.value(scalar.get());
    if (original.isBlank()) {
      return false; // yaml.v3 gives an empty document, which no path can walk
    }
    JsonNode parsed = PathMatcher.parseScalar(original);
    FieldSpec.Slot doc = PathMatcher.detached(parsed);
    List<FieldSpec.Slot> targets;
    try {
      targets = PathMatcher.match(doc, parts.subList(split, parts.size()), create);
    } catch (RenderException e) {
      return false;
    }
    if (targets.isEmpty()) {
      return false;
    }
    if (parsed.isNull()) {
      // kyaml "creates" inside a null scalar without effect and writes "null" back: nothing changes
      return true;
    }
    for (FieldSpec.Slot t : targets) {
      JsonNode cur = t.get();
      if (PathMatcher.isScalar(cur)) {
        t.set(ScalarValue.typed(ScalarValue.tagOf(cur), value.text()));
      } else {
        t.set(value.node());
      }
    }
    String trimmed = original.strip();
    char first = trimmed.isEmpty() ? ' ' : trimmed.charAt(0);
    if (first != '{' && first != '[') {
      throw new RenderException("replacement target \"" + fieldPath + "\" points into YAML text held in a string;"
          + " rewriting embedded YAML is not supported by this renderer (embedded JSON is)");
    }
    boolean pretty = original.contains("\n") && original.contains("  ");
    String json = GoJson.marshal(doc.get(), pretty);
    scalar.set(ScalarValue.typed(ScalarValue.tagOf(scalar.get()), json));
    return true;
  }
}
