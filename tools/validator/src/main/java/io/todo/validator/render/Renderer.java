package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders a kustomization directory the way {@code kustomize build} (v5.8.1) does. */
public final class Renderer {
  private final HelmSettings helm;

  /** A renderer that inflates helmCharts with the environment's helm, if there is one. */
  public Renderer() {
    this(null);
  }

  /** {@code helm} null: the environment's helm ({@link HelmSettings#fromEnvironment()}). */
  public Renderer(HelmSettings helm) {
    this.helm = helm;
  }

  /** The file names kustomize accepts, in the order it looks for them. */
  public static final List<String> KUSTOMIZATION_FILES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  public static boolean isKustomization(Path dir) {
    return Files.isDirectory(dir) && KUSTOMIZATION_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
  }

  /** The rendered resources, in kustomize's output order. */
  public List<Resource> render(Path dir, String displayName) {
    Loader.Display display = new Loader.Display(dir, displayName);
    Path real = KustTarget.realPath(dir, Location.of(displayName));
    MergeSchema.CUSTOM.remove();
    try {
      return render(dir, displayName, display, real);
    } finally {
      MergeSchema.CUSTOM.remove();
    }
  }

  private List<Resource> render(Path dir, String displayName, Loader.Display display, Path real) {
    KustTarget top = new KustTarget(dir, display, List.of(real), null);
    top.helm = helm;
    top.origin = BuildMetadata.tracking(top.kustomization);
    List<Res> ra;
    try {
      ra = top.accumulate(new ArrayList<>());
      // after all transformers, once, at the top: hash suffixes, then references to renamed objects
      for (Res r : ra) {
        if (r.needsHash) {
          String h = Hasher.hash(r.obj);
          r.storePreviousId();
          r.setName(r.name() + "-" + h);
        }
      }
      NameReferences.fix(ra, top.config.nameReference);
      Vars.resolve(ra, top.vars, top.config.get("varReference"));
      checkMetadata(ra);
      BuildMetadata.stringifyAnnotations(ra);
      ra.removeIf(Renderer::isLocalConfig);
      BuildMetadata.requireStringAnnotationKeys(ra);
    } catch (RenderException e) {
      throw new ValidatorException(ExitCodes.USAGE, displayName + ": error: " + e.getMessage());
    }
    Kustomization k = top.kustomization;
    String order = k.root.path("sortOptions").path("order").asText("legacy");
    if (order.equals("legacy")) {
      List<String> first = LegacySort.ORDER_FIRST;
      List<String> last = LegacySort.ORDER_LAST;
      var legacy = k.root.path("sortOptions").path("legacySortOptions");
      if (legacy.isObject()) {
        first = new ArrayList<>();
        last = new ArrayList<>();
        for (var n : legacy.path("orderFirst")) {
          first.add(n.asText());
        }
        for (var n : legacy.path("orderLast")) {
          last.add(n.asText());
        }
      }
      LegacySort.sort(ra, first, last);
    } else if (!order.equals("fifo")) {
      throw ValidatorException.input(k.at("/sortOptions/order"),
          "the field 'sortOptions.order' must be one of [fifo, legacy]");
    }
    BuildMetadata.finish(ra, k, top.origin);
    List<Resource> out = new ArrayList<>();
    for (Res r : ra) {
      out.add(r.toResource());
    }
    return out;
  }

  /**
   * IgnoreLocal reads every object's metadata last (GetValidatedMetadata): a kind or name that a JSON
   * patch removed fails the build there. kustomize prints its internal struct; the object's origin is
   * clearer.
   */
  private static void checkMetadata(List<Res> ra) {
    for (Res r : ra) {
      if (r.isEmpty()) {
        continue;
      }
      if (r.kind().isEmpty()) {
        throw ValidatorException.input(r.origin(), "missing kind in object");
      }
      if (r.name().isEmpty() && !r.kind().endsWith("List")) {
        throw ValidatorException.input(r.origin(), "missing metadata.name in object " + r.kind());
      }
    }
  }

  /**
   * IgnoreLocal: objects annotated {@code config.kubernetes.io/local-config} (any value but
   * "false") are inputs of the build (a replacement's source, say), not output. They take part in
   * every transformation and are left out only here, at the end of the top-level build.
   */
  private static boolean isLocalConfig(Res r) {
    JsonNode v = r.obj.path("metadata").path("annotations").get("config.kubernetes.io/local-config");
    return v != null && !(v.isTextual() && v.textValue().equals("false"));
  }

  /** The rendered stream, byte for byte as kustomize prints it. */
  public String renderYaml(Path dir, String displayName) {
    List<Resource> rs = render(dir, displayName);
    try {
      return YamlWriter.stream(rs);
    } catch (GoValues.UnsupportedValueException e) {
      throw new ValidatorException(ExitCodes.USAGE, displayName + ": error: " + e.getMessage());
    }
  }
}
