package io.todo.validator.admission;

import io.todo.validator.admission.cel.CelEnvironment;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads admissionregistration.k8s.io/v1 policies and bindings strictly, compiling every expression. */
final class PolicyParser {
  static final String API_VERSION = "admissionregistration.k8s.io/v1";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String[] TOP = {"apiVersion", "kind", "metadata", "spec", "status"};

  private static final Pattern VARIABLE_REF = Pattern.compile("(?<![\\w.])variables\\.([A-Za-z_][A-Za-z0-9_]*)");

  private final CelEnvironment cel;
  /** Compilation errors of the policy being read: all are reported, not just the first. */
  private final List<io.todo.validator.model.ValidatorException> pending = new ArrayList<>();
  /** Variables an expression may use: those declared so far (a variable sees only earlier ones). */
  private final Set<String> declared = new HashSet<>();
  /** The checked type of each variable's expression, which the API server gives {@code variables.NAME}. */
  private final Map<String, dev.cel.common.types.CelType> variableTypes = new HashMap<>();
  /** Every expression compiled, to be planned together ({@link #plan}). */
  private final List<CelEnvironment.Expression> compiled = new ArrayList<>();

  PolicyParser(CelEnvironment cel) {
    this.cel = cel;
  }

  static boolean isPolicy(Resource r) {
    return "ValidatingAdmissionPolicy".equals(r.kind());
  }

  /**
   * The expressions a policy holds (variables, matchConditions, validations and their messages,
   * audit annotations), read loosely: for {@link CelEnvironment#prepare}, which only compiles ahead
   * what {@link #policy} then compiles and checks.
   */
  static List<String> expressions(Resource r) {
    List<String> out = new ArrayList<>();
    com.fasterxml.jackson.databind.JsonNode spec = r.object().path("spec");
    String[][] fields = {{"variables", "expression"}, {"matchConditions", "expression"},
        {"validations", "expression"}, {"validations", "messageExpression"}, {"auditAnnotations", "valueExpression"}};
    for (String[] f : fields) {
      for (com.fasterxml.jackson.databind.JsonNode item : spec.path(f[0])) {
        com.fasterxml.jackson.databind.JsonNode e = item.path(f[1]);
        if (e.isTextual() && !e.asText().isBlank()) {
          out.add(e.asText());
        }
      }
    }
    return out;
  }

  static boolean isBinding(Resource r) {
    return "ValidatingAdmissionPolicyBinding".equals(r.kind());
  }

  Policy policy(Resource r) {
    pending.clear();
    declared.clear();
    variableTypes.clear();
    Spec root = header(r);
    Spec spec = root.get("spec").fields(
        "paramKind", "matchConstraints", "validations", "failurePolicy", "auditAnnotations", "matchConditions", "variables");
    Policy.ParamKind paramKind = null;
    if (spec.has("paramKind")) {
      Spec pk = spec.get("paramKind").fields("apiVersion", "kind");
      paramKind = new Policy.ParamKind(pk.nonEmpty("apiVersion"), pk.nonEmpty("kind"));
    }
    if (!spec.has("matchConstraints")) {
      throw spec.error("missing required field \"matchConstraints\"");
    }
    MatchResources match = MatchResources.parse(spec.get("matchConstraints"), true);
    boolean failOpen = spec.oneOf("failurePolicy", "Fail", "Fail", "Ignore").equals("Ignore");
    // variables first: the API server compiles them before everything else, matchConditions included
    List<Policy.Named> variables = named(spec, "variables", true);
    List<Policy.Named> conditions = named(spec, "matchConditions", false);
    if (conditions.size() > 64) {
      throw spec.get("matchConditions").error("must have at most 64 items");
    }
    List<Policy.Validation> validations = new ArrayList<>();
    for (Spec v : spec.list("validations", false)) {
      v.fields("expression", "message", "reason", "messageExpression");
      String message = v.string("message", false);
      if (message != null && (message.isBlank() || message.contains("\n"))) {
        throw v.get("message").error("must be non-empty and on a single line");
      }
      validations.add(new Policy.Validation(
          typed(v, "expression", "bool"),
          message,
          v.has("messageExpression") ? typed(v, "messageExpression", "string") : null,
          v.oneOf("reason", "Invalid", "Unauthorized", "Forbidden", "Invalid", "RequestEntityTooLarge"),
          v.get("expression").path()));
    }
    List<Spec> audits = spec.list("auditAnnotations", false);
    List<Policy.Named> auditAnnotations = new ArrayList<>();
    for (Spec a : audits) {
      a.fields("key", "valueExpression");
      // evaluated only for their errors, which deny as the API server's do (the values annotate audit events)
      auditAnnotations.add(new Policy.Named(a.nonEmpty("key"), typed(a, "valueExpression", "string", "null_type"),
          a.get("valueExpression").path()));
    }
    if (validations.isEmpty() && audits.isEmpty()) {
      throw spec.error("at least one of validations or auditAnnotations is required");
    }
    if (!pending.isEmpty()) {
      throw io.todo.validator.model.ValidatorException.all(List.copyOf(pending));
    }
    return new Policy(root.get("metadata").nonEmpty("name"), r.origin(), paramKind, match, conditions, variables,
        List.copyOf(validations), failOpen, List.copyOf(auditAnnotations));
  }

  Binding binding(Resource r) {
    Spec root = header(r);
    Spec spec = root.get("spec").fields("policyName", "paramRef", "matchResources", "validationActions");
    List<String> actions = spec.strings("validationActions", true);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < actions.size(); i++) {
      String a = actions.get(i);
      Spec at = spec.get("validationActions").get(String.valueOf(i));
      if (!List.of("Deny", "Warn", "Audit").contains(a)) {
        throw at.error("unsupported value \"" + a + "\" (expected one of [Deny, Warn, Audit])");
      }
      if (!seen.add(a)) {
        throw at.error("duplicate value \"" + a + "\"");
      }
    }
    if (seen.contains("Deny") && seen.contains("Warn")) {
      throw spec.get("validationActions").error("must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)");
    }
    Severity severity = seen.contains("Deny") ? Severity.ERROR : seen.contains("Warn") ? Severity.WARNING : Severity.INFO;
    Binding.ParamRef ref = null;
    if (spec.has("paramRef")) {
      Spec p = spec.get("paramRef").fields("name", "namespace", "selector", "parameterNotFoundAction");
      String name = p.string("name", false);
      boolean hasSelector = p.has("selector");
      if ((name == null) == !hasSelector) {
        throw p.error("exactly one of name or selector must be set");
      }
      String action = p.oneOf("parameterNotFoundAction", null, "Allow", "Deny");
      if (action == null) {
        throw p.error("missing required field \"parameterNotFoundAction\"");
      }
      ref = new Binding.ParamRef(name, p.string("namespace", false),
          hasSelector ? LabelSelector.parse(p.get("selector")) : null, action.equals("Deny"));
    }
    MatchResources match = spec.has("matchResources") ? MatchResources.parse(spec.get("matchResources"), false) : MatchResources.ANY;
    return new Binding(root.get("metadata").nonEmpty("name"), r.origin(), spec.nonEmpty("policyName"), ref, match, severity);
  }

  private Spec header(Resource r) {
    Spec root = Spec.root(r).fields(TOP);
    String av = root.string("apiVersion", true);
    if (!av.equals(API_VERSION)) {
      throw root.get("apiVersion").error("unsupported apiVersion \"" + av + "\" for " + r.kind() + " (use " + API_VERSION + ")");
    }
    root.get("metadata").object();
    if (!root.has("spec")) {
      throw root.error("missing required field \"spec\"");
    }
    return root;
  }

  private List<Policy.Named> named(Spec spec, String key, boolean identifiers) {
    List<Policy.Named> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Spec c : spec.list(key, false)) {
      c.fields("name", "expression");
      String name = c.nonEmpty("name");
      if (identifiers && !IDENTIFIER.matcher(name).matches()) {
        throw c.get("name").error("must be a valid CEL identifier");
      }
      if (!names.add(name)) {
        throw c.get("name").error("duplicate name \"" + name + "\"");
      }
      // a matchCondition must be bool (webhook/matchconditions); a variable may be anything
      CelEnvironment.Expression e = identifiers ? expression(c, "expression") : typed(c, "expression", "bool");
      out.add(new Policy.Named(name, e, c.get("expression").path()));
      if (identifiers) {
        declared.add(name);
        if (e != null) {
          variableTypes.put(name, e.resultType());
        }
      }
    }
    return List.copyOf(out);
  }

  /** The sources of every expression compiled so far (tests: {@link #expressions} must name them all). */
  List<String> compiledSources() {
    return compiled.stream().map(e -> e.source).toList();
  }

  /** Plans every expression read so far on one runtime with the standard functions they call. */
  void plan() {
    cel.plan(compiled);
  }

  /**
   * {@link #expression}, whose result type must be one of {@code types}, as the API server checks on
   * create (cel/compile.go: dyn is not bool). The API server types {@code variables.NAME} as NAME's
   * expression; our checker sees every variable as dyn, so an expression that is exactly
   * {@code variables.NAME} takes NAME's checked type, and any other that reads a variable is only
   * refused for a definite wrong type (the evaluation then checks the value's type).
   */
  private CelEnvironment.Expression typed(Spec s, String key, String... types) {
    CelEnvironment.Expression e = expression(s, key);
    if (e == null) {
      return null;
    }
    String variable = e.variable();
    dev.cel.common.types.CelType t = variable != null && variableTypes.containsKey(variable)
        ? variableTypes.get(variable) : e.resultType();
    String name = t.kind() == dev.cel.common.types.CelKind.DYN ? "dyn"
        : t.kind() == dev.cel.common.types.CelKind.NULL_TYPE ? "null_type" : t.name();
    if (List.of(types).contains(name) || (name.equals("dyn") && variable == null && e.readsVariables())) {
      return e;
    }
    String want = types.length == 1 ? types[0] : "one of [" + String.join(" ", types) + "]";
    pending.add(s.get(key).error("compilation failed: must evaluate to " + want + " but got " + name));
    return null;
  }

  /** Compiles one expression; an error is collected (the expression is then null and never used). */
  private CelEnvironment.Expression expression(Spec s, String key) {
    String source = s.nonEmpty(key);
    Spec f = s.get(key);
    try {
      java.util.regex.Matcher m = VARIABLE_REF.matcher(source);
      while (m.find()) {
        if (!declared.contains(m.group(1))) {
          throw f.error("compilation failed: undefined variable 'variables." + m.group(1)
              + "' (a variable must be declared in spec.variables before the expressions that use it)");
        }
      }
      CelEnvironment.Expression e = cel.compile(source, f.location(), f.path());
      compiled.add(e);
      return e;
    } catch (io.todo.validator.model.ValidatorException e) {
      pending.add(e);
      return null;
    }
  }
}
