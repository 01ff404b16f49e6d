package io.todo.validator.admission.cel;

import com.google.re2j.Pattern;
import io.todo.validator.model.GoRegexps;

/** CEL's regular expressions: Go's ({@link GoRegexps}), compiled once per pattern. */
final class GoRegex {
  /**
   * Compiled patterns by source: matches(), find() and findAll() take the pattern as an argument,
   * evaluated for every resource, almost always a literal. Patterns are immutable; the cache stops
   * growing at {@link #MAX_CACHED} (a pattern built from the resource compiles each time past it).
   */
  private static final java.util.Map<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_CACHED = 1_024;

  private GoRegex() {}

  static Pattern compile(String re) {
    Pattern p = CACHE.get(re);
    if (p != null) {
      return p;
    }
    p = GoRegexps.compile(re); // a GoRegexps.SyntaxError, Go's message, is the evaluation's error
    if (CACHE.size() < MAX_CACHED) {
      CACHE.put(re, p);
    }
    return p;
  }

  static boolean compiles(String re) {
    try {
      compile(re);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
