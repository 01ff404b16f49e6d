package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.model.ValidatorException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The documents of a resource or patch file as kustomize reads them: Lists expanded. */
final class ListItems {
  private ListItems() {}

  /**
   * How kustomize reads the documents of a resource or patch file. kio's ByteReader unwraps a file
   * that is a single {@code kind: List} (or ResourceList) document with items in place; then
   * resource.Factory's inlineAnyEmbeddedLists replaces any document whose kind ends in "List" and
   * that has an items field (any apiVersion) by its items, queued after the other documents (so they
   * come after them, and nested Lists expand too); null items give nothing.
   */
  static List<YamlDocument> inline(List<YamlDocument> docs) {
    ArrayDeque<YamlDocument> queue = new ArrayDeque<>();
    if (docs.size() == 1 && !docs.get(0).isEmpty() && docs.get(0).content().isObject()
        && List.of("List", "ResourceList").contains(Res.text(docs.get(0).content().get("kind")))
        && docs.get(0).content().path("items").isArray()) {
      queue.addAll(items(docs.get(0)));
    } else {
      docs.stream().filter(d -> !d.isEmpty()).forEach(queue::add);
    }
    List<YamlDocument> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      YamlDocument d = queue.poll();
      JsonNode c = d.content();
      String kind = c.isObject() ? Res.text(c.get("kind")) : "";
      if (!kind.endsWith("List") || !c.has("items")) {
        out.add(d);
        continue;
      }
      JsonNode items = c.get("items");
      if (items.isNull()) {
        continue;
      }
      if (!items.isArray()) {
        throw ValidatorException.input(d.locations().locate("/items"),
            "expected array in " + kind + "/items, but found " + (items.isObject() ? "map[string]interface {}"
                : items.isBoolean() ? "bool" : items.isIntegralNumber() ? "int" : items.isNumber() ? "float64" : "string"));
      }
      // each item is read on its own by kio again: a single List item is unwrapped in place
      for (YamlDocument item : items(d)) {
        queue.addAll(inlineSingle(item));
      }
    }
    return out;
  }

  private static List<YamlDocument> inlineSingle(YamlDocument d) {
    JsonNode c = d.content();
    return c.isObject() && List.of("List", "ResourceList").contains(Res.text(c.get("kind"))) && c.path("items").isArray()
        ? items(d) : List.of(d);
  }

  private static List<YamlDocument> items(YamlDocument d) {
    List<YamlDocument> out = new ArrayList<>();
    JsonNode items = d.content().get("items");
    for (int i = 0; i < items.size(); i++) {
      String prefix = "/items/" + i;
      out.add(new YamlDocument(items.get(i), d.locations().locate(prefix), d.locations().under(prefix)));
    }
    return out;
  }

}
