package io.todo.validator.model;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * RE2 patterns as Go's regexp reads them, compiled with re2j, for every part of the validator that
 * stands in for Go (kustomize's selectors and field paths, the schema stage's {@code pattern}s,
 * CEL's {@code matches()}). Two differences of re2j are made good here:
 * <ul>
 *   <li>Go takes a '{' that does not start a repetition ({@code {2}}, {@code {2,}}, {@code {2,5}}) as
 *       a literal that may itself be repeated ({@code a{*}, {@code {{1,}}); re2j refuses those as
 *       nested repetitions, so such a '{' is escaped first, which means the same to both;</li>
 *   <li>re2j reports an unopened ')' as the internal error older Go gave; Go now says
 *       {@code unexpected )}.</li>
 * </ul>
 */
public final class GoRegexps {
  private GoRegexps() {}

  /** A pattern Go's regexp refuses: Go's message, and its description without the pattern. */
  public static final class SyntaxError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String description;

    SyntaxError(String message, String description) {
      super(message);
      this.description = description;
    }

    /** What is wrong, as {@code error parsing regexp: <description>: `re`} words it. */
    public String description() {
      return description;
    }
  }

  /** regexp.Compile. */
  public static Pattern compile(String re) {
    try {
      return Pattern.compile(escapeLiteralBraces(re));
    } catch (PatternSyntaxException e) {
      if (e.getDescription().contains("internal error") && "stack underflow".equals(e.getPattern())) {
        throw new SyntaxError("error parsing regexp: unexpected ): `" + re + "`", "unexpected )");
      }
      throw new SyntaxError(e.getMessage(), e.getDescription());
    }
  }

  private static String escapeLiteralBraces(String re) {
    if (re.indexOf('{') < 0) {
      return re;
    }
    StringBuilder out = new StringBuilder(re.length() + 4);
    int i = 0;
    int n = re.length();
    while (i < n) {
      char c = re.charAt(i);
      if (c == '\\' && i + 1 < n) {
        int end = escapeEnd(re, i);
        out.append(re, i, end);
        i = end;
      } else if (c == '[') {
        int end = classEnd(re, i);
        out.append(re, i, end);
        i = end;
      } else if (c == '{' && !isRepeat(re, i)) {
        out.append("\\{");
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The end of the escape at {@code i}: \Q...\E, \p{..}/\P{..}/\x{..} with their braces, or one character. */
  private static int escapeEnd(String re, int i) {
    char e = re.charAt(i + 1);
    if (e == 'Q') {
      int q = re.indexOf("\\E", i + 2);
      return q < 0 ? re.length() : q + 2;
    }
    if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < re.length() && re.charAt(i + 2) == '{') {
      int close = re.indexOf('}', i + 3);
      return close < 0 ? re.length() : close + 1;
    }
    return i + 1 + Character.charCount(re.codePointAt(i + 1));
  }

  /** The end of the character class opening at {@code i} (a leading ']' or '^]' is a member). */
  private static int classEnd(String re, int i) {
    int j = i + 1;
    if (j < re.length() && re.charAt(j) == '^') {
      j++;
    }
    if (j < re.length() && re.charAt(j) == ']') {
      j++;
    }
    while (j < re.length()) {
      char c = re.charAt(j);
      if (c == '\\' && j + 1 < re.length()) {
        j = escapeEnd(re, j);
      } else if (c == '[' && j + 1 < re.length() && re.charAt(j + 1) == ':') {
        int close = re.indexOf(":]", j + 2);
        j = close < 0 ? j + 1 : close + 2;
      } else if (c == ']') {
        return j + 1;
      } else {
        j++;
      }
    }
    return re.length();
  }

  /** Whether a repetition {n}, {n,} or {n,m} starts at {@code i} (Go's parseRepeat, digits only). */
  private static boolean isRepeat(String re, int i) {
    int j = number(re, i + 1);
    if (j < 0 || j >= re.length()) {
      return false;
    }
    if (re.charAt(j) == ',') {
      j++;
      if (j < re.length() && re.charAt(j) != '}') {
        j = number(re, j);
        if (j < 0) {
          return false;
        }
      }
    }
    return j < re.length() && re.charAt(j) == '}';
  }

  /** The end of a decimal number at {@code j} (no leading zeros, as Go), or -1. */
  private static int number(String re, int j) {
    int start = j;
    while (j < re.length() && re.charAt(j) >= '0' && re.charAt(j) <= '9') {
      j++;
    }
    return j == start || (j - start > 1 && re.charAt(start) == '0') ? -1 : j;
  }
}
