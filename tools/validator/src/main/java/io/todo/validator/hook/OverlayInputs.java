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
 * paths, CRDs, configurations, openapi, helm charts and their values). A change to any of them can change the rendered output;
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
      addCharts(dir, k, files);
    }
    return files;
  }

  /** helmCharts: every file of each local chart, and its values files. */
  private static void addCharts(Path dir, JsonNode k, Set<Path> files) {
    JsonNode globals = k.path("helmGlobals");
    String home = globals.path("chartHome").asText("");
    if (!globals.isObject()) {
      for (JsonNode old : k.path("helmChartInflationGenerator")) {
        home = old.path("chartHome").asText("").isEmpty() ? home : old.path("chartHome").asText("");
      }
    }
    home = home.isEmpty() ? "charts" : home;
    for (JsonNode c : k.path("helmCharts")) {
      addChart(dir, home, c.path("name").asText(""), c.path("version").asText(""), c.path("repo").asText(""), files);
      addFile(dir, c.path("valuesFile"), files);
      for (JsonNode f : c.path("additionalValuesFiles")) {
        addFile(dir, f, files);
      }
    }
    for (JsonNode c : k.path("helmChartInflationGenerator")) {
      addChart(dir, home, c.path("chartName").asText(""), c.path("chartVersion").asText(""),
          c.path("chartRepoUrl").asText(""), files);
      addFile(dir, c.path("values"), files);
    }
  }

  private static void addChart(Path dir, String home, String name, String version, String repo, Set<Path> files) {
    if (name.isEmpty() || isRemote(home)) {
      return;
    }
    Path h = dir.resolve(home);
    Path chart = (!version.isEmpty() && !repo.isEmpty() ? h.resolve(name + "-" + version) : h).resolve(name).normalize();
    files.add(chart.resolve("values.yaml"));
    if (!Files.isDirectory(chart)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(chart, 32)) {
      walk.limit(100_000).filter(Files::isRegularFile).forEach(p -> files.add(p.toAbsolutePath().normalize()));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // an unreadable chart still fails the render, which reports it
    }
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
