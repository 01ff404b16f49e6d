package io.todo.validator.report;

import java.util.Locale;

/** Short descriptions of the rule ids the stages report, for SARIF rule metadata and JUnit. */
public final class Rules {
  private Rules() {}

  /** A one-line description of a rule id; families are recognised by prefix. */
  public static String describe(String ruleId) {
    if (ruleId.equals("SCHEMA")) {
      return "The resource must be valid against the schema of its kind (Kubernetes OpenAPI or CRD) and the API"
          + " server's rules for names, labels, annotations and namespaces.";
    }
    if (ruleId.startsWith("SEAL")) {
      return "SealedSecrets must be well-formed, sealed for their scope and (with a private key) decryptable.";
    }
    if (ruleId.startsWith("ADM-")) {
      return "ValidatingAdmissionPolicy '" + ruleId.substring(4) + "' must admit the resource.";
    }
    return "Organisation policy " + ruleId + ".";
  }

  /** A readable name: "SCHEMA" becomes "Schema", "ADM-memory-limits" "AdmMemoryLimits". */
  public static String name(String ruleId) {
    StringBuilder sb = new StringBuilder();
    for (String part : ruleId.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return sb.length() == 0 ? "Rule" : sb.toString();
  }
}
