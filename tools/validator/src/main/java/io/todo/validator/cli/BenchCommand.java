package io.todo.validator.cli;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Pipeline;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import io.todo.validator.schema.SchemaOptions;
import io.todo.validator.schema.SchemaStage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Hidden {@code bench} command for tools/bench: repeats one stage on one input inside this JVM
 * (after warm-up iterations) and prints timings as JSON, the warm figure a new process per run
 * cannot show.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
    description = "Time a stage in-process: --mode render (load/render PATH) or schema (the schema stage on it).")
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--mode", required = true, description = "render or schema") String mode;
  @Option(names = "--iterations", defaultValue = "5") int iterations;
  @Option(names = "--warmup", defaultValue = "2") int warmup;
  @Option(names = "--kubernetes-version", paramLabel = "1.NN") String kubernetesVersion;
  @Parameters(paramLabel = "PATH") String path;

  @Override
  public Integer call() {
    if (!mode.equals("render") && !mode.equals("schema")) {
      throw new ValidatorException(ExitCodes.USAGE, "bench: unknown --mode '" + mode + "' (expected render or schema)");
    }
    if (iterations < 1 || warmup < 0) {
      throw new ValidatorException(ExitCodes.USAGE, "bench: --iterations must be at least 1 and --warmup at least 0");
    }
    Target target = new TargetResolver(parent.cwd()).resolve(List.of(path), null, kubernetesVersion).get(0);
    Pipeline pipeline = new Pipeline(List.of(), parent.stdin);
    List<Resource> resources = pipeline.render(target);
    Stage schema = new SchemaStage(SchemaOptions.defaults(parent.cwd()));
    List<Double> millis = new ArrayList<>();
    int findings = 0;
    for (int i = 0; i < warmup + iterations; i++) {
      long start = System.nanoTime();
      if (mode.equals("render")) {
        resources = pipeline.render(target);
      } else {
        findings = schema.check(target, resources).size();
      }
      if (i >= warmup) {
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    Collections.sort(millis);
    double median = millis.get(millis.size() / 2);
    spec.commandLine().getOut().printf(Locale.ROOT,
        "{\"mode\": \"%s\", \"resources\": %d, \"findings\": %d, \"iterations\": %d, \"medianMillis\": %.1f,"
            + " \"minMillis\": %.1f, \"resourcesPerSecond\": %.0f}%n",
        mode, resources.size(), findings, iterations, median, millis.get(0), resources.size() / (median / 1000.0));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
