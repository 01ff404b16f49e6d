package io.todo.validator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `validator validate` picks up policies/admission through validator.yaml. */
class AdmissionCliTest {
  private static final String POLICY = """
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata: {name: replicas}
      spec:
        matchConstraints:
          resourceRules:
          - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}
        validations:
        - {expression: "object.spec.replicas >= 2", message: "at least 2 replicas"}
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicyBinding
      metadata: {name: replicas}
      spec: {policyName: replicas, validationActions: [Deny]}
      """;
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        replicas: 1
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: web}]}
      """;

  private static Path repo(Path dir, String policiesKey, String policy) throws Exception {
    Files.writeString(dir.resolve("validator.yaml"), "policies: " + policiesKey + "\n");
    Path adm = Files.createDirectories(dir.resolve(policiesKey).resolve("admission"));
    Files.writeString(adm.resolve("policy.yaml"), policy);
    Files.writeString(adm.resolve("kustomization.yaml"), "resources: [policy.yaml]\n");
    Files.createDirectories(dir.resolve("manifests"));
    Files.writeString(dir.resolve("manifests/web.yaml"), DEPLOYMENT);
    return dir;
  }

  @Test
  void deniesThroughTheRepositoryPolicies(@TempDir Path dir) throws Exception {
    repo(dir, "org-policies", POLICY);
    CliRunner.Result r = CliRunner.runIn(dir, "validate", "manifests/web.yaml");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("manifests/web.yaml:1:1: error: [ADM-replicas] Deployment/shop/web: "
        + "ValidatingAdmissionPolicy 'replicas' with binding 'replicas' denied request: at least 2 replicas");
  }

  @Test
  void standardInputUsesTheWorkingDirectorysRepository(@TempDir Path dir) throws Exception {
    repo(dir, "policies", POLICY);
    CliRunner.Result r = CliRunner.runIn(dir, new java.io.ByteArrayInputStream(DEPLOYMENT.getBytes()), "validate", "-");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("[ADM-replicas]");
  }

  @Test
  void noAdmissionDirectoryMeansNoFindings(@TempDir Path dir) throws Exception {
    repo(dir, "policies", POLICY);
    Files.delete(dir.resolve("policies/admission/policy.yaml"));
    CliRunner.Result r = CliRunner.runIn(dir, "validate", "manifests/web.yaml");
    // the organisation's policy rules still run; no admission finding may appear
    assertThat(r.exitCode()).as(r.err()).isLessThan(2);
    assertThat(r.out()).doesNotContain("[ADM-");
  }

  @Test
  void aBrokenPolicyIsAnInputErrorAtItsLine(@TempDir Path dir) throws Exception {
    repo(dir, "policies", POLICY.replace("object.spec.replicas >= 2", "object.spec.replicas.frobnicate()"));
    CliRunner.Result r = CliRunner.runIn(dir, "validate", "manifests/web.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("policies/admission/policy.yaml:9:6: error: spec.validations[0].expression: "
        + "compilation failed: undeclared reference to 'frobnicate'");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("names no ValidatingAdmissionPolicy");
  }

  /** Compiled policies are shared by content within a process: an edited policy is compiled afresh. */
  @Test
  void anEditedPolicyIsRecompiled(@TempDir Path dir) throws Exception {
    repo(dir, "policies", POLICY);
    assertThat(CliRunner.runIn(dir, "validate", "manifests/web.yaml").out()).contains("[ADM-replicas]");
    Files.writeString(dir.resolve("policies/admission/policy.yaml"), POLICY.replace(">= 2", ">= 1"));
    assertThat(CliRunner.runIn(dir, "validate", "manifests/web.yaml").out()).doesNotContain("ADM-replicas");
  }
}
