package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.todo.validator.model.Severity;
import io.todo.validator.model.ValidatorException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code policies/policies.yaml}: which rules apply and how severe they are per environment,
 * allowed registries and pull policies per environment, request budgets, objects that exist
 * outside the rendered output, and the Argo CD sync policy per environment. Everything is
 * optional; an absent file means the built-in defaults.
 */
public final class PolicyConfig {
  public static final String FILE = "policies.yaml";
  private static final Set<String> TOP = Set.of("rules", "environments", "budgets", "external", "argocd", "resources", "health", "networkPolicy");
  private static final Set<String> RULE = Set.of("enabled", "severity");
  private static final Set<String> ENV = Set.of("registries", "pullPolicies");
  private static final Set<String> BUDGET = Set.of("cpu", "memory");
  private static final Set<String> EXTERNAL = Set.of("secrets", "configMaps", "persistentVolumeClaims", "services");
  private static final Set<String> ARGO = Set.of("repoURLs", "paths", "syncPolicy");
  private static final Set<String> RESOURCES = Set.of("maxLimitRequestRatio");
  private static final Set<String> RATIO = Set.of("cpu", "memory");
  private static final Set<String> HEALTH = Set.of("slowStartSeconds");
  private static final Set<String> NETPOL = Set.of("defaultDeny");
  private static final Set<String> PULL = Set.of("Always", "IfNotPresent", "Never");

  /** Severity per environment for one rule; key "*" = every environment; value null = off. */
  private final Map<String, Map<String, Severity>> rules = new HashMap<>();
  private final Map<String, List<String>> registries = new HashMap<>();
  private final Map<String, List<String>> pullPolicies = new HashMap<>();
  private final Map<String, Budget> budgets = new HashMap<>();
  private final Map<String, List<String>> external = new HashMap<>();
  private final Map<String, BigDecimal> ratios = new HashMap<>();
  private final Map<String, JsonNode> syncPolicies = new HashMap<>();
  private List<String> repoUrls = List.of();
  private List<String> argoPaths = List.of();
  private int slowStartSeconds = 30;
  private List<String> defaultDeny = List.of("Ingress", "Egress");

  /** Total requests allowed in an environment (null = no limit for that resource). */
  public record Budget(BigDecimal cpu, BigDecimal memory, String cpuText, String memoryText, io.todo.validator.model.Location location) {}

  private PolicyConfig() {}

  /** The built-in defaults: the minikube budget of 2 CPUs and 2Gi of requests. */
  public static PolicyConfig defaults() {
    PolicyConfig c = new PolicyConfig();
    c.budgets.put("minikube", new Budget(BigDecimal.valueOf(2), BigDecimal.valueOf(2L << 30), "2", "2Gi", null));
    return c;
  }

  /** Reads {@code dir/policies.yaml}; defaults when absent. */
  public static PolicyConfig load(Path dir, String shownDir) {
    ConfigFile f = ConfigFile.read(dir.resolve(FILE), shownDir + "/" + FILE);
    PolicyConfig c = defaults();
    if (f == null) {
      return c;
    }
    f.mapping("", TOP);
    c.readRules(f);
    JsonNode envs = f.mapping("/environments", null);
    for (Iterator<String> it = envs.fieldNames(); it.hasNext(); ) {
      String env = it.next();
      String p = Pointers.join("/environments", env);
      f.mapping(p, ENV);
      List<String> regs = f.strings(p + "/registries");
      if (regs != null) {
        c.registries.put(env, List.copyOf(regs));
      }
      List<String> pulls = f.strings(p + "/pullPolicies");
      if (pulls != null) {
        for (int i = 0; i < pulls.size(); i++) {
          if (!PULL.contains(pulls.get(i))) {
            throw f.error(p + "/pullPolicies/" + i, "unknown pull policy \"" + pulls.get(i) + "\" (expected one of " + new java.util.TreeSet<>(PULL) + ")");
          }
        }
        c.pullPolicies.put(env, List.copyOf(pulls));
      }
    }
    JsonNode budgets = f.mapping("/budgets", null);
    for (Iterator<String> it = budgets.fieldNames(); it.hasNext(); ) {
      String env = it.next();
      String p = Pointers.join("/budgets", env);
      f.mapping(p, BUDGET);
      c.budgets.put(env, new Budget(quantity(f, p + "/cpu"), quantity(f, p + "/memory"), f.text(p + "/cpu"), f.text(p + "/memory"), f.at(p)));
    }
    f.mapping("/external", EXTERNAL);
    for (String kind : EXTERNAL) {
      List<String> names = f.strings("/external/" + kind);
      c.external.put(kind, names == null ? List.of() : List.copyOf(names));
    }
    f.mapping("/argocd", ARGO);
    List<String> urls = f.strings("/argocd/repoURLs");
    c.repoUrls = urls == null ? List.of() : List.copyOf(urls);
    List<String> paths = f.strings("/argocd/paths");
    c.argoPaths = paths == null ? List.of() : paths.stream().map(PolicyConfig::cleanPath).toList();
    JsonNode sync = f.mapping("/argocd/syncPolicy", null);
    for (Iterator<String> it = sync.fieldNames(); it.hasNext(); ) {
      String env = it.next();
      c.syncPolicies.put(env, f.mapping(Pointers.join("/argocd/syncPolicy", env), null));
    }
    f.mapping("/resources", RESOURCES);
    f.mapping("/resources/maxLimitRequestRatio", RATIO);
    for (String r : RATIO) {
      String p = "/resources/maxLimitRequestRatio/" + r;
      String t = f.text(p);
      if (t != null) {
        try {
          BigDecimal v = new BigDecimal(t);
          if (v.compareTo(BigDecimal.ONE) < 0) {
            throw f.error(p, "a limit/request ratio must be at least 1");
          }
          c.ratios.put(r, v);
        } catch (NumberFormatException e) {
          throw f.error(p, "a limit/request ratio must be a number");
        }
      }
    }
    f.mapping("/health", HEALTH);
    String slow = f.text("/health/slowStartSeconds");
    if (slow != null) {
      try {
        c.slowStartSeconds = Integer.parseInt(slow);
      } catch (NumberFormatException e) {
        throw f.error("/health/slowStartSeconds", "slowStartSeconds must be a whole number of seconds");
      }
    }
    f.mapping("/networkPolicy", NETPOL);
    List<String> deny = f.strings("/networkPolicy/defaultDeny");
    if (deny != null) {
      for (int i = 0; i < deny.size(); i++) {
        if (!deny.get(i).equals("Ingress") && !deny.get(i).equals("Egress")) {
          throw f.error("/networkPolicy/defaultDeny/" + i, "expected Ingress or Egress");
        }
      }
      c.defaultDeny = List.copyOf(deny);
    }
    return c;
  }

  private void readRules(ConfigFile f) {
    JsonNode rulesNode = f.mapping("/rules", null);
    for (Iterator<String> it = rulesNode.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      String p = Pointers.join("/rules", id);
      if (!Catalogue.builtin().contains(id)) {
        throw f.error(p, "unknown rule \"" + id + "\" (see: validator policies list)");
      }
      f.mapping(p, RULE);
      Map<String, Severity> per = new HashMap<>();
      String enabled = f.text(p + "/enabled");
      if (enabled != null && !enabled.equals("true") && !enabled.equals("false")) {
        throw f.error(p + "/enabled", "enabled must be true or false");
      }
      JsonNode sev = f.root().at(p + "/severity");
      if (sev.isValueNode()) {
        per.put("*", severity(f, p + "/severity"));
      } else if (sev.isObject()) {
        for (Iterator<String> e = sev.fieldNames(); e.hasNext(); ) {
          String env = e.next();
          per.put(env, severity(f, Pointers.join(p + "/severity", env)));
        }
      } else if (!sev.isMissingNode() && !sev.isNull()) {
        throw f.error(p + "/severity", "severity must be error, warning, info or off, or a mapping from environment to one of them");
      }
      if ("false".equals(enabled)) {
        per.clear();
        per.put("*", null);
      }
      rules.put(id, per);
    }
  }

  private static Severity severity(ConfigFile f, String pointer) {
    String t = f.text(pointer);
    if (t.equals("off")) {
      return null;
    }
    try {
      return Severity.parse(t);
    } catch (ValidatorException e) {
      throw f.error(pointer, "unknown severity \"" + t + "\" (expected error, warning, info or off)");
    }
  }

  private static BigDecimal quantity(ConfigFile f, String pointer) {
    String t = f.text(pointer);
    if (t == null) {
      return null;
    }
    BigDecimal v = Quantities.parse(t);
    if (v == null) {
      throw f.error(pointer, "\"" + t + "\" is not a Kubernetes quantity");
    }
    return v;
  }

  /** The severity of a rule in an environment, or null when it is off there. */
  public Severity severity(RuleInfo info, String environment) {
    Map<String, Severity> per = rules.get(info.id());
    if (per != null) {
      if (environment != null && per.containsKey(environment)) {
        return per.get(environment);
      }
      if (per.containsKey("*")) {
        return per.get("*");
      }
    }
    return info.defaultSeverity(environment);
  }

  /** Registry prefixes allowed in an environment; null = any. */
  public List<String> registries(String environment) {
    return registries.get(environment);
  }

  /** Pull policies allowed in an environment; default: Always or IfNotPresent. */
  public List<String> pullPolicies(String environment) {
    return pullPolicies.getOrDefault(environment, List.of("Always", "IfNotPresent"));
  }

  public Budget budget(String environment) {
    return environment == null ? null : budgets.get(environment);
  }

  /** Names ({@code name} or {@code namespace/name}) that exist outside the rendered output. */
  public boolean isExternal(String kind, String namespace, String name) {
    List<String> names = external.getOrDefault(kind, List.of());
    return names.contains(name) || names.contains((namespace == null ? "" : namespace) + "/" + name);
  }

  public BigDecimal maxRatio(String resource) {
    return ratios.get(resource);
  }

  public List<String> repoUrls() {
    return repoUrls;
  }

  /** Kustomization directories besides the overlays that Applications may deploy (policies/admission). */
  public List<String> argoPaths() {
    return argoPaths;
  }

  /** {@code ./a/b/} → {@code a/b}: how Application paths and configured paths are compared. */
  static String cleanPath(String p) {
    return p.replaceFirst("^\\./", "").replaceAll("/+$", "");
  }

  /** The sync policy an environment's Applications must contain, or null. */
  public JsonNode syncPolicy(String environment) {
    return environment == null ? null : syncPolicies.get(environment);
  }

  public int slowStartSeconds() {
    return slowStartSeconds;
  }

  public List<String> defaultDeny() {
    return defaultDeny;
  }

  static JsonNode emptyObject() {
    return JsonNodeFactory.instance.objectNode();
  }
}
