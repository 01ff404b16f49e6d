package io.todo.validator.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Resource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The pod-to-pod flows the NetworkPolicies allow inside each namespace (allowed by the sender's
 * egress and the receiver's ingress) are exactly the flows of docs/architecture.md.
 */
class NetworkPolicyTest {
  private static final String NAME = "app.kubernetes.io/name";
  private static final Set<String> APP_FLOWS = Set.of("frontend->backend:8000", "backend->mcp-server:8001");
  private static final Set<String> DB_FLOWS = Set.of(
      "frontend->postgres:5432", "backend->postgres:5432", "mcp-server->postgres:5432");

  @TestFactory
  Stream<DynamicTest> flows() {
    return RepoFixture.overlayNames().stream().map(env -> dynamicTest(env, () -> {
      List<Resource> all = RepoFixture.resources("overlays/" + env);
      Set<String> apps = new TreeSet<>();
      Workloads.of(all).forEach(w -> apps.add(w.object().at("/spec/template/metadata/labels").path(NAME).asText()));
      Set<String> expected = new TreeSet<>(APP_FLOWS);
      if (apps.contains("postgres")) {
        expected.addAll(DB_FLOWS);
      }
      assertThat(allowed(all, apps, "ingress")).containsAll(expected);
      Set<String> both = allowed(all, apps, "ingress");
      both.retainAll(allowed(all, apps, "egress"));
      assertThat(both).containsExactlyInAnyOrderElementsOf(expected);
    }));
  }

  /** "from->to:port" for every pod-selector rule of the given direction. */
  private static Set<String> allowed(List<Resource> all, Set<String> apps, String direction) {
    Set<String> flows = new HashSet<>();
    for (Resource np : Workloads.ofKind(all, "NetworkPolicy")) {
      Set<String> selected = select(np.object().at("/spec/podSelector"), apps);
      for (JsonNode rule : np.object().at("/spec/" + direction)) {
        for (JsonNode peer : rule.path(direction.equals("ingress") ? "from" : "to")) {
          if (!peer.has("podSelector") || peer.has("namespaceSelector")) {
            continue; // other namespaces and ipBlocks are not pod-to-pod flows in this namespace
          }
          for (String other : select(peer.get("podSelector"), apps)) {
            for (JsonNode port : rule.path("ports")) {
              for (String self : selected) {
                flows.add(direction.equals("ingress")
                    ? other + "->" + self + ":" + port.path("port").asText()
                    : self + "->" + other + ":" + port.path("port").asText());
              }
            }
          }
        }
      }
    }
    return flows;
  }

  private static Set<String> select(JsonNode selector, Set<String> apps) {
    if (selector.isEmpty()) {
      return apps;
    }
    Set<String> out = new TreeSet<>(apps);
    JsonNode byName = selector.path("matchLabels").path(NAME);
    if (!byName.isMissingNode()) {
      out.retainAll(Set.of(byName.asText()));
    }
    for (JsonNode e : selector.path("matchExpressions")) {
      assertThat(e.path("key").asText() + " " + e.path("operator").asText()).isEqualTo(NAME + " In");
      Set<String> values = new HashSet<>();
      e.path("values").forEach(v -> values.add(v.asText()));
      out.retainAll(values);
    }
    return out;
  }
}
