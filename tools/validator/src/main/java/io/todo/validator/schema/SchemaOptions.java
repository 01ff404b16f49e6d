package io.todo.validator.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How the schema stage is configured from the command line.
 *
 * @param strict reject fields the schema does not declare
 * @param skip kinds (or apiVersion/Kind) not to validate
 * @param reject kinds (or apiVersion/Kind) that are an error wherever they appear
 * @param schemaLocations kubeconform-style locations tried in order; "default" is the built-in
 *     bundle; empty means the built-in bundle only
 * @param crds CRD files or directories whose custom kinds are validated too
 * @param ignoreMissingSchemas a resource without a schema is not an error
 * @param cwd where relative locations and CRD paths start
 */
public record SchemaOptions(
    boolean strict,
    Set<String> skip,
    Set<String> reject,
    List<String> schemaLocations,
    List<Path> crds,
    boolean ignoreMissingSchemas,
    Path cwd) {

  public static SchemaOptions defaults(Path cwd) {
    return new SchemaOptions(true, Set.of(), Set.of(), List.of(), List.of(), false, cwd);
  }

  /** True when a list of kinds names this resource by Kind or apiVersion/Kind. */
  static boolean names(Set<String> kinds, String apiVersion, String kind) {
    return kinds.contains(kind) || kinds.contains(apiVersion + "/" + kind);
  }
}
