package io.todo.validator.cli;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Pipeline;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import io.todo.validator.render.Renderer;
import java.io.PrintWriter;
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
 * Hidden: repeats one stage in this JVM and prints timings as JSON, so tools/bench can report warm
 * figures next to the cold ones (the Go peers have no warm mode).
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
    description = "Time a stage in-process (render, schema or validate) and print JSON.")
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--mode", defaultValue = "validate", description = "render, schema or validate")
  String mode;

  @Option(names = "--iterations", defaultValue = "10")
  int iterations;

  @Option(names = "--warmup", defaultValue = "3")
  int warmup;

  @Parameters(paramLabel = "PATH")
  String path;

  @Override
  public Integer call() {
    Target target = new TargetResolver(parent.cwd()).resolve(List.of(path), null, null).get(0);
    Runnable once;
    int[] count = new int[1];
    switch (mode) {
      case "render" -> once = () -> count[0] = new Renderer().render(target.path(), target.shown()).size();
      case "schema" -> {
        List<Resource> resources = new Manifests().readFile(target.path(), target.shown());
        Stage schema = new SchemaCliOptions().stage(parent.cwd());
        count[0] = resources.size();
        once = () -> schema.check(target, resources);
      }
      case "validate" -> {
        Pipeline p = new Pipeline(ValidateCommand.standardStages(parent.cwd(), List.of(),
            new SchemaCliOptions().stage(parent.cwd())), parent.stdin);
        once = () -> count[0] = p.validate(target).resources();
      }
      default -> throw new ValidatorException(ExitCodes.USAGE, "unknown --mode " + mode + " (render, schema, validate)");
    }
    long firstStart = System.nanoTime();
    once.run();
    double first = (System.nanoTime() - firstStart) / 1e6;
    for (int i = 0; i < warmup; i++) {
      once.run();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < Math.max(1, iterations); i++) {
      long s = System.nanoTime();
      once.run();
      times.add((System.nanoTime() - s) / 1e6);
    }
    Collections.sort(times);
    double median = times.get(times.size() / 2);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "{\"mode\":\"%s\",\"resources\":%d,\"firstMillis\":%.1f,\"medianMillis\":%.1f,"
        + "\"minMillis\":%.1f,\"iterations\":%d}%n", mode, count[0], first, median, times.get(0), times.size());
    out.flush();
    return 0;
  }

}
