package io.todo.validator.model;

import java.util.Locale;

/** Finding severities, most severe first; the order drives exit codes and sorting. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidatorException(
          ExitCodes.USAGE, "unknown severity '" + text + "' (expected error, warning or info)");
    }
  }
}
