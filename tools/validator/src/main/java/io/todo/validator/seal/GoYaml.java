package io.todo.validator.seal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a JSON tree the way kubeseal prints YAML (sigs.k8s.io/yaml over go-yaml v2): map keys in
 * go-yaml's "natural" order, indentless sequences, YAML 1.1-aware quoting, literal blocks for
 * multi-line strings and lines folded after column 80.
 */
final class GoYaml {
  private static final int BEST_WIDTH = 80;
  private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern GO_INT = Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)");
  private static final Pattern BASE60 = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final java.util.Set<String> RESOLVED =
      java.util.Set.of(
          "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True",
          "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", ".inf", ".Inf", ".INF", "+.inf",
          "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN", "<<");

  private final StringBuilder out = new StringBuilder();
  private int column;

  private GoYaml() {}

  static String write(JsonNode node) {
    GoYaml y = new GoYaml();
    y.node(node, 0, true);
    return y.out.toString();
  }

  private void node(JsonNode n, int indent, boolean top) {
    block(n, indent, true);
    if (top) {
      put("\n");
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
        scalar(k, indent, true);
        put(":");
        JsonNode v = n.get(k);
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
    } else if (v.isNumber()) {
      put(v.asText());
    } else {
      scalar(v.asText(), indent, false);
    }
  }

  /** A string scalar at a node whose block indent is {@code indent}; continuation lines go 2 deeper. */
  private void scalar(String s, int indent, boolean key) {
    int inner = indent + 2;
    if (!key && s.contains("\n") && blockAllowed(s)) {
      literal(s, inner);
      return;
    }
    if (s.isEmpty() || resolvesToNonString(s) || s.contains("\n")) {
      doubleQuoted(s, inner, !key);
      return;
    }
    Analysis a = analyze(s);
    if (a.plain) {
      plain(s, inner, !key);
    } else if (a.single) {
      singleQuoted(s, inner, !key);
    } else {
      doubleQuoted(s, inner, !key);
    }
  }

  private record Analysis(boolean plain, boolean single) {}

  /** libyaml's yaml_emitter_analyze_scalar, reduced to the block context we emit. */
  private static Analysis analyze(String s) {
    boolean blockIndicators = false;
    boolean special = false;
    boolean leadingSpace = s.charAt(0) == ' ';
    boolean trailingSpace = s.charAt(s.length() - 1) == ' ';
    if (s.startsWith("---") || s.startsWith("...")) {
      blockIndicators = true;
    }
    int[] cps = s.codePoints().toArray();
    boolean precededBySpace = true;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      boolean followedBySpace = i + 1 >= cps.length || cps[i + 1] == ' ' || cps[i + 1] == '\t';
      if (i == 0) {
        if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
          blockIndicators = true;
        }
        if ((c == '?' || c == ':' || c == '-') && followedBySpace) {
          blockIndicators = true;
        }
      } else {
        if (c == ':' && followedBySpace) {
          blockIndicators = true;
        }
        if (c == '#' && precededBySpace) {
          blockIndicators = true;
        }
      }
      if (!printable(c)) {
        special = true;
      }
      precededBySpace = c == ' ' || c == '\t';
    }
    if (special) {
      return new Analysis(false, false);
    }
    boolean plain = !blockIndicators && !leadingSpace && !trailingSpace;
    return new Analysis(plain, true);
  }

  private static boolean blockAllowed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        if (i > 0 && s.charAt(i - 1) == ' ') {
          return false; // space before a break
        }
      } else if (!printable(c)) {
        return false;
      }
    }
    return !s.endsWith(" ");
  }

  private static boolean printable(int c) {
    return c == 0xA || (c >= 0x20 && c <= 0x7E) || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF);
  }

  static boolean resolvesToNonString(String s) {
    if (RESOLVED.contains(s)) {
      return true;
    }
    char c = s.charAt(0);
    if ("+-.0123456789".indexOf(c) < 0) {
      return false;
    }
    String plain = s.replace("_", "");
    return GO_INT.matcher(plain).matches() || YAML_FLOAT.matcher(plain).matches() || BASE60.matcher(s).matches();
  }

  private void plain(String s, int indent, boolean breaks) {
    boolean spaces = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        boolean nextSpace = i + 1 < s.length() && s.charAt(i + 1) == ' ';
        if (breaks && !spaces && column > BEST_WIDTH && !nextSpace) {
          newline(indent);
        } else {
          put(" ");
        }
        spaces = true;
      } else {
        put(String.valueOf(c));
        spaces = false;
      }
    }
  }

  private void singleQuoted(String s, int indent, boolean breaks) {
    put("'");
    boolean spaces = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        boolean nextSpace = i + 1 < s.length() && s.charAt(i + 1) == ' ';
        if (breaks && !spaces && column > BEST_WIDTH && i != 0 && i != s.length() - 1 && !nextSpace) {
          newline(indent);
        } else {
          put(" ");
        }
        spaces = true;
      } else {
        put(c == '\'' ? "''" : String.valueOf(c));
        spaces = false;
      }
    }
    put("'");
  }

  private void doubleQuoted(String s, int indent, boolean breaks) {
    put("\"");
    boolean spaces = false;
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (breaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1) {
          newline(indent);
          if (i + 1 < cps.length && cps[i + 1] == ' ') {
            put("\\");
          }
        } else {
          put(" ");
        }
        spaces = true;
        continue;
      }
      spaces = false;
      String e =
          switch (c) {
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
            default -> null;
          };
      if (e == null) {
        if (printable(c)) {
          e = new String(Character.toChars(c));
        } else if (c <= 0xFF) {
          e = String.format("\\x%02X", c);
        } else if (c <= 0xFFFF) {
          e = String.format("\\u%04X", c);
        } else {
          e = String.format("\\U%08X", c);
        }
      }
      put(e);
    }
    put("\"");
  }

  private void literal(String s, int indent) {
    put("|");
    if (s.charAt(0) == ' ' || s.charAt(0) == '\n') {
      put("2"); // the indentation indicator go-yaml writes (its best indent)
    }
    if (!s.endsWith("\n")) {
      put("-");
    } else if (s.length() == 1 || s.charAt(s.length() - 2) == '\n') {
      put("+");
    }
    String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    for (String line : body.split("\n", -1)) {
      if (line.isEmpty()) {
        put("\n");
        column = 0;
      } else {
        newline(indent);
        put(line);
      }
    }
  }

  private void newline(int indent) {
    out.append('\n');
    out.append(" ".repeat(indent));
    column = indent;
  }

  private void put(String s) {
    out.append(s);
    column += s.codePointCount(0, s.length());
  }

  /** go-yaml v2's keyList.Less for string keys: letters after other runes, digit runs by value. */
  static int compareKeys(String a, String b) {
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
