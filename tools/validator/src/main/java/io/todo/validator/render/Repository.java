package io.todo.validator.render;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository a render starts in: the nearest directory at or above the top kustomization that
 * holds {@code .git}. Kustomize lets a kustomization name any directory as a resource; on a pull
 * request, {@code ../../..} or a symlinked directory must not reach other checkouts or the system.
 */
final class Repository {
  private Repository() {}

  /** The repository root of a real path, or null outside any repository (no boundary then). */
  static Path root(Path real) {
    for (Path p = real; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return null;
  }
}
