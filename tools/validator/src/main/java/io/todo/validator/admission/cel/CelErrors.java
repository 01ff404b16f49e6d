package io.todo.validator.admission.cel;

import dev.cel.runtime.CelEvaluationException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An evaluation error in cel-go's words, which the API server puts in its denial message
 * ({@code expression '…' resulted in error: no such key: spec}); cel-java words the same errors
 * differently ({@code key 'spec' is not present in map.}). Messages of our own library functions,
 * and of the standard functions bound in cel-java's place (conversions, time), are Kubernetes'
 * already and pass through.
 */
public final class CelErrors {
  private record Rule(Pattern java, String go) {}

  private static final List<Rule> RULES = List.of(
      rule("key '(.*)' is not present in map\\.", "no such key: $1"),
      rule("Error resolving field '(.*)'\\. Field selections must be performed on messages or maps\\.", "no such key: $1"),
      rule("/ by zero", "division by zero"),
      rule("Index out of bounds: (-?\\d+)", "index out of bounds: $1"),
      rule("long overflow|double is out of range for int", "integer overflow"),
      rule("unsigned \\w+ (?:overflow|underflow)|double is out of range for uint", "unsigned integer overflow"),
      rule("No matching overload for function '.*'\\. Overload candidates: .*", "no such overload"),
      rule("Function 'optional_value' failed with arg\\(s\\) 'Optional.empty'", "optional.none() dereference"),
      rule("(?:charAt|substring) failure: (?:Index out of range: |Range \\[)(-?\\d+).*", "index out of range: $1"));
  private static final Pattern LOCATION = Pattern.compile("^evaluation error(?: at <input>:\\d+)?: ");

  private CelErrors() {}

  private static Rule rule(String java, String go) {
    return new Rule(Pattern.compile(java), go);
  }

  public static String message(CelEvaluationException e) {
    String m = message(String.valueOf(e.getMessage()));
    if (e.getErrorCode() == dev.cel.common.CelErrorCode.ATTRIBUTE_NOT_FOUND && !m.startsWith("no such key: ")) {
      return "no such key: " + m; // cel-java's message for a missing map index is the key alone
    }
    return m;
  }

  static String message(String javaMessage) {
    String m = LOCATION.matcher(javaMessage).replaceFirst("");
    for (Rule r : RULES) {
      Matcher x = r.java.matcher(m);
      if (x.matches()) {
        return x.replaceFirst(r.go);
      }
    }
    return m;
  }
}
