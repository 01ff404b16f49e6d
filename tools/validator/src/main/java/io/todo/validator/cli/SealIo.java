package io.todo.validator.cli;

import io.todo.validator.load.BoundedRead;
import io.todo.validator.load.Manifests;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.seal.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Input and output shared by the seal, unseal and fetch-cert commands. */
final class SealIo {
  static final int MAX_BYTES = 32 << 20;
  private final Path cwd;
  private final InputStream stdin;

  /** File names are relative to {@code cwd} (the command line's {@code -C DIR}, else the working directory). */
  SealIo(Path cwd, InputStream stdin) {
    this.cwd = cwd;
    this.stdin = stdin;
  }

  Path path(String file) {
    return cwd.resolve(file);
  }

  /** The bytes of FILE, or of standard input for null or "-". */
  byte[] readBytes(String file) {
    try {
      if (file == null || file.equals("-")) {
        byte[] b = BoundedRead.stream(stdin, MAX_BYTES);
        if (b.length > MAX_BYTES) {
          throw ValidatorException.input(Location.of("<stdin>"), "input is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        return b;
      }
      byte[] b = BoundedRead.file(path(file), MAX_BYTES);
      if (b.length > MAX_BYTES) {
        throw ValidatorException.input(Location.of(file), "file is larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      return b;
    } catch (NoSuchFileException e) {
      throw ValidatorException.input(Location.of(file), "no such file");
    } catch (IOException e) {
      throw ValidatorException.input(Location.of(file == null ? "<stdin>" : file), "cannot read: " + e.getClass().getSimpleName());
    }
  }

  static String shown(String file) {
    return file == null || file.equals("-") ? "<stdin>" : file;
  }

  /** The resources of a YAML/JSON input. */
  List<Resource> resources(String file) {
    String shown = shown(file);
    // YAML 1.1 typing as kubeseal and kubectl read Secrets (sigs.k8s.io/yaml): an unquoted yes/no/on/off
    // or 0755 is not a string there, and is rejected below instead of being sealed as different text
    return Manifests.toResources(new YamlLoader(ScalarSchema.YAML_1_1, YamlLimits.DEFAULT).load(readBytes(file), shown));
  }

  /** Exactly one resource, as kubeseal insists (it refuses multi-document input). */
  Resource single(String file) {
    List<Resource> rs = resources(file);
    if (rs.size() != 1) {
      throw ValidatorException.input(
          Location.of(shown(file)), rs.isEmpty() ? "no document in input" : "expected one document, found " + rs.size() + " (seal them one at a time)");
    }
    return rs.get(0);
  }

  /** To standard output, or whole into FILE. */
  void emit(String content, String outputFile, PrintWriter out) {
    if (outputFile == null || outputFile.equals("-")) {
      out.print(content);
      out.flush();
    } else {
      AtomicFiles.write(path(outputFile), content);
    }
  }

  static ValidatorException usage(String message) {
    return new ValidatorException(ExitCodes.USAGE, message);
  }
}
