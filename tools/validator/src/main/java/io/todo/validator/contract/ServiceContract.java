package io.todo.validator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * policies/service-contract.yaml: what each image expects from its environment (port, probes,
 * configuration variables, secret keys). Read strictly: an unknown key is an error, so a typo cannot
 * silently switch a check off.
 */
public record ServiceContract(List<Service> services, Set<String> externalSecrets, String shown) {
  public static final String FILE_NAME = "service-contract.yaml";
  static final List<String> PROBES = List.of("startup", "liveness", "readiness");

  /** One service; {@code location} is where it is declared. */
  public record Service(
      String name,
      String description,
      String workload,
      List<String> environments,
      int port,
      Map<String, Probe> probes,
      List<Variable> config,
      List<Variable> secrets,
      Location location) {

    boolean runsIn(String environment) {
      return environment == null || environments.contains(environment);
    }
  }

  /** An HTTP probe ({@code path} on the service port) or an exec probe ({@code command}, the first word). */
  public record Probe(String path, String command) {
    String describe() {
      return path != null ? "GET " + path : "exec " + command;
    }
  }

  /** A variable; {@code example} is a harmless example, never a real value; null for secrets. */
  public record Variable(String name, String description, String example, boolean buildTime) {}

  public static ServiceContract read(Path file, String shown) {
    List<YamlDocument> docs = new YamlLoader().load(file, shown);
    if (docs.size() != 1 || !docs.get(0).content().isObject()) {
      Location at = docs.isEmpty() || docs.get(0).start() == null ? Location.of(shown) : docs.get(docs.size() > 1 ? 1 : 0).start();
      throw ValidatorException.input(at, "the service contract must be one YAML mapping");
    }
    return new Parser(docs.get(0), shown).contract();
  }

  public Service service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  private static final class Parser {
    private final YamlDocument doc;
    private final SourceMap where;
    private final String shown;

    Parser(YamlDocument doc, String shown) {
      this.doc = doc;
      this.where = doc.locations();
      this.shown = shown;
    }

    ServiceContract contract() {
      JsonNode root = doc.content();
      keys(root, "", Set.of("services", "externalSecrets"));
      JsonNode services = mapping(root.path("services"), "/services");
      List<Service> list = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = services.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        list.add(service(e.getKey(), e.getValue(), "/services/" + SourceMap.escape(e.getKey())));
      }
      if (list.isEmpty()) {
        throw error("/services", "services must name at least one service");
      }
      Set<String> external = new LinkedHashSet<>();
      JsonNode ext = root.path("externalSecrets");
      if (!ext.isMissingNode()) {
        sequence(ext, "/externalSecrets");
        for (int i = 0; i < ext.size(); i++) {
          external.add(text(ext.get(i), "/externalSecrets/" + i));
        }
      }
      return new ServiceContract(List.copyOf(list), Set.copyOf(external), shown);
    }

    private Service service(String name, JsonNode s, String ptr) {
      mapping(s, ptr);
      keys(s, ptr, Set.of("description", "workload", "environments", "port", "probes", "config", "secrets"));
      String workload = text(s.path("workload"), ptr + "/workload");
      if (!workload.equals("Deployment") && !workload.equals("StatefulSet")) {
        throw error(ptr + "/workload", "workload must be Deployment or StatefulSet");
      }
      List<String> envs = new ArrayList<>();
      JsonNode e = sequence(s.path("environments"), ptr + "/environments");
      for (int i = 0; i < e.size(); i++) {
        envs.add(text(e.get(i), ptr + "/environments/" + i));
      }
      JsonNode port = s.path("port");
      if (!port.canConvertToInt() || !port.isIntegralNumber() || port.asInt() < 1 || port.asInt() > 65535) {
        throw error(ptr + "/port", "port must be a number from 1 to 65535");
      }
      Map<String, Probe> probes = new LinkedHashMap<>();
      JsonNode p = s.path("probes");
      if (!p.isMissingNode()) {
        mapping(p, ptr + "/probes");
        keys(p, ptr + "/probes", Set.copyOf(PROBES));
        for (String kind : PROBES) {
          if (p.has(kind)) {
            probes.put(kind, probe(p.get(kind), ptr + "/probes/" + kind));
          }
        }
      }
      return new Service(name, optionalText(s, "description", ptr), workload, List.copyOf(envs), port.asInt(),
          probes, variables(s.path("config"), ptr + "/config", true), variables(s.path("secrets"), ptr + "/secrets", false),
          loc(ptr));
    }

    private Location loc(String ptr) {
      Location l = where.locate(ptr);
      return l != null ? l : Location.of(shown);
    }

    private Probe probe(JsonNode p, String ptr) {
      mapping(p, ptr);
      keys(p, ptr, Set.of("path", "command"));
      if (p.has("path") == p.has("command")) {
        throw error(ptr, "a probe has either path (HTTP) or command (exec)");
      }
      return p.has("path") ? new Probe(text(p.get("path"), ptr + "/path"), null) : new Probe(null, text(p.get("command"), ptr + "/command"));
    }

    private List<Variable> variables(JsonNode list, String ptr, boolean config) {
      if (list.isMissingNode()) {
        return List.of();
      }
      sequence(list, ptr);
      List<Variable> out = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < list.size(); i++) {
        String vp = ptr + "/" + i;
        JsonNode v = mapping(list.get(i), vp);
        keys(v, vp, config ? Set.of("name", "description", "example", "buildTime") : Set.of("name", "description"));
        String name = text(v.path("name"), vp + "/name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw error(vp + "/name", "not an environment variable name: " + name);
        }
        if (!seen.add(name)) {
          throw error(vp + "/name", name + " is listed twice");
        }
        JsonNode bt = v.path("buildTime");
        if (!bt.isMissingNode() && !bt.isBoolean()) {
          throw error(vp + "/buildTime", "buildTime must be true or false");
        }
        out.add(new Variable(name, optionalText(v, "description", vp), config ? optionalText(v, "example", vp) : null, bt.asBoolean(false)));
      }
      return List.copyOf(out);
    }

    private JsonNode mapping(JsonNode n, String ptr) {
      if (!n.isObject()) {
        throw error(ptr, (ptr.isEmpty() ? "the contract" : field(ptr)) + " must be a mapping");
      }
      return n;
    }

    private JsonNode sequence(JsonNode n, String ptr) {
      if (!n.isArray()) {
        throw error(ptr, field(ptr) + " must be a list");
      }
      return n;
    }

    private String text(JsonNode n, String ptr) {
      if (!n.isTextual() || n.asText().isBlank()) {
        throw error(ptr, field(ptr) + " must be a non-empty string");
      }
      return n.asText();
    }

    private String optionalText(JsonNode parent, String key, String ptr) {
      return parent.has(key) ? text(parent.get(key), ptr + "/" + key) : "";
    }

    private void keys(JsonNode n, String ptr, Set<String> allowed) {
      n.fieldNames().forEachRemaining(k -> {
        if (!allowed.contains(k)) {
          throw error(ptr + "/" + SourceMap.escape(k), "unknown key " + k + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
      });
    }

    private ValidatorException error(String ptr, String message) {
      return ValidatorException.input(loc(ptr), message);
    }

    private static String field(String ptr) {
      return ptr.substring(1).replace('/', '.');
    }
  }
}
