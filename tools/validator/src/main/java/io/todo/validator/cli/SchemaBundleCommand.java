package io.todo.validator.cli;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.schema.BundleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Maintainers' command: regenerate the built-in schema bundle from shared/. */
@Command(
    name = "schema-bundle",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Regenerate the built-in schema bundle from the upstream OpenAPI documents and CRDs.")
public final class SchemaBundleCommand implements Callable<Integer> {
  @Option(names = "--shared", required = true, description = "The shared/ directory (k8s-openapi/, crds/).")
  Path shared;

  @Option(names = "--out", required = true, description = "Where to write the .json.gz bundle.")
  Path out;

  @Override
  public Integer call() {
    byte[] bundle = new BundleGenerator().generate(shared);
    try {
      Files.write(out, bundle);
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot write " + out);
    }
    return 0;
  }
}
