package io.todo.validator.seal;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.config.RepoConfig;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Per-overlay sealing settings: the certificate named in validator.yaml and the overlay's namespace. */
public final class Overlays {
  private static final List<String> KUSTOMIZATION_FILES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private Overlays() {}

  /** The overlay called {@code name}: its environment, its path, or the last segment of its path. */
  public static RepoConfig.OverlayConfig find(RepoConfig config, String name) {
    String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    return config.overlays().stream()
        .filter(o -> o.environment().equals(n) || o.path().equals(n) || Path.of(o.path()).getFileName().toString().equals(n))
        .findFirst()
        .orElseThrow(
            () -> new ValidatorException(
                ExitCodes.USAGE,
                "no overlay \"" + name + "\" in " + config.root().resolve(RepoConfig.FILE_NAME) + " (known: "
                    + config.overlays().stream().map(RepoConfig.OverlayConfig::environment).toList() + ")"));
  }

  /** The overlay's sealing certificate path, resolved against the repository root. */
  public static Optional<Path> certificate(RepoConfig config, RepoConfig.OverlayConfig overlay) {
    return Optional.ofNullable(overlay.sealingCert()).map(c -> config.root().resolve(c).normalize());
  }

  /** The {@code namespace:} of the overlay's kustomization, if it sets one. */
  public static Optional<String> namespace(Path overlayDir) {
    for (String f : KUSTOMIZATION_FILES) {
      Path k = overlayDir.resolve(f);
      if (Files.isRegularFile(k)) {
        List<YamlDocument> docs = new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT).load(k, k.toString());
        if (docs.isEmpty() || docs.get(0).isEmpty()) {
          return Optional.empty();
        }
        JsonNode ns = docs.get(0).content().get("namespace");
        if (ns != null && !ns.isTextual() && !ns.isNull()) {
          throw ValidatorException.input(docs.get(0).locations().locate("/namespace"), "namespace must be a string");
        }
        return ns == null || ns.asText().isEmpty() ? Optional.empty() : Optional.of(ns.asText());
      }
    }
    throw ValidatorException.input(Location.of(overlayDir.toString()), "no kustomization file in the overlay directory");
  }
}
