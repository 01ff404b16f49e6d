package io.todo.validator.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every overlay must be, checked on the real {@code kustomize build} output: the deployment
 * requirements of docs/architecture.md, plus the stricter prod rules.
 */
class OverlayInvariantsTest {
  private static final Pattern TAG = Pattern.compile("^[^@]+:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}(@sha256:[0-9a-f]{64})?$");
  private static final Pattern TAG_AND_DIGEST = Pattern.compile("^[^@]+:[A-Za-z0-9_][A-Za-z0-9._-]*@sha256:[0-9a-f]{64}$");

  @Test
  void everyEnvironmentHasAnOverlay() {
    assertThat(RepoFixture.overlayNames()).containsExactlyElementsOf(RepoFixture.ENVIRONMENTS);
  }

  @TestFactory
  List<DynamicNode> overlays() {
    List<DynamicNode> nodes = new ArrayList<>();
    for (String env : RepoFixture.overlayNames()) {
      List<DynamicNode> tests = new ArrayList<>();
      add(tests, env, "no plain Secret", OverlayInvariantsTest::noSecrets);
      add(tests, env, "one namespace", OverlayInvariantsTest::oneNamespace);
      add(tests, env, "hardened workloads", OverlayInvariantsTest::hardenedWorkloads);
      add(tests, env, "references resolve", OverlayInvariantsTest::referencesResolve);
      add(tests, env, "default deny", OverlayInvariantsTest::defaultDeny);
      add(tests, env, "autoscaled", OverlayInvariantsTest::autoscaled);
      if (env.equals("prod")) {
        add(tests, env, "prod availability", OverlayInvariantsTest::prodAvailability);
        add(tests, env, "prod images by digest", OverlayInvariantsTest::prodDigests);
        add(tests, env, "prod TLS", OverlayInvariantsTest::prodTls);
      }
      nodes.add(DynamicContainer.dynamicContainer(env, tests));
    }
    return nodes;
  }

  private static void add(List<DynamicNode> tests, String env, String name, BiConsumer<String, List<Resource>> check) {
    tests.add(dynamicTest(name, () -> check.accept(env, RepoFixture.resources("overlays/" + env))));
  }

  static void noSecrets(String env, List<Resource> all) {
    assertThat(all).extracting(Resource::kind).doesNotContain("Secret").contains("SealedSecret");
  }

  static void oneNamespace(String env, List<Resource> all) {
    String ns = "todo-" + env;
    for (Resource r : all) {
      if (r.kind().equals("Namespace")) {
        assertThat(r.name()).isEqualTo(ns);
        assertThat(r.object().path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText())
            .isEqualTo("restricted");
      } else {
        assertThat(r.namespace()).as(r.ref()).isEqualTo(ns);
      }
    }
  }

  static void hardenedWorkloads(String env, List<Resource> all) {
    assertThat(Workloads.of(all)).isNotEmpty();
    for (Resource w : Workloads.of(all)) {
      JsonNode pod = Workloads.podSpec(w);
      String ref = w.ref();
      assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(ref).isTrue();
      assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).as(ref).isEqualTo("RuntimeDefault");
      assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(ref).isFalse();
      assertThat(pod.path("terminationGracePeriodSeconds").isInt()).as(ref).isTrue();
      if (w.kind().equals("Deployment")) {
        assertThat(w.object().at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1)).as(ref).isZero();
      }
      for (JsonNode c : Workloads.containers(w)) {
        String cref = ref + " container " + c.path("name").asText();
        String image = c.path("image").asText();
        assertThat(image).as(cref).matches(TAG).doesNotContain(":latest");
        assertThat(image.startsWith("ghcr.io/evolution-of-todo/") || image.startsWith("docker.io/library/postgres:"))
            .as(cref + " registry").isTrue();
        JsonNode res = c.path("resources");
        assertThat(res.at("/requests/cpu").isTextual()).as(cref + " cpu request").isTrue();
        assertThat(res.at("/requests/memory").isTextual()).as(cref + " memory request").isTrue();
        assertThat(res.at("/limits/memory").isTextual()).as(cref + " memory limit").isTrue();
        assertThat(res.at("/limits/cpu").isTextual()).as(cref + " cpu limit").isTrue();
        JsonNode sc = c.path("securityContext");
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(cref).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(cref).isFalse();
        assertThat(sc.at("/capabilities/drop").toString()).as(cref).isEqualTo("[\"ALL\"]");
        assertThat(c.has("livenessProbe") && c.has("readinessProbe")).as(cref + " probes").isTrue();
      }
    }
  }

  static void referencesResolve(String env, List<Resource> all) {
    Set<String> configMaps = names(all, "ConfigMap");
    Set<String> accounts = names(all, "ServiceAccount");
    Set<String> sealedKeys = new HashSet<>();
    for (Resource s : Workloads.ofKind(all, "SealedSecret")) {
      s.object().path("spec").path("encryptedData").fieldNames().forEachRemaining(k -> sealedKeys.add(s.name() + "/" + k));
    }
    for (Resource w : Workloads.of(all)) {
      JsonNode pod = Workloads.podSpec(w);
      assertThat(accounts).as(w.ref()).contains(pod.path("serviceAccountName").asText());
      for (JsonNode c : Workloads.containers(w)) {
        for (JsonNode from : c.path("envFrom")) {
          assertThat(configMaps).as(w.ref()).contains(from.at("/configMapRef/name").asText());
        }
        for (JsonNode e : c.path("env")) {
          JsonNode ref = e.at("/valueFrom/secretKeyRef");
          if (!ref.isMissingNode()) {
            assertThat(sealedKeys).as(w.ref() + " " + e.path("name").asText())
                .contains(ref.path("name").asText() + "/" + ref.path("key").asText());
          }
        }
      }
    }
    for (Resource svc : Workloads.ofKind(all, "Service")) {
      assertThat(Workloads.of(all)).as(svc.ref() + " selects a workload")
          .anyMatch(w -> Workloads.selects(svc.object().at("/spec/selector"), w.object().at("/spec/template/metadata/labels")));
    }
    for (Resource pdb : Workloads.ofKind(all, "PodDisruptionBudget")) {
      assertThat(Workloads.of(all)).as(pdb.ref() + " selects a workload")
          .anyMatch(w -> Workloads.selects(pdb.object().at("/spec/selector/matchLabels"), w.object().at("/spec/template/metadata/labels")));
    }
    for (Resource ing : Workloads.ofKind(all, "Ingress")) {
      for (JsonNode rule : ing.object().at("/spec/rules")) {
        for (JsonNode p : rule.at("/http/paths")) {
          JsonNode svc = p.at("/backend/service");
          Resource target = Workloads.find(all, "Service", svc.path("name").asText()).orElseThrow(
              () -> new AssertionError(ing.ref() + ": no Service " + svc.path("name").asText()));
          assertThat(target.object().at("/spec/ports").findValuesAsText("name")).contains(svc.at("/port/name").asText());
        }
      }
    }
  }

  static void defaultDeny(String env, List<Resource> all) {
    assertThat(Workloads.ofKind(all, "NetworkPolicy")).anyMatch(np -> np.object().at("/spec/podSelector").isEmpty()
        && np.object().at("/spec/policyTypes").toString().equals("[\"Ingress\",\"Egress\"]")
        && !np.object().at("/spec").has("ingress") && !np.object().at("/spec").has("egress"));
  }

  static void autoscaled(String env, List<Resource> all) {
    for (Resource d : Workloads.ofKind(all, "Deployment")) {
      Resource hpa = Workloads.hpaFor(all, d).orElseThrow(() -> new AssertionError(d.ref() + " has no HPA"));
      assertThat(hpa.object().at("/spec/maxReplicas").asInt()).as(hpa.ref()).isGreaterThan(hpa.object().at("/spec/minReplicas").asInt());
      assertThat(hpa.object().at("/spec/behavior/scaleDown/stabilizationWindowSeconds").asInt()).as(hpa.ref()).isPositive();
    }
  }

  static void prodAvailability(String env, List<Resource> all) {
    assertThat(Workloads.ofKind(all, "StatefulSet")).as("prod uses the managed database").isEmpty();
    for (Resource d : Workloads.ofKind(all, "Deployment")) {
      assertThat(d.object().at("/spec/replicas").asInt()).as(d.ref()).isGreaterThanOrEqualTo(2);
      assertThat(Workloads.hpaFor(all, d).orElseThrow().object().at("/spec/minReplicas").asInt()).as(d.ref()).isGreaterThanOrEqualTo(2);
      assertThat(Workloads.ofKind(all, "PodDisruptionBudget")).as(d.ref() + " PDB")
          .anyMatch(p -> Workloads.selects(p.object().at("/spec/selector/matchLabels"), d.object().at("/spec/template/metadata/labels")));
      JsonNode spread = Workloads.podSpec(d).path("topologySpreadConstraints");
      assertThat(spread.findValuesAsText("topologyKey")).as(d.ref()).contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
    }
  }

  static void prodDigests(String env, List<Resource> all) {
    for (Resource w : Workloads.of(all)) {
      for (JsonNode c : Workloads.containers(w)) {
        assertThat(c.path("image").asText()).as(w.ref()).matches(TAG_AND_DIGEST);
      }
    }
  }

  static void prodTls(String env, List<Resource> all) {
    assertThat(Workloads.ofKind(all, "Ingress")).isNotEmpty().allSatisfy(ing -> {
      assertThat(tlsHosts(ing)).as(ing.ref()).isNotEmpty().containsAll(ing.object().at("/spec/rules").findValuesAsText("host"));
    });
  }

  private static List<String> tlsHosts(Resource ing) {
    List<String> hosts = new ArrayList<>();
    for (JsonNode t : ing.object().at("/spec/tls")) {
      t.path("hosts").forEach(h -> hosts.add(h.asText()));
    }
    return hosts;
  }

  private static Set<String> names(List<Resource> all, String kind) {
    Set<String> s = new HashSet<>();
    Workloads.ofKind(all, kind).forEach(r -> s.add(r.name()));
    return s;
  }
}
