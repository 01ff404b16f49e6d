package io.todo.validator.contract;

import io.todo.validator.model.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One overlay against the contract. Messages name variables and keys, never values. */
final class ContractCheck {
  private final ServiceContract contract;
  private final String environment;
  private final List<Resource> resources;
  private final Map<String, Set<String>> configMapKeys = new HashMap<>();
  private final Map<String, Set<String>> sealedKeys = new HashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  ContractCheck(ServiceContract contract, String environment, List<Resource> resources) {
    this.contract = contract;
    this.environment = environment;
    this.resources = resources;
    for (Resource r : resources) {
      if (r.kind().equals("ConfigMap") && r.group().isEmpty()) {
        Set<String> keys = configMapKeys.computeIfAbsent(r.name(), k -> new HashSet<>());
        r.object().path("data").fieldNames().forEachRemaining(keys::add);
        r.object().path("binaryData").fieldNames().forEachRemaining(keys::add);
      } else if (r.kind().equals("SealedSecret") && r.group().equals("bitnami.com")) {
        // the controller names the Secret after the template's name, else the SealedSecret's
        String name = r.object().at("/spec/template/metadata/name").asText(r.name());
        Set<String> keys = sealedKeys.computeIfAbsent(name.isEmpty() ? r.name() : name, k -> new HashSet<>());
        r.object().path("spec").path("encryptedData").fieldNames().forEachRemaining(keys::add);
      }
    }
  }

  List<Finding> run() {
    for (ServiceContract.Service s : contract.services()) {
      if (!s.runsIn(environment)) {
        continue;
      }
      Optional<Resource> w = workload(s);
      if (w.isEmpty()) {
        if (environment != null) {
          findings.add(new Finding(Severity.ERROR, "CONTRACT-001", null, null,
              "no " + s.workload() + " " + s.name() + ", which the service contract runs in " + environment, s.location()));
        }
        continue;
      }
      new ServiceCheck(s, w.get()).run();
    }
    return findings;
  }

  /** By name, else by the app.kubernetes.io/name label (an overlay may prefix names). */
  private Optional<Resource> workload(ServiceContract.Service s) {
    List<Resource> ofKind = resources.stream()
        .filter(r -> r.group().equals("apps") && r.kind().equals(s.workload()))
        .toList();
    return ofKind.stream().filter(r -> r.name().equals(s.name())).findFirst()
        .or(() -> ofKind.stream()
            .filter(r -> r.object().at("/metadata/labels").path("app.kubernetes.io/name").asText().equals(s.name()))
            .findFirst());
  }

  private final class ServiceCheck {
    private final ServiceContract.Service service;
    private final Resource workload;
    private final JsonNode container;
    private final String ptr;

    ServiceCheck(ServiceContract.Service service, Resource workload) {
      this.service = service;
      this.workload = workload;
      JsonNode containers = workload.object().at("/spec/template/spec/containers");
      int index = 0;
      for (int i = 0; i < Nodes.elements(containers); i++) {
        if (containers.get(i).path("name").asText().equals(service.name())) {
          index = i;
        }
      }
      this.container = containers.path(index);
      this.ptr = "/spec/template/spec/containers/" + index;
    }

    void run() {
      if (container.isMissingNode()) {
        add("CONTRACT-001", "/spec/template/spec/containers", "has no container");
        return;
      }
      String field = "spec.template.spec.containers[" + container.path("name").asText() + "]";
      checkPort(field);
      checkProbes(field);
      for (ServiceContract.Variable v : service.config()) {
        checkConfig(v, field);
      }
      for (ServiceContract.Variable v : service.secrets()) {
        checkSecret(v, field);
      }
    }

    private void checkPort(String field) {
      for (JsonNode p : container.path("ports")) {
        if (p.path("containerPort").asInt() == service.port()) {
          return;
        }
      }
      add("CONTRACT-002", ptr + "/ports", field + ".ports: the service contract says " + service.name()
          + " listens on " + service.port() + ", but no containerPort is " + service.port());
    }

    private void checkProbes(String field) {
      for (Map.Entry<String, ServiceContract.Probe> e : service.probes().entrySet()) {
        String key = e.getKey() + "Probe";
        JsonNode probe = container.path(key);
        ServiceContract.Probe want = e.getValue();
        String where = field + "." + key;
        if (probe.isMissingNode()) {
          add("CONTRACT-003", ptr, where + ": missing; the service contract expects " + want.describe());
        } else if (want.path() != null) {
          JsonNode get = probe.path("httpGet");
          Integer port = resolvePort(get.path("port"));
          if (get.isMissingNode() || !get.path("path").asText().equals(want.path()) || port == null || port != service.port()) {
            add("CONTRACT-003", ptr + "/" + key, where + ": expected GET " + want.path() + " on port " + service.port()
                + ", found " + describe(probe));
          }
        } else {
          JsonNode cmd = probe.at("/exec/command/0");
          if (!cmd.asText().equals(want.command())) {
            add("CONTRACT-003", ptr + "/" + key, where + ": expected exec " + want.command() + ", found " + describe(probe));
          }
        }
      }
    }

    private String describe(JsonNode probe) {
      if (probe.has("httpGet")) {
        JsonNode g = probe.get("httpGet");
        Integer port = resolvePort(g.path("port"));
        return "GET " + g.path("path").asText("/") + " on port " + (port == null ? g.path("port").asText() : port);
      }
      if (probe.has("exec")) {
        return "exec " + probe.at("/exec/command/0").asText();
      }
      return probe.has("tcpSocket") ? "a TCP probe" : probe.has("grpc") ? "a gRPC probe" : "no handler";
    }

    /** A number, or a named port of the container. */
    private Integer resolvePort(JsonNode port) {
      if (port.isInt()) {
        return port.asInt();
      }
      for (JsonNode p : container.path("ports")) {
        if (p.path("name").asText().equals(port.asText()) && !port.asText().isEmpty()) {
          return p.path("containerPort").asInt();
        }
      }
      return null;
    }

    private void checkConfig(ServiceContract.Variable v, String field) {
      if (envEntry(v.name()).isPresent() || fromEnvFrom(v.name(), "configMapRef") || fromEnvFrom(v.name(), "secretRef")) {
        return;
      }
      add("CONTRACT-004", ptr, field + ": " + v.name() + " is not set (neither env nor an envFrom ConfigMap in this overlay has it)");
    }

    private void checkSecret(ServiceContract.Variable v, String field) {
      Optional<Integer> entry = envEntry(v.name());
      if (entry.isPresent()) {
        String ep = ptr + "/env/" + entry.get();
        JsonNode e = container.path("env").get(entry.get());
        JsonNode ref = e.at("/valueFrom/secretKeyRef");
        if (ref.isMissingNode()) {
          add("CONTRACT-006", ep, field + ".env[" + v.name() + "]: a secret must come from a Secret (secretKeyRef),"
              + " not from " + (e.has("value") ? "a literal value" : "a ConfigMap or field"));
          return;
        }
        checkProvided(v.name(), ref.path("name").asText(), ref.path("key").asText(), ep + "/valueFrom/secretKeyRef", field);
        return;
      }
      JsonNode envFrom = container.path("envFrom");
      for (int i = 0; i < Nodes.elements(envFrom); i++) {
        JsonNode from = envFrom.get(i);
        String prefix = from.path("prefix").asText("");
        if (from.has("secretRef") && v.name().startsWith(prefix)) {
          String name = from.at("/secretRef/name").asText();
          String key = v.name().substring(prefix.length());
          if (contract.externalSecrets().contains(name) || sealedKeys.getOrDefault(name, Set.of()).contains(key)) {
            return;
          }
        }
        if (from.has("configMapRef") && configMapKeys.getOrDefault(from.at("/configMapRef/name").asText(), Set.of())
            .contains(v.name().substring(Math.min(prefix.length(), v.name().length())))
            && v.name().startsWith(prefix)) {
          add("CONTRACT-006", ptr + "/envFrom/" + i, field + ": secret " + v.name() + " comes from ConfigMap "
              + from.at("/configMapRef/name").asText() + "; it must come from a Secret");
          return;
        }
      }
      add("CONTRACT-005", ptr, field + ": secret " + v.name() + " is not set (no secretKeyRef or envFrom secretRef provides it)");
    }

    private void checkProvided(String var, String secret, String key, String pointer, String field) {
      if (contract.externalSecrets().contains(secret)) {
        return;
      }
      if (!sealedKeys.containsKey(secret)) {
        add("CONTRACT-005", pointer, field + ".env[" + var + "]: Secret " + secret
            + " is neither a SealedSecret in this overlay nor a declared external secret");
      } else if (!sealedKeys.get(secret).contains(key)) {
        add("CONTRACT-005", pointer, field + ".env[" + var + "]: SealedSecret " + secret + " has no key " + key);
      }
    }

    private Optional<Integer> envEntry(String name) {
      JsonNode env = container.path("env");
      for (int i = 0; i < Nodes.elements(env); i++) {
        if (env.get(i).path("name").asText().equals(name)) {
          return Optional.of(i);
        }
      }
      return Optional.empty();
    }

    private boolean fromEnvFrom(String name, String refKind) {
      for (JsonNode from : container.path("envFrom")) {
        String prefix = from.path("prefix").asText("");
        if (!from.has(refKind) || !name.startsWith(prefix)) {
          continue;
        }
        String source = from.at("/" + refKind + "/name").asText();
        String key = name.substring(prefix.length());
        Map<String, Set<String>> keys = refKind.equals("configMapRef") ? configMapKeys : sealedKeys;
        if (keys.getOrDefault(source, Set.of()).contains(key)
            || refKind.equals("secretRef") && contract.externalSecrets().contains(source)) {
          return true;
        }
      }
      return false;
    }

    private void add(String rule, String pointer, String message) {
      findings.add(new Finding(Severity.ERROR, rule, workload.ref(), null,
          message, ContractStage.at(workload, pointer)));
    }
  }
}
