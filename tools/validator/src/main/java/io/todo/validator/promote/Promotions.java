package io.todo.validator.promote;

import io.todo.validator.load.YamlDocument;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads both overlays and computes the promotion. */
public final class Promotions {

  /** A computed promotion, not yet written. */
  public record Plan(Path dstFile, String srcShown, String dstShown, String originalText, ImagePromoter.Result result) {}

  private Promotions() {}

  public static Plan plan(Path src, Path dst, String srcShown, String dstShown) {
    return plan(src, dst, srcShown, dstShown, Map.of());
  }

  /** A promotion that also pins {@code digests} (image name to sha256:...) on the promoted entries. */
  public static Plan plan(Path src, Path dst, String srcShown, String dstShown, Map<String, String> digests) {
    if (!Files.isDirectory(src)) {
      throw ValidatorException.input(Location.of(srcShown), "no such overlay directory");
    }
    if (!Files.isDirectory(dst)) {
      throw ValidatorException.input(Location.of(dstShown), "no such overlay directory");
    }
    Path dstFile = KustomizationImages.kustomizationFile(dst, dstShown);
    String fileShown = dstShown + "/" + dstFile.getFileName();
    // parsed first: the loader's limits and located errors apply before the text is read again
    YamlDocument doc = KustomizationImages.read(dstFile, fileShown);
    String text;
    try {
      text = Files.readString(dstFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot read " + fileShown);
    }
    ImagePromoter.Result result = new ImagePromoter().promote(src, srcShown, doc, text, fileShown, digests);
    return new Plan(dstFile, srcShown, fileShown, text, result);
  }
}
