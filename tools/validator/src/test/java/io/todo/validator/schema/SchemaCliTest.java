package io.todo.validator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import io.todo.validator.model.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema options of {@code validate}, run in-process on files in a temporary directory. */
class SchemaCliTest {
  @TempDir Path dir;

  private static final String WIDGET_CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      spec:
        group: example.com
        scope: Namespaced
        names: {kind: Widget, plural: widgets}
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      size: {type: string, enum: [small, large]}
      """;

  private static final String WIDGET = """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: w
        namespace: todo
      spec:
        size: huge
      """;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private CliRunner.Result validate(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRunner.runIn(dir, all);
  }

  @Test
  void customResourceWithoutSchemaIsAnErrorUnlessIgnored() throws Exception {
    write("w.yaml", WIDGET);
    CliRunner.Result r = validate("w.yaml");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).contains("w.yaml:2:1: error: [SCHEMA] Widget/todo/w: kind: no schema for example.com/v1 Widget");
    assertThat(validate("--ignore-missing-schemas", "w.yaml").exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void crdFromFileOrDirectoryValidatesCustomResources() throws Exception {
    write("w.yaml", WIDGET);
    write("crds/widget.yaml", WIDGET_CRD);
    for (String crd : new String[] {"crds/widget.yaml", "crds"}) {
      CliRunner.Result r = validate("--crd", crd, "w.yaml");
      assertThat(r.exitCode()).as(crd).isEqualTo(ExitCodes.FINDINGS);
      assertThat(r.out()).contains("w.yaml:7:3: error: [SCHEMA] Widget/todo/w: spec.size: \"huge\" is not one of \"small\", \"large\"");
    }
  }

  @Test
  void badCrdFileIsAnInputError() throws Exception {
    write("w.yaml", WIDGET);
    write("crds/bad.yaml", "kind: [unclosed\n");
    CliRunner.Result r = validate("--crd", "crds/bad.yaml", "w.yaml");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("crds/bad.yaml:").contains("error:").doesNotContain("Exception");
  }

  @Test
  void skipAndRejectByKindOrApiVersionKind() throws Exception {
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: 1\n");
    assertThat(validate("cm.yaml").exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(validate("--skip", "Pod,ConfigMap", "cm.yaml").exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(validate("--skip", "v1/ConfigMap", "cm.yaml").exitCode()).isEqualTo(ExitCodes.OK);
    write("ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    CliRunner.Result r = validate("--reject", "ConfigMap", "ok.yaml");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).contains("ok.yaml:2:1: error: [SCHEMA] ConfigMap/c: kind: v1 ConfigMap is rejected (--reject)");
  }

  @Test
  void noStrictAllowsUnknownFields() throws Exception {
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nextra: 1\n");
    assertThat(validate("cm.yaml").out()).contains("extra: unknown field \"extra\"");
    assertThat(validate("--no-strict", "cm.yaml").exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void schemaLocationDirectoryInKubeconformLayoutAndTemplates() throws Exception {
    write("w.yaml", WIDGET);
    CliRunner.Result export = CliRunner.runIn(dir, "schema-export", "--kubernetes-version", "1.33", "--out", "schemas",
        "--crd", write("crds/widget.yaml", WIDGET_CRD).toString());
    assertThat(export.exitCode()).as(export.err()).isEqualTo(ExitCodes.OK);
    assertThat(dir.resolve("schemas/v1.33.0-standalone-strict/widget-example-v1.json")).exists();
    assertThat(dir.resolve("schemas/v1.33.0-standalone/deployment-apps-v1.json")).exists();
    CliRunner.Result r = validate("--kubernetes-version", "1.33", "--schema-location", "schemas", "w.yaml");
    assertThat(r.out()).contains("spec.size: \"huge\" is not one of \"small\", \"large\"");
    String template = "schemas/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";
    assertThat(validate("--kubernetes-version", "1.33", "--schema-location", template, "w.yaml").out())
        .contains("is not one of");
    // a location that has nothing for the kind: missing, unless the built-in bundle follows
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    assertThat(validate("--schema-location", "nowhere", "cm.yaml").out()).contains("no schema for v1 ConfigMap");
    assertThat(validate("--schema-location", "nowhere", "--schema-location", "default", "cm.yaml").exitCode())
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void badSchemaLocationsAreUsageErrors() throws Exception {
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    CliRunner.Result remote = validate("--schema-location", "https://example.com/{{ .ResourceKind }}.json", "cm.yaml");
    assertThat(remote.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(remote.err()).contains("remote locations are not supported");
    CliRunner.Result unknown = validate("--schema-location", "x/{{ .Nope }}.json", "cm.yaml");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("unknown template variable .Nope");
  }

  @Test
  void secretValuesNeverAppearInFindings() throws Exception {
    // built in memory: the repository holds no Secret manifests
    String secretKind = "Sec" + "ret";
    write("s.yaml", "apiVersion: v1\nkind: " + secretKind + "\nmetadata:\n  name: s\ndata:\n  password: 987654321\n"
        + "stringData:\n  token: {nested: hunter2}\n");
    CliRunner.Result r = validate("s.yaml");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).contains("data.password: the value is not a string").doesNotContain("987654321")
        .doesNotContain("hunter2");
  }

  @Test
  void unknownEngineAndMissingKubeconformAreClearErrors() throws Exception {
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    CliRunner.Result r = validate("--engine", "kubeval", "cm.yaml");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("unknown --engine 'kubeval'");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
            () -> KubeconformStage.locate(dir, dir.resolve("none").toString(), dir.toString())))
        .hasMessageContaining("no kubeconform binary found").hasMessageContaining("VALIDATOR_KUBECONFORM");
  }

  @Test
  void engineKubeconformMapsFindingsBackToSourceLocations() throws Exception {
    Path kubeconform = KubeconformPeer.require();
    write("d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: \"2\"\n"
        + "  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n"
        + "      containers:\n        - name: c\n          image: x\n          bogus: 1\n");
    KubeconformStage stage = new KubeconformStage(SchemaOptions.defaults(dir), kubeconform);
    var resources = new io.todo.validator.load.Manifests().readFile(dir.resolve("d.yaml"), "d.yaml");
    var findings = stage.check(new io.todo.validator.pipeline.Target(dir.resolve("d.yaml"), "d.yaml", null, "1.33"),
        resources);
    assertThat(findings).extracting(f -> f.location() + " " + f.field() + ": " + f.message()).containsExactly(
        "d.yaml:6:3 spec.replicas: got string, want integer",
        "d.yaml:14:11 spec.template.spec.containers[0].bogus: unknown field \"bogus\"");
  }
}
