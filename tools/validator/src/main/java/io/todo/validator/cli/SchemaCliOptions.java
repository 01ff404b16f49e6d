package io.todo.validator.cli;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.schema.KubeconformStage;
import io.todo.validator.schema.SchemaOptions;
import io.todo.validator.schema.SchemaStage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The schema-stage options of {@code validate} (kubeconform's names where it has them). */
public final class SchemaCliOptions {
  @Option(names = "--strict", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Reject fields the schema does not declare (default: on; --no-strict to allow them).")
  boolean strict = true;

  @Option(names = "--skip", paramLabel = "KIND,...", split = ",",
      description = "Kinds not to validate (Kind or apiVersion/Kind, e.g. Secret or v1/Secret).")
  List<String> skip = new ArrayList<>();

  @Option(names = "--reject", paramLabel = "KIND,...", split = ",",
      description = "Kinds that are an error wherever they appear (Kind or apiVersion/Kind).")
  List<String> reject = new ArrayList<>();

  @Option(names = "--schema-location", paramLabel = "LOCATION",
      description = {"Where schemas come from, tried in order (repeatable): 'default' (the built-in bundle), a",
          "directory in kubeconform's layout, or a kubeconform path template using {{ .NormalizedKubernetesVersion }},",
          "{{ .StrictSuffix }}, {{ .ResourceKind }}, {{ .ResourceAPIVersion }}, {{ .Group }}, {{ .KindSuffix }}."})
  List<String> schemaLocations = new ArrayList<>();

  @Option(names = "--crd", paramLabel = "FILE|DIR",
      description = "CustomResourceDefinitions whose custom resources are validated too (repeatable).")
  List<Path> crds = new ArrayList<>();

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "builtin",
      description = "Schema engine: builtin (default) or kubeconform (runs an installed kubeconform on the rendered"
          + " stream against the same schemas; found via VALIDATOR_KUBECONFORM, .tools/bin or PATH).")
  String engine = "builtin";

  @Option(names = "--ignore-missing-schemas", description = "A resource whose kind has no schema is not an error.")
  boolean ignoreMissingSchemas;

  SchemaOptions options(Path cwd) {
    return new SchemaOptions(strict, set(skip), set(reject), List.copyOf(schemaLocations), List.copyOf(crds),
        ignoreMissingSchemas, cwd);
  }

  Stage stage(Path cwd) {
    switch (engine) {
      case "builtin":
        return new SchemaStage(options(cwd));
      case "kubeconform":
        return new KubeconformStage(options(cwd),
            KubeconformStage.locate(cwd, System.getenv("VALIDATOR_KUBECONFORM"), System.getenv("PATH")));
      default:
        throw new ValidatorException(ExitCodes.USAGE, "unknown --engine '" + engine + "' (expected builtin or kubeconform)");
    }
  }

  private static Set<String> set(List<String> kinds) {
    Set<String> out = new LinkedHashSet<>();
    for (String k : kinds) {
      if (!k.isBlank()) {
        out.add(k.trim());
      }
    }
    return Set.copyOf(out);
  }
}
