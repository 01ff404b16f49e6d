package io.todo.validator.render;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The regular expressions a kustomization writes (target selectors, replacement selectors, field
 * path {@code [name=regex]} parts). Kustomize compiles them with Go's regexp, so they are compiled
 * with RE2/J: the same syntax is accepted and rejected (no lookaround or backreferences), matches
 * are the same, matching time stays linear in the input, and the error text is Go's.
 */
final class GoRegexp {
  private GoRegexp() {}

  /** regexp.Compile: a syntax error is kustomize's {@code error parsing regexp: ...: `re`}. */
  static Pattern compile(String re) {
    try {
      return Pattern.compile(re);
    } catch (PatternSyntaxException e) {
      // RE2/J still reports an unopened ')' as the internal error older Go gave; Go now names it
      if (e.getDescription().contains("internal error") && "stack underflow".equals(e.getPattern())) {
        throw new RenderException("error parsing regexp: unexpected ): `" + re + "`");
      }
      throw new RenderException(e.getMessage());
    }
  }

  /** types.SelectorRegex's anchorRegex: the whole value must match. */
  static Pattern whole(String re) {
    return compile("^(?:" + re + ")$");
  }
}
