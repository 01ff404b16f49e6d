package io.todo.validator.policy;

import io.todo.validator.model.Location;
import java.time.LocalDate;
import java.util.List;

/**
 * An accepted exception to one rule for one target until a date.
 *
 * @param rule the rule id
 * @param target {@code Kind/namespace/name} as printed in findings ({@code *} matches any run of
 *     characters), or a source file path for findings about files
 * @param environments where the waiver applies; empty = everywhere
 * @param location where the waiver is written
 */
public record Waiver(
    String rule, String target, String reason, String owner, LocalDate expires, List<String> environments, Location location) {

  public boolean appliesIn(String environment) {
    return environments.isEmpty() || environments.contains(environment);
  }

  public boolean expired(LocalDate today) {
    return expires.isBefore(today);
  }

  /** Whether this waiver names the resource (or file) of a finding. */
  public boolean matches(String ruleId, String resource, Location at) {
    if (!rule.equals(ruleId)) {
      return false;
    }
    if (resource != null && glob(target, resource)) {
      return true;
    }
    return at != null && at.file() != null && glob(target, at.file());
  }

  /** Wildcard match where {@code *} matches any run of characters; linear backtracking, no regex. */
  static boolean glob(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
