package io.todo.validator.cli;

import io.todo.validator.diff.UnifiedDiff;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.promote.ImagePromoter;
import io.todo.validator.promote.Promotions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code validator promote SRC DST}: copy image versions from one overlay to another. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Copy the image versions (images entries, resolved through bases and components) of overlay SRC",
      "into overlay DST's kustomization, keeping DST's comments, order and formatting, then validate DST."
    })
public final class PromoteCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SRC", description = "Source overlay directory (e.g. overlays/dev).")
  Path src;

  @Parameters(index = "1", paramLabel = "DST", description = "Destination overlay directory (e.g. overlays/prod).")
  Path dst;

  @Option(names = {"-n", "--dry-run"}, description = "Print the change as a diff without writing.")
  boolean dryRun;

  @Option(names = "--digest", paramLabel = "IMAGE=DIGEST",
      description = "Pin this digest (sha256:...) on the promoted image IMAGE, for sources that pin tags only "
          + "(dev) and destinations that require digests (prod). Repeatable.")
  Map<String, String> digests = new LinkedHashMap<>();

  @Option(names = "--no-validate", description = "Do not validate DST after writing.")
  boolean noValidate;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Promotions.Plan plan = Promotions.plan(parent.cwd().resolve(src), parent.cwd().resolve(dst), src.toString(), dst.toString(),
        digests);
    ImagePromoter.Result result = plan.result();
    PrintWriter err = spec.commandLine().getErr();
    for (String w : result.warnings()) {
      err.println("warning: " + w);
    }
    if (result.changes().isEmpty()) {
      out.println("nothing to promote: " + plan.dstShown() + " already has the image versions of " + plan.srcShown());
      out.flush();
      err.flush();
      return ExitCodes.OK;
    }
    for (ImagePromoter.Change c : result.changes()) {
      out.println(c.image() + ": " + c.from() + " -> " + c.to());
    }
    if (dryRun) {
      out.print(UnifiedDiff.diff("a/" + plan.dstShown(), "b/" + plan.dstShown(),
          List.of(plan.originalText().split("\n", -1)), List.of(result.text().split("\n", -1))));
      out.flush();
      return ExitCodes.OK;
    }
    writeAtomically(plan.dstFile(), result.text());
    out.println("wrote " + plan.dstShown());
    out.flush();
    err.flush();
    if (noValidate) {
      return ExitCodes.OK;
    }
    return spec.root().commandLine().execute("validate", parent.cwd().resolve(dst).toString());
  }

  private static void writeAtomically(Path file, String text) {
    try {
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".promote", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot write " + file + ": " + e.getClass().getSimpleName());
    }
  }

}
