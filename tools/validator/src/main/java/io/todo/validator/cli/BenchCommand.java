package io.todo.validator.cli;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Pipeline;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import io.todo.validator.schema.SchemaOptions;
import io.todo.validator.schema.SchemaStage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Hidden: repeats one stage on one input inside this JVM (after warm-up iterations) and prints
 * timings as JSON, the warm figure a new process per run cannot show (tools/bench).
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
    description = "Time a stage in-process: --mode render, schema or validate; prints JSON.")
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--mode", defaultValue = "validate", description = "render, schema or validate") String mode;
  /** 0: the first run only, the figure of a cold process that loads and checks once, as a peer does. */
  @Option(names = "--iterations", defaultValue = "10") int iterations;
  @Option(names = "--warmup", defaultValue = "3") int warmup;
  @Option(names = "--kubernetes-version", paramLabel = "1.NN") String kubernetesVersion;
  @Parameters(paramLabel = "PATH") String path;

  @Override
  public Integer call() {
    if (iterations < 0 || warmup < 0) {
      throw new ValidatorException(ExitCodes.USAGE, "bench: --iterations and --warmup must be at least 0");
    }
    Target target = new TargetResolver(parent.cwd()).resolve(List.of(path), null, kubernetesVersion).get(0);
    Pipeline render = new Pipeline(List.of(), parent.stdin);
    IntSupplier once;
    int[] resources = new int[1];
    switch (mode) {
      case "render" -> once = () -> {
        resources[0] = render.render(target).size();
        return 0;
      };
      case "schema" -> {
        // a stream file is read once; only the schema stage is timed
        List<Resource> input = Files.isRegularFile(target.path())
            ? Manifests.asApplied().readFile(target.path(), target.shown()) : render.render(target);
        Stage schema = new SchemaStage(SchemaOptions.defaults(parent.cwd()));
        resources[0] = input.size();
        once = () -> schema.check(target, input).size();
      }
      case "validate" -> {
        Pipeline all = new Pipeline(ValidateCommand.standardStages(parent.cwd(), List.of(),
            new SchemaCliOptions().stage(parent.cwd())), parent.stdin);
        once = () -> {
          var r = all.validate(target);
          resources[0] = r.resources();
          return r.findings().size();
        };
      }
      default -> throw new ValidatorException(ExitCodes.USAGE,
          "bench: unknown --mode '" + mode + "' (expected render, schema or validate)");
    }
    long firstStart = System.nanoTime();
    int findings = once.getAsInt();
    double first = (System.nanoTime() - firstStart) / 1e6;
    for (int i = 0; i < warmup; i++) {
      once.getAsInt();
    }
    List<Double> millis = new ArrayList<>();
    if (iterations == 0) {
      millis.add(first);
    }
    for (int i = 0; i < iterations; i++) {
      long s = System.nanoTime();
      findings = once.getAsInt();
      millis.add((System.nanoTime() - s) / 1e6);
    }
    Collections.sort(millis);
    double median = millis.get(millis.size() / 2);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "{\"mode\": \"%s\", \"resources\": %d, \"findings\": %d, \"iterations\": %d,"
            + " \"firstMillis\": %.1f, \"medianMillis\": %.1f, \"minMillis\": %.1f, \"resourcesPerSecond\": %.0f}%n",
        mode, resources[0], findings, millis.size(), first, median, millis.get(0), resources[0] / (median / 1000.0));
    out.flush();
    return 0;
  }
}
