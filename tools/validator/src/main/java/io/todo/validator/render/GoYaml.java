package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.ScalarResolver;
import io.todo.validator.load.ScalarSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a JSON tree the way kubeseal prints YAML (sigs.k8s.io/yaml over go-yaml v2): map keys in
 * go-yaml's "natural" order, indentless sequences, YAML 1.1-aware quoting, literal blocks for
 * multi-line strings and lines folded after column 80.
 */
public final class GoYaml {
  private static final int BEST_WIDTH = 80;
  /** go-yaml v2's allowedTimestampFormats (Go layouts with 1- or 2-digit month, day and time fields). */
  private static final Pattern TIMESTAMP =
      Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
          + "(([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))"
          + "|( [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?))?");
  private static final Pattern BASE60 = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final java.util.Set<String> RESOLVED =
      java.util.Set.of(
          "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True",
          "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", ".inf", ".Inf", ".INF", "+.inf",
          "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN");

  private final StringBuilder out = new StringBuilder();
  private int column;
  /** True right after a line break (and its indentation): the next line is already started. */
  private boolean indention = true;

  private GoYaml() {}

  public static String write(JsonNode node) {
    GoYaml y = new GoYaml();
    y.node(node, 0, true);
    return y.out.toString();
  }

  private void node(JsonNode n, int indent, boolean top) {
    block(n, indent, true);
    if (top && !(indention && column == 0)) {
      out.append('\n');
    }
  }

  /** A block node; {@code inlineFirst}: its first line continues the current one ("- " or top). */
  private void block(JsonNode n, int indent, boolean inlineFirst) {
    if (n.isObject() && n.size() > 0) {
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      keys.sort(GoYaml::compareKeys);
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0 || !inlineFirst) {
          newline(indent);
        }
        String k = keys.get(i);
        JsonNode v = n.get(k);
        if (!simpleKey(k)) {
          // libyaml's check_simple_key: a multi-line key or one over 128 bytes is written "? key",
          // then ": value"; a block value starts on the ':' line (the indicator counts as indention)
          put("? ");
          scalar(k, indent, false);
          newline(indent);
          put(":");
          if (v.isContainerNode() && v.size() > 0) {
            put(" ");
            block(v, indent + 2, true);
          } else {
            put(" ");
            value(v, indent);
          }
          continue;
        }
        scalar(k, indent, true);
        put(":");
        if (v.isObject() && v.size() > 0) {
          block(v, indent + 2, false);
        } else if (v.isArray() && v.size() > 0) {
          block(v, indent, false); // go-yaml v2 does not indent sequences inside mappings
        } else {
          put(" ");
          value(v, indent);
        }
      }
    } else if (n.isArray() && n.size() > 0) {
      for (int i = 0; i < n.size(); i++) {
        if (i > 0 || !inlineFirst) {
          newline(indent);
        }
        put("- ");
        JsonNode v = n.get(i);
        if (v.isContainerNode() && v.size() > 0) {
          block(v, indent + 2, true);
        } else {
          value(v, indent);
        }
      }
    } else {
      value(n, indent);
    }
  }

  private void value(JsonNode v, int indent) {
    if (v == null || v.isNull()) {
      put("null");
    } else if (v.isObject()) {
      put("{}");
    } else if (v.isArray()) {
      put("[]");
    } else if (v.isBoolean()) {
      put(v.asBoolean() ? "true" : "false");
    } else if (v.isIntegralNumber()) {
      put(v.asText());
    } else if (v.isNumber()) {
      put(GoValues.formatFloat(v.doubleValue()));
    } else {
      scalar(v.asText(), indent, false);
    }
  }

  /** A string scalar at a node whose block indent is {@code indent}; continuation lines go 2 deeper. */
  private void scalar(String s, int indent, boolean key) {
    int inner = indent + 2;
    int[] cps = s.codePoints().toArray();
    if (cps.length == 0 || resolvesToNonString(s)) {
      doubleQuoted(cps, inner, !key);
      return;
    }
    Analysis a = analyze(cps);
    if (key && a.multiline) {
      doubleQuoted(cps, inner, false);
    } else if (!key && s.contains("\n")) {
      // go-yaml asks for a literal block for any string with a newline
      if (a.block) {
        literal(cps, inner);
      } else {
        doubleQuoted(cps, inner, true);
      }
    } else if (a.plain) {
      plain(cps, inner, !key);
    } else if (a.single) {
      singleQuoted(cps, inner, !key);
    } else {
      doubleQuoted(cps, inner, !key);
    }
  }

  private static boolean simpleKey(String k) {
    return k.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 128 && k.codePoints().noneMatch(GoYaml::isBreak);
  }

  /** What libyaml's yaml_emitter_analyze_scalar allows, in the block context we emit. */
  private record Analysis(boolean plain, boolean single, boolean block, boolean multiline) {}

  private static Analysis analyze(int[] cps) {
    boolean blockIndicators = false;
    boolean special = false;
    boolean lineBreaks = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;
    String head = new String(cps, 0, Math.min(3, cps.length));
    if (head.equals("---") || head.equals("...")) {
      blockIndicators = true;
    }
    boolean precededByWhitespace = true;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      boolean first = i == 0;
      boolean last = i == cps.length - 1;
      boolean followedByWhitespace = last || isBlank(cps[i + 1]) || isBreak(cps[i + 1]);
      if (first) {
        if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
          blockIndicators = true;
        }
        if ((c == '?' || c == ':') && followedByWhitespace) {
          blockIndicators = true;
        }
        if (c == '-' && followedByWhitespace) {
          blockIndicators = true;
        }
      } else {
        if (c == ':' && followedByWhitespace) {
          blockIndicators = true;
        }
        if (c == '#' && precededByWhitespace) {
          blockIndicators = true;
        }
      }
      if (!printable(c)) {
        special = true;
      }
      if (isBreak(c)) {
        lineBreaks = true;
      }
      if (c == ' ') {
        leadingSpace |= first;
        trailingSpace |= last;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        leadingBreak |= first;
        trailingBreak |= last;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlank(c) || isBreak(c);
    }
    boolean plain = true;
    boolean single = true;
    boolean block = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      plain = false;
    }
    if (trailingSpace) {
      block = false;
    }
    if (breakSpace) {
      plain = false;
      single = false;
    }
    if (spaceBreak || special) {
      plain = false;
      single = false;
      block = false;
    }
    if (lineBreaks || blockIndicators) {
      plain = false;
    }
    return new Analysis(plain, single, block, lineBreaks);
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  /** libyaml's is_printable over UTF-8: no C0/C1 controls but LF, no surrogates, no BOM, nothing past the BMP. */
  private static boolean printable(int c) {
    return c == 0xA || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  public static boolean resolvesToNonString(String s) {
    if (RESOLVED.contains(s)) {
      return true;
    }
    char c = s.charAt(0);
    if ("+-.0123456789".indexOf(c) < 0) {
      return false;
    }
    // yaml.v2's resolve: ints (0x.., 017, 1_000), floats that parse (1e400 overflows: a string)
    return !ScalarResolver.resolvePlain(s, ScalarSchema.YAML_1_1).isTextual() || BASE60.matcher(s).matches()
        || TIMESTAMP.matcher(s).matches();
  }

  private void plain(int[] cps, int indent, boolean allowBreaks) {
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        boolean nextSpace = i + 1 < cps.length && cps[i + 1] == ' ';
        if (allowBreaks && !spaces && column > BEST_WIDTH && !nextSpace) {
          newline(indent);
        } else {
          put(" ");
        }
        spaces = true;
      } else {
        put(new String(Character.toChars(c)));
        spaces = false;
      }
    }
  }

  private void singleQuoted(int[] cps, int indent, boolean allowBreaks) {
    put("'");
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        boolean nextSpace = i + 1 < cps.length && cps[i + 1] == ' ';
        if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1 && !nextSpace) {
          newline(indent);
        } else {
          put(" ");
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          out.append('\n');
        }
        writeBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          pad(indent);
        }
        put(c == '\'' ? "''" : new String(Character.toChars(c)));
        spaces = false;
        breaks = false;
      }
    }
    put("'");
  }

  private void doubleQuoted(int[] cps, int indent, boolean allowBreaks) {
    put("\"");
    boolean spaces = false;
    // go-yaml v2's is_bom looks at the first bytes whatever the position: a leading BOM escapes all
    boolean bom = cps.length > 0 && cps[0] == 0xFEFF;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (bom || !printable(c) || isBreak(c) || c == '"' || c == '\\') {
        put(escape(c));
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1) {
          newline(indent);
          if (i + 1 < cps.length && cps[i + 1] == ' ') {
            put("\\");
          }
        } else {
          put(" ");
        }
        spaces = true;
      } else {
        put(new String(Character.toChars(c)));
        spaces = false;
      }
    }
    put("\"");
  }

  private static String escape(int c) {
    return switch (c) {
      case 0 -> "\\0";
      case 0x7 -> "\\a";
      case 0x8 -> "\\b";
      case 0x9 -> "\\t";
      case 0xA -> "\\n";
      case 0xB -> "\\v";
      case 0xC -> "\\f";
      case 0xD -> "\\r";
      case 0x1B -> "\\e";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case 0x85 -> "\\N";
      case 0xA0 -> "\\_";
      case 0x2028 -> "\\L";
      case 0x2029 -> "\\P";
      default -> c <= 0xFF ? String.format("\\x%02X", c) : c <= 0xFFFF ? String.format("\\u%04X", c) : String.format("\\U%08X", c);
    };
  }

  private void literal(int[] cps, int indent) {
    put("|");
    if (cps[0] == ' ' || isBreak(cps[0])) {
      put("2"); // go-yaml's indentation indicator: its best indent
    }
    int n = cps.length;
    if (!isBreak(cps[n - 1])) {
      put("-");
    } else if (n == 1 || isBreak(cps[n - 2])) {
      put("+");
    }
    out.append('\n');
    column = 0;
    indention = true;
    boolean breaks = true;
    for (int c : cps) {
      if (isBreak(c)) {
        writeBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          pad(indent);
        }
        put(new String(Character.toChars(c)));
        breaks = false;
      }
    }
  }

  /** A line break as libyaml writes it: LF as is, other break characters verbatim; column restarts. */
  private void writeBreak(int c) {
    out.appendCodePoint(c);
    column = 0;
    indention = true;
  }

  /** libyaml's write_indent right after a break: spaces up to the indent, no new line. */
  private void pad(int indent) {
    while (column < indent) {
      out.append(' ');
      column++;
    }
    indention = true;
  }

  /**
   * libyaml's write_indent: a new line unless one was just written (a block scalar ends with its
   * own), then spaces up to the indent.
   */
  private void newline(int indent) {
    if (!indention || column > indent) {
      out.append('\n');
      column = 0;
    }
    pad(indent);
  }

  private void put(String s) {
    out.append(s);
    column += s.codePointCount(0, s.length());
    indention = false;
  }

  /** go-yaml v2's keyList.Less for string keys: letters after other runes, digit runs by value. */
  public static int compareKeys(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    return less(a, b) ? -1 : 1;
  }

  private static boolean less(String as, String bs) {
    int[] a = as.codePoints().toArray();
    int[] b = bs.codePoints().toArray();
    for (int i = 0; i < a.length && i < b.length; i++) {
      if (a[i] == b[i]) {
        continue;
      }
      boolean al = Character.isLetter(a[i]);
      boolean bl = Character.isLetter(b[i]);
      if (al && bl) {
        return a[i] < b[i];
      }
      if (al || bl) {
        return bl;
      }
      long an = 0;
      long bn = 0;
      if (a[i] == '0' || b[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
          if (a[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      while (ai < a.length && Character.isDigit(a[ai])) {
        an = an * 10 + (a[ai] - '0');
        ai++;
      }
      int bi = i;
      while (bi < b.length && Character.isDigit(b[bi])) {
        bn = bn * 10 + (b[bi] - '0');
        bi++;
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return a[i] < b[i];
    }
    return a.length < b.length;
  }

}
