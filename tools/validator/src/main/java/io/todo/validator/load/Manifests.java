package io.todo.validator.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads plain manifests (files, directories of files, stdin) into resources. */
public final class Manifests {
  private final YamlLoader loader;

  public Manifests(YamlLoader loader) {
    this.loader = loader;
  }

  public Manifests() {
    this(new YamlLoader());
  }

  /**
   * For manifests applied as they are (a directory, a file, standard input): read as
   * sigs.k8s.io/yaml reads them (YAML 1.1: {@code yes}, {@code off}, {@code y} are booleans, keys
   * become strings), as Argo CD, kubectl and kubeconform do. Kustomize reads its resources with
   * yaml.v3 (YAML 1.2) instead, as the renderer's own loader and {@link #Manifests()} do.
   */
  public static Manifests asApplied() {
    return new Manifests(new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT));
  }

  /** Every YAML/JSON document of a file; empty documents are skipped, Lists are expanded. */
  public List<Resource> readFile(Path file, String displayName) {
    return toResources(loader.load(file, displayName));
  }

  /** A stream on standard input, shown as {@code <stdin>} in diagnostics. */
  public List<Resource> readStream(InputStream in, String displayName) {
    try {
      return toResources(loader.load(BoundedRead.stream(in, YamlLimits.DEFAULT.maxFileBytes()), displayName));
    } catch (IOException e) {
      throw ValidatorException.input(Location.of(displayName), "cannot read input");
    }
  }

  /** Every .yaml/.yml/.json file below a directory, in path order. */
  public List<Resource> readDirectory(Path dir, String displayName) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(Manifests::isManifestFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw ValidatorException.input(Location.of(displayName), "cannot list directory");
    }
    List<Resource> all = new ArrayList<>();
    List<ValidatorException> errors = new ArrayList<>();
    for (Path f : files) {
      String shown = displayName.endsWith("/") ? displayName : displayName + "/";
      try {
        all.addAll(readFile(f, shown + dir.relativize(f).toString().replace('\\', '/')));
      } catch (ValidatorException e) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      throw ValidatorException.all(errors);
    }
    return all;
  }

  public static boolean isManifestFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  /** Documents to resources: a document must be a mapping; a v1 List is expanded into its items. */
  public static List<Resource> toResources(List<YamlDocument> docs) {
    List<Resource> out = new ArrayList<>();
    List<ValidatorException> errors = new ArrayList<>();
    for (YamlDocument d : docs) {
      if (d.isEmpty()) {
        continue;
      }
      if (!d.content().isObject()) {
        errors.add(
            ValidatorException.input(
                d.start(),
                "a document must be a mapping (a Kubernetes object), not a "
                    + (d.content().isArray() ? "list" : "scalar")));
        continue;
      }
      ObjectNode obj = (ObjectNode) d.content();
      boolean list = obj.path("kind").asText().endsWith("List") && obj.path("apiVersion").asText().equals("v1");
      if (list && (obj.path("items").isNull() || obj.path("items").isMissingNode())) {
        continue; // an empty List (items: null), as kubectl and kubeconform read it
      }
      if (list && obj.path("items").isArray()) {
        for (int i = 0; i < obj.get("items").size(); i++) {
          var item = obj.get("items").get(i);
          if (!item.isObject()) {
            errors.add(ValidatorException.input(d.locations().locate("/items/" + i), "a List item must be a mapping"));
            continue;
          }
          out.add(new Resource((ObjectNode) item, d.locations().under("/items/" + i)));
        }
        continue;
      }
      out.add(new Resource(obj, d.locations()));
    }
    if (!errors.isEmpty()) {
      throw ValidatorException.all(errors);
    }
    return out;
  }
}
