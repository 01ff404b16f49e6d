package io.todo.validator.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The repository's {@code validator.yaml}: which overlays exist and, per overlay, its Kubernetes
 * version, policy environment and sealing certificate. Immutable and validated when read.
 */
public record RepoConfig(Path root, List<OverlayConfig> overlays, Path policiesDir) {

  public static final String FILE_NAME = "validator.yaml";
  private static final Set<String> TOP_KEYS = Set.of("overlays", "policies");
  private static final Set<String> OVERLAY_KEYS =
      Set.of("path", "environment", "kubernetesVersion", "sealingCert");

  /** One overlay's settings; paths are relative to the repository root. */
  public record OverlayConfig(String path, String environment, String kubernetesVersion, String sealingCert) {}

  /** Walks up from {@code start} to the first directory holding validator.yaml. */
  public static Optional<RepoConfig> find(Path start) {
    return locate(start).map(f -> read(f, display(start, f)));
  }

  /** The validator.yaml {@link #find} reads, without reading it. */
  public static Optional<Path> locate(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    while (dir != null) {
      Path f = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(f)) {
        return Optional.of(f);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /** The validator.yaml this configuration was read from. */
  public Path file() {
    return root.resolve(FILE_NAME);
  }

  public static RepoConfig read(Path file, String shown) {
    List<YamlDocument> docs = new YamlLoader().load(file, shown);
    Path root = file.toAbsolutePath().getParent();
    if (docs.isEmpty() || docs.get(0).isEmpty()) {
      return new RepoConfig(root, List.of(), root.resolve("policies"));
    }
    YamlDocument doc = docs.get(0);
    JsonNode c = doc.content();
    if (!c.isObject()) {
      throw ValidatorException.input(doc.start(), "validator.yaml must be a mapping");
    }
    checkKeys(c, TOP_KEYS, doc, "");
    List<OverlayConfig> overlays = new ArrayList<>();
    JsonNode list = c.path("overlays");
    if (!list.isMissingNode() && !list.isArray()) {
      throw ValidatorException.input(doc.locations().locate("/overlays"), "overlays must be a list");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode o = list.get(i);
      String ptr = "/overlays/" + i;
      if (!o.isObject()) {
        throw ValidatorException.input(doc.locations().locate(ptr), "an overlay entry must be a mapping");
      }
      checkKeys(o, OVERLAY_KEYS, doc, ptr);
      String path = text(o, "path", doc, ptr, true);
      overlays.add(
          new OverlayConfig(
              path,
              Optional.ofNullable(text(o, "environment", doc, ptr, false)).orElse(Path.of(path).getFileName().toString()),
              text(o, "kubernetesVersion", doc, ptr, false),
              text(o, "sealingCert", doc, ptr, false)));
    }
    String policies = c.hasNonNull("policies") ? c.get("policies").asText() : "policies";
    return new RepoConfig(root, List.copyOf(overlays), root.resolve(policies));
  }

  /** The settings of the overlay at {@code dir}, if validator.yaml names it. */
  public Optional<OverlayConfig> overlayFor(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    return overlays.stream().filter(o -> root.resolve(o.path()).normalize().equals(abs)).findFirst();
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, YamlDocument doc, String ptr) {
    Iterator<String> it = node.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw ValidatorException.input(
            doc.locations().locate(ptr + "/" + k), "unknown field \"" + k + "\" (expected one of " + new java.util.TreeSet<>(allowed) + ")");
      }
    }
  }

  private static String text(JsonNode o, String key, YamlDocument doc, String ptr, boolean required) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw ValidatorException.input(doc.locations().locate(ptr), "missing required field \"" + key + "\"");
      }
      return null;
    }
    if (!v.isValueNode()) {
      throw ValidatorException.input(doc.locations().locate(ptr + "/" + key), key + " must be a string");
    }
    return v.asText();
  }

  private static String display(Path start, Path file) {
    Path cwd = start.toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  /** Convenience for callers that hold a Location-less path. */
  public static Location locationOf(Path file) {
    return Location.of(file.toString());
  }
}
