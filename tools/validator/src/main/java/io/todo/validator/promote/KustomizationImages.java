package io.todo.validator.promote;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code images:} entries of a kustomization and of the bases and components it uses. */
final class KustomizationImages {
  private static final Set<String> FIELDS = Set.of("name", "newName", "newTag", "digest", "tagSuffix");

  private KustomizationImages() {}

  static Path kustomizationFile(Path dir, String shown) {
    for (String f : Renderer.KUSTOMIZATION_FILES) {
      if (Files.isRegularFile(dir.resolve(f))) {
        return dir.resolve(f);
      }
    }
    throw ValidatorException.input(Location.of(shown), "not a kustomization directory (no kustomization.yaml)");
  }

  static YamlDocument read(Path file, String shown) {
    List<YamlDocument> docs = new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT).load(file, shown);
    if (docs.isEmpty() || docs.get(0).isEmpty() || !docs.get(0).content().isObject()) {
      throw ValidatorException.input(Location.of(shown), "a kustomization must be a mapping");
    }
    return docs.get(0);
  }

  /** The entries written in one kustomization file, in file order. */
  static List<ImageEntry> own(YamlDocument doc) {
    List<ImageEntry> list = new ArrayList<>();
    JsonNode images = doc.content().get("images");
    if (images == null || images.isNull()) {
      return list;
    }
    if (!images.isArray()) {
      throw ValidatorException.input(doc.locations().locate("/images"), "images must be a list");
    }
    for (int i = 0; i < images.size(); i++) {
      JsonNode e = images.get(i);
      String ptr = "/images/" + i;
      if (!e.isObject() || !e.hasNonNull("name")) {
        throw ValidatorException.input(doc.locations().locate(ptr), "an images entry must be a mapping with a name");
      }
      e.fieldNames().forEachRemaining(k -> {
        if (!FIELDS.contains(k)) {
          throw ValidatorException.input(doc.locations().locate(ptr + "/" + k), "unknown field \"" + k + "\" in images entry");
        }
      });
      list.add(new ImageEntry(text(e, "name"), text(e, "newName"), text(e, "newTag"), text(e, "digest"),
          doc.locations().locate(ptr)));
    }
    return list;
  }

  /**
   * The effective image versions of an overlay: its own entries, then those of the bases and
   * components it includes (nearest wins), keyed by image name.
   */
  static Map<String, ImageEntry> effective(Path dir, String shown) {
    Map<String, ImageEntry> result = new LinkedHashMap<>();
    collect(dir.toAbsolutePath().normalize(), shown, result, new java.util.HashSet<>());
    return result;
  }

  private static void collect(Path dir, String shown, Map<String, ImageEntry> into, Set<Path> seen) {
    if (!seen.add(dir)) {
      return;
    }
    Path file = kustomizationFile(dir, shown);
    YamlDocument doc = read(file, shown + "/" + file.getFileName());
    for (ImageEntry e : own(doc)) {
      into.putIfAbsent(e.name(), e);
    }
    for (String field : List.of("resources", "components", "bases")) {
      for (JsonNode r : doc.content().path(field)) {
        if (!r.isTextual() || r.asText().contains("://") || r.asText().startsWith("github.com/")) {
          continue;
        }
        Path sub = dir.resolve(r.asText()).normalize();
        if (Renderer.isKustomization(sub)) {
          collect(sub, shown + "/" + r.asText(), into, seen);
        }
      }
    }
  }

  private static String text(JsonNode e, String k) {
    JsonNode v = e.get(k);
    return v == null || v.isNull() ? null : v.asText();
  }
}
