package io.todo.validator.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the rendered output.
 *
 * @param severity how bad it is
 * @param ruleId stable rule id ({@code SCHEMA}, {@code SEC-001}, ...)
 * @param resource {@code Kind/namespace/name} of the offending resource, or null
 * @param field the field path inside the resource ({@code spec.template.spec...}), or null
 * @param message what is wrong, never containing a secret value
 * @param location the source the user must edit
 */
public record Finding(
    Severity severity, String ruleId, String resource, String field, String message, Location location) {

  /** Deterministic report order: file, line, column, rule, resource, field, message. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.location() == null ? "" : f.location().file())
          .thenComparingInt(f -> f.location() == null ? 0 : f.location().line())
          .thenComparingInt(f -> f.location() == null ? 0 : f.location().column())
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> Objects.toString(f.resource(), ""))
          .thenComparing(f -> Objects.toString(f.field(), ""))
          .thenComparing(Finding::message)
          .thenComparing(Finding::severity);

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(newSeverity, ruleId, resource, field, message, location);
  }

  /** {@code Kind/ns/name: field: message}, the part after the severity and rule id. */
  public String subject() {
    StringBuilder sb = new StringBuilder();
    if (resource != null) {
      sb.append(resource).append(": ");
    }
    if (field != null && !field.isEmpty()) {
      sb.append(field).append(": ");
    }
    return sb.append(message).toString();
  }
}
