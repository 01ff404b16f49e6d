package io.todo.validator.render;

import com.google.re2j.Pattern;
import io.todo.validator.model.GoRegexps;

/**
 * The regular expressions a kustomization writes (target selectors, replacement selectors, field
 * path {@code [name=regex]} parts). Kustomize compiles them with Go's regexp, so they are compiled
 * as Go's regexp reads them ({@link GoRegexps}): the same syntax is accepted and rejected (no lookaround or backreferences), matches
 * are the same, matching time stays linear in the input, and the error text is Go's.
 */
final class GoRegexp {
  private GoRegexp() {}

  /** regexp.Compile: a syntax error is kustomize's {@code error parsing regexp: ...: `re`}. */
  static Pattern compile(String re) {
    try {
      return GoRegexps.compile(re);
    } catch (GoRegexps.SyntaxError e) {
      throw new RenderException(e.getMessage());
    }
  }

  /** types.SelectorRegex's anchorRegex: the whole value must match. */
  static Pattern whole(String re) {
    return compile("^(?:" + re + ")$");
  }
}
