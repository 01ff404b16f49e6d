package io.todo.validator.admission;

import io.todo.validator.model.Location;
import io.todo.validator.model.Severity;

/** A parsed ValidatingAdmissionPolicyBinding. */
record Binding(String name, Location location, String policyName, ParamRef paramRef, MatchResources match, Severity severity) {

  /** paramRef: one named object or every object a selector matches; notFoundDeny = parameterNotFoundAction Deny. */
  record ParamRef(String name, String namespace, LabelSelector selector, boolean notFoundDeny) {}
}
