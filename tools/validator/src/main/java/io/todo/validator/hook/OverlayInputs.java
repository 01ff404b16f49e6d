package io.todo.validator.hook;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files an overlay's render reads: every kustomization reached through resources, bases and
 * components, and every file those reference (resources, patches, generator sources, replacement
 * paths, CRDs, configurations, openapi). A change to any of them can change the rendered output;
 * a change to anything else cannot.
 */
public final class OverlayInputs {
  private final YamlLoader loader = new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT);

  /** Absolute, normalised paths of the overlay's input files (unreadable parts are skipped). */
  public Set<Path> of(Path overlayDir) {
    Set<Path> files = new TreeSet<>();
    Set<Path> seen = new HashSet<>();
    Deque<Path> dirs = new ArrayDeque<>();
    dirs.add(overlayDir.toAbsolutePath().normalize());
    while (!dirs.isEmpty()) {
      Path dir = dirs.pop();
      if (!seen.add(dir)) {
        continue;
      }
      Path kfile = Renderer.KUSTOMIZATION_FILES.stream().map(dir::resolve).filter(Files::isRegularFile)
          .findFirst().orElse(null);
      if (kfile == null) {
        continue;
      }
      files.add(kfile);
      JsonNode k;
      try {
        List<YamlDocument> docs = loader.load(kfile, kfile.toString());
        if (docs.isEmpty() || docs.get(0).isEmpty()) {
          continue;
        }
        k = docs.get(0).content();
      } catch (ValidatorException e) {
        // a broken kustomization still belongs to the overlay; validation will report it
        continue;
      }
      for (String field : List.of("resources", "bases", "components")) {
        for (JsonNode r : k.path(field)) {
          addRef(dir, r, files, dirs);
        }
      }
      for (JsonNode p : k.path("patches")) {
        addFile(dir, p.path("path"), files);
      }
      for (JsonNode p : k.path("patchesJson6902")) {
        addFile(dir, p.path("path"), files);
      }
      for (JsonNode p : k.path("patchesStrategicMerge")) {
        if (p.isTextual() && !p.asText().contains("\n")) {
          addFile(dir, p, files);
        }
      }
      for (JsonNode p : k.path("replacements")) {
        addFile(dir, p.path("path"), files);
      }
      for (String field : List.of("crds", "configurations", "transformers", "generators", "validators")) {
        for (JsonNode p : k.path(field)) {
          addRef(dir, p, files, dirs);
        }
      }
      addFile(dir, k.path("openapi").path("path"), files);
      for (String gen : List.of("configMapGenerator", "secretGenerator")) {
        for (JsonNode g : k.path(gen)) {
          for (JsonNode f : g.path("files")) {
            String s = f.asText();
            int eq = s.indexOf('=');
            addFile(dir, eq >= 0 ? s.substring(eq + 1) : s, files);
          }
          for (JsonNode f : g.path("envs")) {
            addFile(dir, f, files);
          }
          addFile(dir, g.path("env"), files);
        }
      }
    }
    return files;
  }

  private static void addRef(Path dir, JsonNode ref, Set<Path> files, Deque<Path> dirs) {
    if (!ref.isTextual() || isRemote(ref.asText())) {
      return;
    }
    Path p = dir.resolve(ref.asText()).normalize();
    if (Files.isDirectory(p)) {
      dirs.add(p);
    } else {
      files.add(p);
    }
  }

  private static void addFile(Path dir, JsonNode ref, Set<Path> files) {
    if (ref != null && ref.isTextual()) {
      addFile(dir, ref.asText(), files);
    }
  }

  private static void addFile(Path dir, String ref, Set<Path> files) {
    if (!ref.isBlank() && !isRemote(ref)) {
      files.add(dir.resolve(ref.trim()).normalize());
    }
  }

  private static boolean isRemote(String s) {
    return s.contains("://") || s.startsWith("github.com/") || s.startsWith("git@");
  }
}
