package io.todo.validator.render;

import io.todo.validator.load.BoundedRead;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the files of one kustomization with kustomize's default load restrictor
 * (LoadRestrictionsRootOnly): a file must resolve, symlinks followed, to the kustomization's
 * directory or below it.
 */
final class Loader {
  final Path root;
  private final Path realRoot;
  private final Display display;

  Loader(Path root, Display display) {
    this.root = root;
    this.display = display;
    try {
      this.realRoot = root.toRealPath();
    } catch (IOException e) {
      throw ValidatorException.input(Location.of(display.of(root)), "no such directory");
    }
  }

  /** The display name (path as the user sees it) of a path. */
  String shown(Path p) {
    return display.of(p);
  }

  Path resolve(String relative) {
    return root.resolve(relative).normalize();
  }

  /** A restricted file read; {@code where} is the kustomization entry that named it. */
  byte[] load(String relative, Location where) {
    Path p = checked(relative, where);
    try {
      byte[] bytes = BoundedRead.file(p, YamlLimits.DEFAULT.maxFileBytes());
      if (bytes.length > YamlLimits.DEFAULT.maxFileBytes()) {
        throw ValidatorException.input(where, relative + " is more than the limit of "
            + YamlLimits.DEFAULT.maxFileBytes() + " bytes (limit maxFileBytes)");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw ValidatorException.input(where, "no such file: " + relative);
    } catch (IOException e) {
      throw ValidatorException.input(where, "cannot read " + relative + ": " + e.getClass().getSimpleName());
    }
  }

  /** The real path of a file the restrictor allows. */
  Path checked(String relative, Location where) {
    if (relative.contains("://") || relative.startsWith("github.com/")) {
      throw ValidatorException.input(where, "remote resource " + relative + " is not supported (no network by design)");
    }
    Path p = root.resolve(relative).normalize();
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      throw ValidatorException.input(where, "no such file: " + relative);
    }
    if (!Files.isRegularFile(real)) {
      throw ValidatorException.input(where, "'" + relative + "' must resolve to a file");
    }
    if (!real.getParent().startsWith(realRoot)) {
      throw ValidatorException.input(where,
          "security; file '" + relative + "' is not in or below '" + display.of(root) + "'");
    }
    return real;
  }

  /** Maps filesystem paths to the names printed in diagnostics. */
  record Display(Path top, String topShown) {
    String of(Path p) {
      Path rel = top.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize());
      if (rel.toString().isEmpty()) {
        return topShown;
      }
      Path joined = Path.of(topShown).resolve(rel).normalize();
      String s = joined.toString().replace('\\', '/');
      return s.isEmpty() ? "." : s;
    }
  }
}
