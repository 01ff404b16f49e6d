package io.todo.validator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `validator validate` applies the policies of the repository found through validator.yaml; `validator policies`. */
class PolicyCliTest {
  private static final String HARDENED = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: todo}
      spec:
        replicas: 1
        selector: {matchLabels: {app: api}}
        strategy: {rollingUpdate: {maxUnavailable: 0}}
        template:
          metadata: {labels: {app: api}}
          spec:
            automountServiceAccountToken: false
            securityContext: {runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, seccompProfile: {type: RuntimeDefault}}
            containers:
              - name: api
                image: ghcr.io/todo/api:1.0.0
                imagePullPolicy: IfNotPresent
                env:
                  - {name: DATABASE_URL, value: "postgresql://todo:N0tAR3alPassw0rd@db:5432/todo"}
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: [ALL]}
                resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}
                livenessProbe: {httpGet: {path: /livez, port: 8000}}
                readinessProbe: {httpGet: {path: /readyz, port: 8000}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny, namespace: todo}
      spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
      """;

  private static Path repo(Path dir, String waivers) throws Exception {
    Files.writeString(dir.resolve("validator.yaml"), "overlays:\n  - {path: manifests, environment: dev}\n");
    Files.createDirectories(dir.resolve("policies"));
    Files.writeString(dir.resolve("policies/policies.yaml"), "rules:\n  HLT-001: {severity: off}\n");
    Files.writeString(dir.resolve("policies/waivers.yaml"), waivers);
    Files.createDirectories(dir.resolve("manifests"));
    Files.writeString(dir.resolve("manifests/api.yaml"), HARDENED);
    return dir;
  }

  @Test
  void reportsAtTheSourceLineWithoutTheSecretValue(@TempDir Path dir) throws Exception {
    repo(dir, "waivers: []\n");
    CliRunner.Result r = CliRunner.runIn(dir, "validate", "manifests");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("manifests/api.yaml:18:36: error: [SCR-003] Deployment/todo/api: "
        + "spec.template.spec.containers[0].env[0].value: container \"api\" env DATABASE_URL holds a connection string with a password");
    assertThat(r.out() + r.err()).doesNotContain("N0tAR3alPassw0rd");
  }

  @Test
  void aBrokenValidatorYamlOfAnotherRepositoryIsALocatedError(@TempDir Path dir, @TempDir Path elsewhere) throws Exception {
    repo(dir, "waivers: []\n");
    Files.writeString(dir.resolve("validator.yaml"), "overlays: 5\n");
    CliRunner.Result r = CliRunner.runIn(elsewhere, "validate", dir.resolve("manifests").toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(io.todo.validator.model.ExitCodes.USAGE);
    assertThat(r.err()).contains("validator.yaml:1:1: error: overlays must be a list").doesNotContain("Exception");
  }

  @Test
  void aWaiverHidesTheFinding(@TempDir Path dir) throws Exception {
    repo(dir, """
        waivers:
          - {rule: SCR-003, target: Deployment/todo/api, reason: test fixture, owner: qa, expires: 2999-01-01}
        """);
    CliRunner.Result r = CliRunner.runIn(dir, "validate", "manifests");
    assertThat(r.out()).doesNotContain("SCR-003").doesNotContain("[WAIVER]");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
  }

  @Test
  void aWaiverWithoutExpiryIsAnInputError(@TempDir Path dir) throws Exception {
    repo(dir, """
        waivers:
          - {rule: SCR-003, target: Deployment/todo/api, reason: test fixture, owner: qa}
        """);
    CliRunner.Result r = CliRunner.runIn(dir, "validate", "manifests");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("policies/waivers.yaml:2:5: error: a waiver needs an expiry date").doesNotContain("Exception");
  }

  @Test
  void listShowsTheRepositorysSeverities(@TempDir Path dir) throws Exception {
    repo(dir, "waivers: []\n");
    CliRunner.Result r = CliRunner.runIn(dir, "policies", "list");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).contains("ID        DEV      TITLE").contains("HLT-001   off      Long-running containers must have a liveness probe");
    for (Rule rule : Catalogue.builtin().rules()) {
      assertThat(r.out()).contains(rule.info().id());
    }
  }

  @Test
  void explainPrintsRationaleFixAndPeers(@TempDir Path dir) {
    CliRunner.Result r = CliRunner.runIn(dir, "policies", "explain", "sec-002");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).startsWith("SEC-002: Containers must set allowPrivilegeEscalation: false")
        .contains("Why:", "Fix:", "policy.todo.io/waive-SEC-002", "checkov      CKV_K8S_20");
  }

  @Test
  void explainRejectsAnUnknownRule(@TempDir Path dir) {
    CliRunner.Result r = CliRunner.runIn(dir, "policies", "explain", "XYZ-1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("error: unknown rule \"XYZ-1\"");
  }
}
