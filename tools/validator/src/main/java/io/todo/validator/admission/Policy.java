package io.todo.validator.admission;

import io.todo.validator.admission.cel.CelEnvironment;
import io.todo.validator.model.Location;
import java.util.List;

/** A parsed, compiled ValidatingAdmissionPolicy. */
record Policy(
    String name,
    Location location,
    ParamKind paramKind,
    MatchResources match,
    List<Named> matchConditions,
    List<Named> variables,
    List<Validation> validations,
    boolean failOpen,
    List<Named> auditAnnotations) {

  boolean hasAuditAnnotations() {
    return !auditAnnotations.isEmpty();
  }

  record ParamKind(String apiVersion, String kind) {}

  /** A matchCondition, a variable or an auditAnnotation (key, valueExpression): a name and a compiled expression. */
  record Named(String name, CelEnvironment.Expression expression, String field) {}

  record Validation(
      CelEnvironment.Expression expression,
      String message,
      CelEnvironment.Expression messageExpression,
      String reason,
      String field) {}
}
