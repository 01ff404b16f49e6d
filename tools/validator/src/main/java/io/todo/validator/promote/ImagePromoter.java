package io.todo.validator.promote;

import io.todo.validator.load.YamlDocument;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies image versions from one overlay's kustomization into another's by editing lines in place,
 * so the destination keeps its comments, order and formatting; its other fields are untouched.
 */
public final class ImagePromoter {
  private static final Pattern ITEM_START = Pattern.compile("^(\\s*)-\\s+(\\S.*)?$");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern KEY_LINE =
      Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z]+)(\\s*:\\s*)([^#]*?)(\\s+#.*)?$");

  /** What promotion would change. */
  public record Change(String image, String from, String to) {}

  /** One destination entry to bring to the source's version. */
  private record Edit(ImageEntry dst, ImageEntry src) {}

  /** The new text of the destination kustomization and the changes made. */
  public record Result(String text, List<Change> changes, List<String> warnings) {}

  /**
   * @param srcDir source overlay directory
   * @param dst the destination kustomization, parsed
   * @param dstText its current text
   * @param digests digests to pin per image name, for sources that pin none (dev pins tags only)
   */
  public Result promote(Path srcDir, String srcShown, YamlDocument dst, String dstText, String dstShown,
      Map<String, String> digests) {
    Map<String, ImageEntry> source = withDigests(KustomizationImages.effective(srcDir, srcShown), digests, srcShown);
    List<ImageEntry> dstEntries = KustomizationImages.own(dst);
    List<String> lines = new ArrayList<>(List.of(dstText.split("\n", -1)));
    List<Change> changes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<ImageEntry> toAppend = new ArrayList<>();
    List<Edit> toEdit = new ArrayList<>();
    for (ImageEntry src : source.values()) {
      ImageEntry existing = dstEntries.stream().filter(e -> e.name().equals(src.name())).findFirst().orElse(null);
      if (existing == null) {
        toAppend.add(src);
        changes.add(new Change(src.name(), "(not set)", src.describe()));
        continue;
      }
      if (existing.sameVersion(src)) {
        continue;
      }
      if (existing.digest() != null && src.digest() == null) {
        warnings.add(src.name() + ": " + srcShown + " pins no digest, so the destination's digest (for the old "
            + "version) is removed; pin the tested image's digest with --digest " + src.name() + "=sha256:...");
      }
      toEdit.add(new Edit(existing, src));
      changes.add(new Change(src.name(), existing.describe(), src.describe()));
    }
    // Entry locations are line numbers in the original text, and an edit may add or remove lines
    // (a digest). So edit from the bottom up: the appended block goes below the last entry, then
    // each entry is edited before any entry above it, and no edit moves a line not yet edited.
    if (!toAppend.isEmpty()) {
      append(lines, dst, dstEntries, toAppend);
    }
    toEdit.sort(Comparator.comparingInt((Edit e) -> e.dst().location().line()).reversed());
    for (Edit e : toEdit) {
      editEntry(lines, e.dst(), e.src(), dstShown);
    }
    return new Result(String.join("\n", lines), changes, warnings);
  }

  /** The source versions with the given digests pinned; every name must be an image of the source. */
  private static Map<String, ImageEntry> withDigests(Map<String, ImageEntry> source, Map<String, String> digests, String srcShown) {
    Map<String, ImageEntry> result = new LinkedHashMap<>(source);
    for (Map.Entry<String, String> d : digests.entrySet()) {
      ImageEntry e = source.get(d.getKey());
      if (e == null) {
        throw new ValidatorException(ExitCodes.USAGE, "--digest " + d.getKey() + ": " + srcShown + " has no images entry for "
            + d.getKey() + " (it has " + String.join(", ", source.keySet()) + ")");
      }
      if (!DIGEST.matcher(d.getValue()).matches()) {
        throw new ValidatorException(ExitCodes.USAGE, "--digest " + d.getKey() + ": expected sha256: and 64 lowercase hex digits");
      }
      result.put(e.name(), new ImageEntry(e.name(), e.newName(), e.newTag(), d.getValue(), e.location()));
    }
    return result;
  }

  /** Rewrites newName/newTag/digest of one block-style entry, adding or removing lines as needed. */
  private static void editEntry(List<String> lines, ImageEntry dst, ImageEntry src, String shown) {
    int start = dst.location().line() - 1;
    Matcher first = ITEM_START.matcher(lines.get(start));
    if (!first.matches() || lines.get(start).contains("{")) {
      throw ValidatorException.input(dst.location(),
          "cannot edit this images entry in place (flow style); write it in block style");
    }
    int itemIndent = first.group(1).length();
    // fields line up with the first one, written after "- " (which may be followed by more spaces)
    int fieldIndent = first.group(2) == null ? itemIndent + 2 : first.start(2);
    int end = start + 1;
    while (end < lines.size()) {
      String l = lines.get(end);
      if (!l.isBlank() && !l.stripLeading().startsWith("#") && indent(l) <= itemIndent) {
        break;
      }
      end++;
    }
    String[][] wanted = {{"newName", src.newName()}, {"newTag", src.newTag()}, {"digest", src.digest()}};
    for (String[] kv : wanted) {
      int at = findKey(lines, start, end, kv[0]);
      if (at >= 0) {
        if (kv[1] == null) {
          if (lines.get(at).stripLeading().startsWith("-")) {
            throw ValidatorException.input(new Location(shown, at + 1, 1),
                "cannot remove " + kv[0] + " from the first line of an images entry; move name first");
          }
          lines.remove(at);
          end--;
        } else {
          Matcher m = KEY_LINE.matcher(lines.get(at));
          m.matches();
          lines.set(at, m.group(1) + m.group(2) + m.group(3) + quote(kv[1]) + (m.group(5) == null ? "" : m.group(5)));
        }
      } else if (kv[1] != null) {
        // insert after the last field line of the entry, keeping its indentation
        int insertAt = endOfFields(lines, start, end, itemIndent);
        lines.add(insertAt, " ".repeat(fieldIndent) + kv[0] + ": " + quote(kv[1]));
        end++;
      }
    }
  }

  /**
   * Where a field line may be added to the entry at {@code start} whose block ends at {@code end}:
   * above trailing blank lines and above trailing comments no deeper than the item, which belong to
   * what follows the entry.
   */
  private static int endOfFields(List<String> lines, int start, int end, int itemIndent) {
    int at = end;
    while (at > start + 1) {
      String l = lines.get(at - 1);
      if (!l.isBlank() && !(l.stripLeading().startsWith("#") && indent(l) <= itemIndent)) {
        break;
      }
      at--;
    }
    return at;
  }

  private static int findKey(List<String> lines, int start, int end, String key) {
    for (int i = start; i < end; i++) {
      Matcher m = KEY_LINE.matcher(lines.get(i));
      if (m.matches() && m.group(2).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static void append(List<String> lines, YamlDocument dst, List<ImageEntry> existing, List<ImageEntry> add) {
    List<String> block = new ArrayList<>();
    int itemIndent = 0;
    int insertAt;
    if (!existing.isEmpty()) {
      ImageEntry last = existing.get(existing.size() - 1);
      int start = last.location().line() - 1;
      itemIndent = indent(lines.get(start));
      insertAt = start + 1;
      while (insertAt < lines.size()) {
        String l = lines.get(insertAt);
        if (!l.isBlank() && !l.stripLeading().startsWith("#") && indent(l) <= itemIndent) {
          break;
        }
        insertAt++;
      }
      insertAt = endOfFields(lines, start, insertAt, itemIndent);
    } else {
      insertAt = lines.size();
      while (insertAt > 0 && lines.get(insertAt - 1).isBlank()) {
        insertAt--;
      }
      block.add("images:");
    }
    String pad = " ".repeat(itemIndent);
    for (ImageEntry e : add) {
      block.add(pad + "- name: " + quote(e.name()));
      if (e.newName() != null) {
        block.add(pad + "  newName: " + quote(e.newName()));
      }
      if (e.newTag() != null) {
        block.add(pad + "  newTag: " + quote(e.newTag()));
      }
      if (e.digest() != null) {
        block.add(pad + "  digest: " + quote(e.digest()));
      }
    }
    lines.addAll(insertAt, block);
  }

  private static int indent(String l) {
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Quotes values that YAML would read as something other than the same string. */
  static String quote(String v) {
    boolean plainSafe = v.matches("[A-Za-z0-9_./@:+-]+") && !v.matches("[-+]?([0-9_]+|[0-9_]*\\.[0-9_]*)([eE][-+]?[0-9]+)?|0[xXoObB][0-9a-fA-F_]+|[0-9]+(:[0-5]?[0-9])+")
        && !v.matches("(?i)y|n|yes|no|on|off|true|false|null|~") && !v.startsWith("-") && !v.contains(": ")
        && !v.endsWith(":");
    return plainSafe ? v : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
