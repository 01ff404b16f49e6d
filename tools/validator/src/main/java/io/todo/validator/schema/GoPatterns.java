package io.todo.validator.schema;

import com.google.re2j.Pattern;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import io.todo.validator.model.GoRegexps;

/**
 * {@code pattern} keywords as kubeconform (Go's regexp, RE2 syntax) and the API server read them,
 * not as java.util.regex does: there {@code $} also matches before a final line break, {@code .}
 * stops at {@code \r} and U+2028, {@code \v} is a class and {@code [[:alpha:]]} is no POSIX class.
 * Like JSON Schema, a pattern matches anywhere in the value unless it is anchored.
 */
final class GoPatterns implements RegularExpressionFactory {
  static final GoPatterns INSTANCE = new GoPatterns();

  private GoPatterns() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern p;
    try {
      p = GoRegexps.compile(regex);
    } catch (GoRegexps.SyntaxError e) {
      throw new InvalidPattern(regex, e.description());
    }
    return value -> p.matcher(value).find();
  }

  /** A pattern Go's regexp cannot compile: kubeconform cannot use the schema either. */
  static final class InvalidPattern extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The invalid pattern behind a failure (networknt wraps it), or null. */
    static InvalidPattern in(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof InvalidPattern p) {
          return p;
        }
      }
      return null;
    }

    InvalidPattern(String regex, String why) {
      super("the schema's pattern " + regex + " is not a valid regular expression (Go syntax): " + why, null, false, false);
    }
  }
}
