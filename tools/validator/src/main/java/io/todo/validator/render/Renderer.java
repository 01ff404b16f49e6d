package io.todo.validator.render;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Renders a kustomization directory the way {@code kustomize build} does. */
public final class Renderer {

  /** The file names kustomize accepts, in the order it looks for them. */
  public static final List<String> KUSTOMIZATION_FILES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  public static boolean isKustomization(Path dir) {
    return Files.isDirectory(dir) && KUSTOMIZATION_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
  }

  /** The rendered resources, in kustomize's output order. */
  public List<Resource> render(Path dir, String displayName) {
    throw new ValidatorException(ExitCodes.USAGE, displayName + ": kustomize rendering is not available yet");
  }
}
