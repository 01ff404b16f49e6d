package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.Manifests;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CustomResourceDefinitions of {@code --crd FILE|DIR} arguments; other documents are ignored. */
public final class CrdFiles {
  private CrdFiles() {}

  /** Every CRD of the files and directories (relative to cwd); all unreadable inputs reported together. */
  public static List<JsonNode> load(List<Path> paths, Path cwd) {
    List<JsonNode> crds = new ArrayList<>();
    List<ValidatorException> errors = new ArrayList<>();
    for (Path p : paths) {
      Path abs = cwd.resolve(p).normalize();
      try {
        List<Resource> loaded = Files.isDirectory(abs)
            ? Manifests.asApplied().readDirectory(abs, p.toString())
            : Manifests.asApplied().readFile(abs, p.toString());
        loaded.stream().map(Resource::object).filter(CrdIndex::isCrd).forEach(crds::add);
      } catch (ValidatorException e) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      throw ValidatorException.all(errors);
    }
    return crds;
  }
}
