package io.todo.validator.cli;

import io.todo.validator.config.RepoConfig;
import io.todo.validator.contract.ContractDocs;
import io.todo.validator.contract.ServiceContract;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.seal.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validator contract docs}: the documents generated from policies/service-contract.yaml. */
@Command(
    name = "contract",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "The service contract (policies/service-contract.yaml); `validate` checks overlays against it.",
    subcommands = {ContractCommand.Docs.class})
public final class ContractCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Writes (or with --check compares) docs/service-contract.md and docs/env/*.env.example. */
  @Command(
      name = "docs",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
        "Generate docs/service-contract.md and docs/env/<service>.env.example from the contract of the",
        "repository around the working directory; --check only reports out-of-date files (exit 1)."
      })
  static final class Docs implements Callable<Integer> {
    @ParentCommand ContractCommand contract;
    @Spec CommandSpec spec;

    @Option(names = "--check", description = "Write nothing; exit 1 if a generated file is missing or out of date.")
    boolean check;

    @Override
    public Integer call() {
      Path cwd = contract.parent.cwd();
      RepoConfig config = RepoConfig.find(cwd).orElseThrow(() ->
          new ValidatorException(ExitCodes.USAGE, "no validator.yaml in " + cwd + " or above"));
      Path file = config.policiesDir().resolve(ServiceContract.FILE_NAME);
      if (!Files.isRegularFile(file)) {
        throw new ValidatorException(ExitCodes.USAGE, "no service contract: " + file + " does not exist");
      }
      Path root = config.root();
      Map<String, String> files = ContractDocs.render(ServiceContract.read(file, root.relativize(file.toAbsolutePath()).toString()));
      List<String> stale = new ArrayList<>();
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path target = root.resolve(e.getKey());
        if (!e.getValue().equals(read(target))) {
          stale.add(e.getKey());
          if (!check) {
            mkdirs(target.getParent());
            AtomicFiles.write(target, e.getValue());
          }
        }
      }
      List<String> extra = extraEnvFiles(root, files);
      PrintWriter out = spec.commandLine().getOut();
      if (check) {
        stale.forEach(s -> out.println(s + ": out of date; run `validator contract docs`"));
        extra.forEach(s -> out.println(s + ": not in the contract; run `validator contract docs`"));
        out.flush();
        return stale.isEmpty() && extra.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
      }
      for (String s : extra) {
        delete(root.resolve(s));
      }
      stale.forEach(s -> out.println("wrote " + s));
      extra.forEach(s -> out.println("removed " + s));
      out.flush();
      return ExitCodes.OK;
    }

    private static String read(Path p) {
      try {
        if (!Files.isRegularFile(p)) {
          return null;
        }
        byte[] b = io.todo.validator.load.BoundedRead.file(p, io.todo.validator.load.YamlLimits.DEFAULT.maxFileBytes());
        if (b.length > io.todo.validator.load.YamlLimits.DEFAULT.maxFileBytes()) {
          throw new ValidatorException(ExitCodes.USAGE, p + ": more than the limit of "
              + io.todo.validator.load.YamlLimits.DEFAULT.maxFileBytes() + " bytes (limit maxFileBytes)");
        }
        return new String(b, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ValidatorException(ExitCodes.USAGE, "cannot read " + p + ": " + e.getClass().getSimpleName());
      }
    }

    /** Example files of services that left the contract. */
    private static List<String> extraEnvFiles(Path root, Map<String, String> files) {
      Path dir = root.resolve(ContractDocs.ENV_DIR);
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> s = Files.list(dir)) {
        return s.map(p -> ContractDocs.ENV_DIR + "/" + p.getFileName())
            .filter(n -> n.endsWith(ContractDocs.ENV_SUFFIX) && !files.containsKey(n))
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new ValidatorException(ExitCodes.USAGE, "cannot list " + dir + ": " + e.getClass().getSimpleName());
      }
    }

    private static void mkdirs(Path dir) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new ValidatorException(ExitCodes.USAGE, "cannot create " + dir + ": " + e.getClass().getSimpleName());
      }
    }

    private static void delete(Path p) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        throw new ValidatorException(ExitCodes.USAGE, "cannot delete " + p + ": " + e.getClass().getSimpleName());
      }
    }
  }
}
