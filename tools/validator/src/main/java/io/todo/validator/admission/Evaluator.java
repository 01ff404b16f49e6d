package io.todo.validator.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import io.todo.validator.admission.cel.CelEnvironment;
import io.todo.validator.admission.cel.CelErrors;
import io.todo.validator.admission.cel.CelValues;
import io.todo.validator.admission.cel.KubeCelLibrary;
import io.todo.validator.model.Finding;
import io.todo.validator.model.GoText;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.schema.SchemaBundle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One target's evaluation: every binding × every resource it matches × every param. */
final class Evaluator {
  /** Who applies the objects: Argo CD's application controller. */
  static final String USERNAME = "system:serviceaccount:argocd:argocd-application-controller";
  static final List<String> GROUPS = List.of("system:serviceaccounts", "system:serviceaccounts:argocd", "system:authenticated");

  private final PolicySet set;
  private final List<Resource> resources;
  private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
  private final Map<String, Resource> namespaces = new HashMap<>();
  /** "group/Kind" → CRD spec (plural, scope) from the output; the bundled CRDs answer the rest ({@link #crd}). */
  private final Map<String, JsonNode> crds = new HashMap<>();
  private final List<Resource> paramCandidates = new ArrayList<>();
  /** CEL views of objects, built once per resource however many bindings match it. */
  private final Map<Resource, Object> celObjects = new java.util.IdentityHashMap<>();
  /** namespaceObject by namespace name, converted once. */
  private final Map<String, Object> namespaceObjects = new HashMap<>();
  private final SchemaBundle bundle = SchemaBundle.builtin();
  /** Values of every Secret in sight, longest first: a message must never print one. */
  private final List<String> secretValues;

  Evaluator(PolicySet set, List<Resource> resources) {
    this.set = set;
    this.resources = resources;
    for (Resource r : resources) {
      if ("Namespace".equals(r.kind()) && "".equals(r.group()) && r.name() != null) {
        namespaces.put(r.name(), r);
        namespaceLabels.put(r.name(), labels(r.object()));
      }
      if ("CustomResourceDefinition".equals(r.kind())) {
        indexCrd(r.object());
      }
    }
    paramCandidates.addAll(resources);
    paramCandidates.addAll(set.params());
    this.secretValues = secretValues(paramCandidates);
  }

  private static List<String> secretValues(List<Resource> all) {
    Set<String> values = new java.util.HashSet<>();
    for (Resource r : all) {
      if (!"Secret".equals(r.kind()) || !r.group().isEmpty()) {
        continue;
      }
      r.object().path("data").forEach(v -> {
        values.add(v.asText());
        try {
          values.add(new String(java.util.Base64.getMimeDecoder().decode(v.asText()), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          // not base64: the raw text is enough
        }
      });
      r.object().path("stringData").forEach(v -> values.add(v.asText()));
    }
    return values.stream().filter(v -> v.length() >= 4)
        .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** Replaces every Secret value a message would print (messageExpression, evaluation errors). */
  private String redact(String message) {
    String m = message;
    for (String v : secretValues) {
      if (m.contains(v)) {
        m = m.replace(v, "<redacted>");
      }
    }
    return m;
  }

  /** The spec of the CRD that defines group/kind: the output's, else a bundled one, else null. */
  private JsonNode crd(String group, String kind) {
    JsonNode spec = crds.get(group + "/" + kind);
    if (spec == null) {
      for (JsonNode bundled : bundle.crds(group, kind)) {
        spec = bundled.path("spec"); // the last wins, as it did when all were indexed in order
      }
    }
    return spec;
  }

  private void indexCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    if (spec.path("group").isTextual() && spec.path("names").path("kind").isTextual()) {
      crds.put(spec.get("group").asText() + "/" + spec.path("names").get("kind").asText(), spec);
    }
  }

  List<Finding> run() {
    List<Finding> out = new ArrayList<>();
    Set<String> noted = new LinkedHashSet<>();
    List<Candidate> candidates = set.bindings().isEmpty() ? List.of() : candidates();
    for (Binding b : set.bindings()) {
      Policy p = set.policies().get(b.policyName());
      if (p.hasAuditAnnotations() && noted.add(p.name())) {
        out.add(new Finding(Severity.INFO, rule(p), null, "spec.auditAnnotations",
            "ValidatingAdmissionPolicy '" + p.name() + "': auditAnnotations are only checked for errors offline (their"
                + " values only annotate the cluster's audit events)", p.location()));
      }
      for (Candidate c : candidates) {
        ResourceKey matched = p.match().matchedAs(c.key(), c.equivalents(), c.labels(), c.namespaceLabels());
        if (matched != null && b.match().matches(c.key(), c.equivalents(), c.labels(), c.namespaceLabels())) {
          evaluate(p, b, c.resource(), c.key(), matched, out);
        }
      }
    }
    return out;
  }

  /** What a resource is matched on, computed once for every binding. */
  private record Candidate(Resource resource, ResourceKey key, List<ResourceKey> equivalents,
      Map<String, String> labels, Map<String, String> namespaceLabels) {}

  private List<Candidate> candidates() {
    List<Candidate> out = new ArrayList<>();
    for (Resource r : resources) {
      if (r.kind() == null || r.apiVersion() == null || isAdmissionPolicyResource(r)) {
        continue;
      }
      ResourceKey key = key(r);
      out.add(new Candidate(r, key, equivalents(key), labels(r.object()), namespaceLabelsFor(r, key)));
    }
    return out;
  }

  /**
   * The API server never runs policies on policies and bindings themselves (generic.Plugin's
   * admissionResources), so that a policy cannot lock itself in.
   */
  private static boolean isAdmissionPolicyResource(Resource r) {
    return "admissionregistration.k8s.io".equals(r.group()) && ADMISSION_KINDS.contains(r.kind());
  }

  private static final Set<String> ADMISSION_KINDS = Set.of("ValidatingAdmissionPolicy",
      "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding");

  static String rule(Policy p) {
    return "ADM-" + p.name();
  }

  // ---- matching inputs

  ResourceKey key(Resource r) {
    String group = r.group();
    String av = r.apiVersion();
    String version = av.substring(av.indexOf('/') + 1);
    JsonNode crd = crd(group, r.kind());
    boolean namespaced;
    String plural;
    if (crd != null) {
      namespaced = !"Cluster".equals(crd.path("scope").asText());
      plural = crd.path("names").path("plural").asText(guessPlural(r.kind()));
    } else {
      Optional<Boolean> ns = bundle.namespaced(group, r.kind());
      namespaced = ns.orElse(r.namespace() != null);
      plural = guessPlural(r.kind());
    }
    String namespace = namespaced ? (r.namespace() == null || r.namespace().isEmpty() ? "default" : r.namespace()) : null;
    return new ResourceKey(group, version, r.kind(), plural, namespaced, r.name() == null ? "" : r.name(), namespace);
  }

  /**
   * The resource at each version its CRD serves, in the CRD's order (the API server's equivalent
   * resources); null for other kinds, whose served versions we do not know.
   */
  private List<ResourceKey> equivalents(ResourceKey key) {
    JsonNode crd = crd(key.group(), key.kind());
    if (crd == null || !crd.path("versions").isArray()) {
      return null;
    }
    List<ResourceKey> out = new ArrayList<>();
    for (JsonNode v : crd.path("versions")) {
      if (v.path("name").isTextual() && v.path("served").asBoolean(true)) {
        out.add(new ResourceKey(key.group(), v.get("name").asText(), key.kind(), key.resource(), key.namespaced(),
            key.name(), key.namespace()));
      }
    }
    return out;
  }

  /** Kubernetes' own kind → resource guess (meta.UnsafeGuessKindToResource), right for every built-in kind. */
  static String guessPlural(String kind) {
    String k = kind.toLowerCase(Locale.ROOT);
    if (k.isEmpty() || k.endsWith("endpoints")) {
      return k;
    }
    if (k.endsWith("s")) {
      return k + "es";
    }
    if (k.endsWith("y")) {
      return k.substring(0, k.length() - 1) + "ies";
    }
    return k + "s";
  }

  private Map<String, String> namespaceLabelsFor(Resource r, ResourceKey key) {
    if (!key.namespaced()) {
      // a Namespace is matched on its own labels; other cluster-scoped objects never by namespaceSelector
      return "Namespace".equals(r.kind()) && key.group().isEmpty() ? withNameLabel(labels(r.object()), key.name()) : null;
    }
    return withNameLabel(namespaceLabels.getOrDefault(key.namespace(), Map.of()), key.namespace());
  }

  /** The API server labels every namespace with kubernetes.io/metadata.name. */
  private static Map<String, String> withNameLabel(Map<String, String> labels, String name) {
    Map<String, String> m = new LinkedHashMap<>(labels);
    m.put("kubernetes.io/metadata.name", name);
    return m;
  }

  static Map<String, String> labels(JsonNode object) {
    Map<String, String> m = new LinkedHashMap<>();
    object.path("metadata").path("labels").fields().forEachRemaining(e -> {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        m.put(e.getKey(), e.getValue().asText());
      }
    });
    return m;
  }

  // ---- evaluation

  /**
   * {@code matched}: the key the policy matched the request as; another version of a custom resource
   * under matchPolicy Equivalent makes the object that version (apiVersion only, as for a CRD without
   * a conversion webhook) and request.kind/resource that version too.
   */
  private void evaluate(Policy p, Binding b, Resource r, ResourceKey key, ResourceKey matched, List<Finding> out) {
    List<Object> params;
    if (p.paramKind() == null) {
      params = List.of(NullValue.NULL_VALUE);
    } else {
      Optional<List<Object>> found = params(p, b, key, r, out);
      if (found.isEmpty()) {
        return;
      }
      params = found.get();
    }
    Map<String, Object> base = new HashMap<>();
    base.put("object", matched.version().equals(key.version())
        ? celObjects.computeIfAbsent(r, x -> CelValues.of(asRegistered(x.object(), key)))
        : CelValues.of(withApiVersion(asRegistered(r.object(), key), matched)));
    base.put("oldObject", NullValue.NULL_VALUE);
    base.put("namespaceObject", namespaceObject(key));
    base.put("request", request(key, matched));
    // as the API server's matchconditions.Matcher: no namespaceObject, and request.resource as sent
    Map<String, Object> conditionBase = null;
    if (!p.matchConditions().isEmpty()) {
      conditionBase = new HashMap<>(base);
      conditionBase.put("namespaceObject", NullValue.NULL_VALUE);
      conditionBase.put("request", request(key, matched, key));
    }
    for (Object param : params) {
      if (conditionBase != null && !conditionsHold(p, b, r, activation(p, conditionBase, param), out)) {
        continue;
      }
      Map<String, Object> validations = activation(p, base, param);
      Map<String, Object> messages = activation(p, base, param);
      for (Policy.Validation v : p.validations()) {
        validate(p, b, r, v, validations, messages, out);
      }
      if (!p.failOpen() && !p.auditAnnotations().isEmpty()) {
        auditAnnotationErrors(p, b, r, activation(p, base, param), out);
      }
    }
  }

  /**
   * One evaluation's activation with its own variables: the API server evaluates matchConditions,
   * validations, messageExpressions and auditAnnotations each in a fresh composition context, so a
   * variable is computed (at most) once in each.
   */
  private static Map<String, Object> activation(Policy p, Map<String, Object> base, Object param) {
    Map<String, Object> activation = new HashMap<>(base);
    activation.put("params", param);
    LazyVariables vars = new LazyVariables(p.variables());
    activation.put("variables", vars);
    vars.bind(activation);
    return activation;
  }

  /**
   * As the API server's matcher: a false condition skips the policy, even when another one errs;
   * otherwise every error is reported, as Go's aggregate error words them ({@code [a, b]} for two).
   */
  private boolean conditionsHold(Policy p, Binding b, Resource r, Map<String, Object> activation, List<Finding> out) {
    java.util.LinkedHashSet<String> errors = new java.util.LinkedHashSet<>();
    for (Policy.Named c : p.matchConditions()) {
      try {
        Object v = c.expression().eval(activation);
        if (!(v instanceof Boolean bool)) {
          errors.add("matchCondition '" + c.name() + "' must evaluate to bool, got " + KubeCelLibrary.typeName(v));
        } else if (!bool) {
          return false;
        }
      } catch (CelEvaluationException e) {
        errors.add(resultedInError(c.expression(), e));
      }
    }
    if (!errors.isEmpty()) {
      if (!p.failOpen()) {
        out.add(finding(p, b, r, errors.size() == 1 ? errors.iterator().next() : "[" + String.join(", ", errors) + "]"));
      }
      return false;
    }
    return true;
  }

  /**
   * An auditAnnotation whose valueExpression errs (or is neither string nor null) denies the request
   * under failurePolicy Fail, whatever the binding's validationActions, as in the API server's dispatcher.
   */
  private void auditAnnotationErrors(Policy p, Binding b, Resource r, Map<String, Object> activation, List<Finding> out) {
    if (p.failOpen()) {
      return;
    }
    for (Policy.Named a : p.auditAnnotations()) {
      String error;
      try {
        Object v = a.expression().eval(activation);
        if (v instanceof String || v instanceof NullValue) {
          continue;
        }
        error = "valueExpression '" + a.expression().source + "' resulted in unsupported return type: "
            + KubeCelLibrary.typeName(v) + ". Return type must be either string or null.";
      } catch (CelEvaluationException e) {
        error = resultedInError(a.expression(), e);
      }
      out.add(denied(p, b, r, error));
    }
  }

  private static String resultedInError(CelEnvironment.Expression e, CelEvaluationException x) {
    return "expression '" + e.source + "' resulted in error: " + CelErrors.message(x);
  }

  private void validate(Policy p, Binding b, Resource r, Policy.Validation v, Map<String, Object> activation,
      Map<String, Object> messageActivation, List<Finding> out) {
    Object result;
    try {
      result = v.expression().eval(activation);
    } catch (CelEvaluationException e) {
      if (!p.failOpen()) {
        out.add(finding(p, b, r, resultedInError(v.expression(), e)));
      }
      return;
    }
    if (!(result instanceof Boolean ok)) {
      if (!p.failOpen()) {
        out.add(finding(p, b, r, "expression '" + v.expression().source + "' must evaluate to bool, got "
            + KubeCelLibrary.typeName(result)));
      }
      return;
    }
    if (ok) {
      return;
    }
    // as the API server: the trimmed messageExpression result unless it errs, is empty, longer than
    // 5 KiB or has a line break; else the trimmed message; else the expression
    String message = "";
    if (v.messageExpression() != null) {
      try {
        if (v.messageExpression().eval(messageActivation) instanceof String s) {
          message = GoText.trimSpace(s);
          if (message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 5 * 1024 || message.contains("\n")) {
            message = "";
          }
        }
      } catch (CelEvaluationException e) {
        // the API server falls back to message (and logs the error); so do we
      }
    }
    if (message.isEmpty() && v.message() != null) {
      message = GoText.trimSpace(v.message());
    }
    if (message.isEmpty()) {
      message = "failed expression: " + GoText.trimSpace(v.expression().source);
    }
    if (!"Invalid".equals(v.reason())) {
      message = message + " (reason: " + v.reason() + ")";
    }
    out.add(finding(p, b, r, message));
  }

  /** A denial whatever the binding's actions: an error the policy does not fail open on. */
  private Finding denied(Policy p, Binding b, Resource r, String message) {
    return new Finding(Severity.ERROR, rule(p), r.ref(), null, redact("ValidatingAdmissionPolicy '" + p.name()
        + "' with binding '" + b.name() + "' denied request: " + message), r.origin());
  }

  private Finding finding(Policy p, Binding b, Resource r, String message) {
    String text = b.severity() == Severity.ERROR
        ? "ValidatingAdmissionPolicy '" + p.name() + "' with binding '" + b.name() + "' denied request: " + message
        : "Validation failed for ValidatingAdmissionPolicy '" + p.name() + "' with binding '" + b.name() + "': " + message;
    return new Finding(b.severity(), rule(p), r.ref(), null, redact(text), r.origin());
  }


  /**
   * The object as validating admission sees it: the API server has put a namespaced object without
   * one in the request's namespace, and labelled a Namespace with its name.
   */
  private static JsonNode asRegistered(JsonNode object, ResourceKey key) {
    boolean fillNamespace = key.namespaced() && !object.path("metadata").path("namespace").isTextual();
    boolean nameLabel = !key.namespaced() && key.group().isEmpty() && "Namespace".equals(key.kind());
    if (!(fillNamespace || nameLabel) || !object.path("metadata").isObject()) {
      return object;
    }
    com.fasterxml.jackson.databind.node.ObjectNode copy = object.deepCopy();
    com.fasterxml.jackson.databind.node.ObjectNode meta = (com.fasterxml.jackson.databind.node.ObjectNode) copy.get("metadata");
    if (fillNamespace) {
      meta.put("namespace", key.namespace());
    }
    if (nameLabel) {
      (meta.path("labels").isObject() ? (com.fasterxml.jackson.databind.node.ObjectNode) meta.get("labels") : meta.putObject("labels"))
          .put("kubernetes.io/metadata.name", key.name());
    }
    return copy;
  }

  // ---- params

  private Optional<List<Object>> params(Policy p, Binding b, ResourceKey key, Resource r, List<Finding> out) {
    Binding.ParamRef ref = b.paramRef();
    Policy.ParamKind kind = p.paramKind();
    List<Resource> ofKind = paramCandidates.stream()
        .filter(c -> kind.apiVersion().equals(c.apiVersion()) && kind.kind().equals(c.kind()))
        .toList();
    String group = kind.apiVersion().contains("/") ? kind.apiVersion().substring(0, kind.apiVersion().indexOf('/')) : "";
    JsonNode crd = crd(group, kind.kind());
    boolean namespaced = crd != null
        ? !"Cluster".equals(crd.path("scope").asText())
        : bundle.namespaced(group, kind.kind()).orElse(ofKind.stream().anyMatch(c -> c.namespace() != null));
    // generic.CollectParams: its checks in its order, each a configuration error of the binding
    String namespace = null;
    if (namespaced) {
      namespace = ref.namespace() != null && !ref.namespace().isEmpty() ? ref.namespace() : key.namespace();
      if (namespace == null) {
        configError(p, b, r, "cannot use namespaced paramRef in policy binding that matches cluster-scoped resources", out);
        return Optional.empty();
      }
    } else if (ref.namespace() != null && !ref.namespace().isEmpty()) {
      configError(p, b, r, "paramRef.namespace must not be provided for a cluster-scoped `paramKind`", out);
      return Optional.empty();
    }
    List<Object> found = new ArrayList<>();
    for (Resource c : ofKind) {
      String cns = namespaced ? (c.namespace() == null ? "default" : c.namespace()) : null;
      if (namespaced && !namespace.equals(cns)) {
        continue;
      }
      boolean hit = ref.name() != null ? ref.name().equals(c.name()) : ref.selector().matches(labels(c.object()));
      if (hit) {
        found.add(celObjects.computeIfAbsent(c, x -> CelValues.of(x.object())));
      }
    }
    if (found.isEmpty()) {
      if (ref.notFoundDeny()) {
        configError(p, b, r, "no params found for policy binding with `Deny` parameterNotFoundAction", out);
      }
      return Optional.empty();
    }
    return Optional.of(found);
  }

  /**
   * A binding that cannot be applied: the dispatcher denies (failurePolicy Fail) or skips (Ignore)
   * whatever the binding's validationActions, since they only apply to validation decisions.
   */
  private void configError(Policy p, Binding b, Resource r, String error, List<Finding> out) {
    if (!p.failOpen()) {
      out.add(denied(p, b, r, "failed to configure binding: " + error));
    }
  }

  // ---- request and namespaceObject

  /**
   * As cel.CreateNamespaceObject: the Namespace's metadata (name, labels with the name label the API
   * server adds, and the other fields it copies), spec and status (empty when not rendered), no apiVersion or kind.
   */
  private Object namespaceObject(ResourceKey key) {
    if (!key.namespaced()) {
      return NullValue.NULL_VALUE;
    }
    return namespaceObjects.computeIfAbsent(key.namespace(), this::namespaceObject);
  }

  private Object namespaceObject(String name) {
    Resource ns = namespaces.get(name);
    Map<String, Object> rendered = ns == null ? Map.of() : asMap(CelValues.of(ns.object()));
    Map<String, Object> renderedMeta = asMap(rendered.getOrDefault("metadata", Map.of()));
    Map<String, Object> meta = new LinkedHashMap<>();
    for (String f : List.of("generateName", "uid", "resourceVersion", "generation", "deletionTimestamp",
        "deletionGracePeriodSeconds", "annotations", "finalizers")) {
      if (renderedMeta.containsKey(f)) {
        meta.put(f, renderedMeta.get(f));
      }
    }
    meta.put("name", name);
    meta.put("labels", Map.copyOf(withNameLabel(ns == null ? Map.of() : labels(ns.object()), name)));
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("metadata", meta);
    obj.put("spec", rendered.getOrDefault("spec", Map.of()));
    obj.put("status", rendered.getOrDefault("status", Map.of()));
    return obj;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static JsonNode withApiVersion(JsonNode object, ResourceKey matched) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = object.deepCopy();
    copy.put("apiVersion", matched.group().isEmpty() ? matched.version() : matched.group() + "/" + matched.version());
    return copy;
  }

  /** kind and resource: as matched; requestKind and requestResource: as sent. */
  private static Map<String, Object> request(ResourceKey key, ResourceKey matched) {
    return request(key, matched, matched);
  }

  private static Map<String, Object> request(ResourceKey key, ResourceKey kind, ResourceKey resource) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", Map.of("group", kind.group(), "version", kind.version(), "kind", kind.kind()));
    m.put("resource", Map.of("group", resource.group(), "version", resource.version(), "resource", resource.resource()));
    m.put("requestKind", Map.of("group", key.group(), "version", key.version(), "kind", key.kind()));
    m.put("requestResource", Map.of("group", key.group(), "version", key.version(), "resource", key.resource()));
    // AdmissionRequest's name and namespace are omitempty: absent, not "", for a cluster-scoped object
    if (!key.name().isEmpty()) {
      m.put("name", key.name());
    }
    if (key.namespace() != null && !key.namespace().isEmpty()) {
      m.put("namespace", key.namespace());
    }
    m.put("operation", "CREATE");
    m.put("userInfo", Map.of("username", USERNAME, "groups", GROUPS));
    m.put("dryRun", false);
    m.put("options", Map.of("apiVersion", "meta.k8s.io/v1", "kind", "CreateOptions"));
    return m;
  }
}
