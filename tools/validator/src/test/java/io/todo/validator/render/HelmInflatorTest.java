package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * helmCharts end to end against a fake helm (a shell script that logs its arguments and
 * environment and prints canned output), so arguments, environment, temporary files and every
 * error path are checked without a real helm. The corpus compares real helm output with kustomize.
 */
class HelmInflatorTest {
  private static final String FAKE = """
      #!/bin/sh
      if [ "$1" = version ]; then echo "${FAKE_VERSION:-v3.19.0+g1234567}"; exit 0; fi
      for a in "$@"; do printf '%s\\n' "$a"; done > "$FAKE_LOG/args"
      env | grep '^HELM_' | sort > "$FAKE_LOG/env"
      prev=""; for a in "$@"; do
        if [ "$prev" = "-f" ] && [ ! -f "$FAKE_LOG/values" ]; then cp "$a" "$FAKE_LOG/values"; echo "$a" > "$FAKE_LOG/values-path"; fi
        prev="$a"
      done
      if [ -n "$FAKE_SLEEP" ]; then sleep "$FAKE_SLEEP"; fi
      if [ -n "$FAKE_STDERR" ]; then echo "$FAKE_STDERR" >&2; fi
      cat "$FAKE_LOG/out"
      exit "${FAKE_EXIT:-0}"
      """;
  private static final String OUT = """
      ---
      # Source: demo/templates/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: rel-cm
      data:
        a: "1"
      """;

  @TempDir Path tmp;
  Path root;
  Path log;
  Path helm;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the fake helm is a shell script");
    root = Files.createDirectories(tmp.resolve("app"));
    log = Files.createDirectories(tmp.resolve("log"));
    helm = tmp.resolve("bin/helm");
    Files.createDirectories(helm.getParent());
    Files.writeString(helm, FAKE);
    Files.setPosixFilePermissions(helm, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(log.resolve("out"), OUT);
    env.put("FAKE_LOG", log.toString());
    chart("demo", "replicas: 1\nimage: nginx\n");
  }

  private void chart(String name, String values) throws IOException {
    Path c = Files.createDirectories(root.resolve("charts/" + name + "/templates")).getParent();
    Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
    if (values != null) {
      Files.writeString(c.resolve("values.yaml"), values);
    }
  }

  private void kustomization(String text) throws IOException {
    Files.writeString(root.resolve("kustomization.yaml"), text);
  }

  private HelmSettings settings() {
    return new HelmSettings(helm.toString(), "", List.of(), Duration.ofSeconds(20), env);
  }

  private List<Resource> render(HelmSettings s) {
    return new Renderer(s).render(root, "app");
  }

  private List<String> args() throws IOException {
    String r = root.toRealPath().toString();
    String a = root.toAbsolutePath().toString();
    return Files.readAllLines(log.resolve("args")).stream()
        .map(s -> s.replaceAll(".*/kustomize-helm-[0-9]+", "<tmp>").replace(r, "<root>").replace(a, "<root>"))
        .toList();
  }

  private void assertFails(HelmSettings s, String diagnostic) {
    assertThatThrownBy(() -> render(s))
        .isInstanceOfSatisfying(ValidatorException.class, e -> assertThat(e.diagnostic()).contains(diagnostic));
  }

  @Test
  void passesEveryFieldAsKustomizeDoes() throws IOException {
    Files.writeString(root.resolve("extra.yaml"), "x: 1\n");
    kustomization("""
        namespace: team
        helmCharts:
        - name: demo
          releaseName: rel
          nameTemplate: nt
          additionalValuesFiles: [extra.yaml]
          apiVersions: [monitoring.coreos.com/v1]
          kubeVersion: "1.30.0"
          includeCRDs: true
          skipTests: true
          skipHooks: true
          debug: true
          devel: true
        """);
    render(settings());
    assertThat(args()).containsExactly("template", "rel", "<root>/charts/demo", "--namespace", "team",
        "--name-template", "nt", "-f", "<tmp>/demo-kustomize-values.yaml", "-f", "<root>/extra.yaml",
        "--api-versions", "monitoring.coreos.com/v1", "--kube-version", "1.30.0", "--include-crds", "--skip-tests",
        "--no-hooks", "--debug", "--devel");
    // without valuesInline the values file goes to helm unchanged
    assertThat(Files.readString(log.resolve("values"))).isEqualTo("replicas: 1\nimage: nginx\n");
  }

  @Test
  void generatesANameWithoutReleaseNameAndTakesCliVersionsOnlyWhenTheChartHasNone() throws IOException {
    kustomization("helmCharts:\n- name: demo\n");
    render(new HelmSettings(helm.toString(), "1.29.0", List.of("a/v1", "b/v1"), null, env));
    assertThat(args()).containsExactly("template", "--generate-name", "<root>/charts/demo", "-f",
        "<tmp>/demo-kustomize-values.yaml", "--api-versions", "a/v1", "--api-versions", "b/v1", "--kube-version",
        "1.29.0");
    kustomization("helmCharts:\n- name: demo\n  releaseName: r\n  kubeVersion: '1.31.0'\n  apiVersions: [c/v1]\n");
    Files.delete(log.resolve("values"));
    render(new HelmSettings(helm.toString(), "1.29.0", List.of("a/v1"), null, env));
    assertThat(args()).containsSubsequence("--api-versions", "c/v1", "--kube-version", "1.31.0")
        .doesNotContain("a/v1", "1.29.0");
  }

  @Test
  void setsHelmHomesAndRemovesItsTemporaryDirectory() throws IOException {
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n");
    render(settings());
    List<String> helmEnv = Files.readAllLines(log.resolve("env"));
    String home = helmEnv.get(0).substring("HELM_CACHE_HOME=".length(), helmEnv.get(0).length() - "/.cache".length());
    assertThat(home).matches(".*/kustomize-helm-[0-9]+/helm");
    assertThat(helmEnv).containsExactly("HELM_CACHE_HOME=" + home + "/.cache", "HELM_CONFIG_HOME=" + home,
        "HELM_DATA_HOME=" + home + "/.data");
    Path values = Path.of(Files.readString(log.resolve("values-path")).strip());
    assertThat(values.getParent()).doesNotExist();

    kustomization("helmGlobals:\n  configHome: /opt/helm-config\nhelmCharts:\n- name: demo\n  releaseName: rel\n");
    Files.delete(log.resolve("values"));
    render(settings());
    assertThat(Files.readAllLines(log.resolve("env"))).containsExactly("HELM_CACHE_HOME=/opt/helm-config/.cache",
        "HELM_CONFIG_HOME=/opt/helm-config", "HELM_DATA_HOME=/opt/helm-config/.data");
  }

  @Test
  void marksHelmOutputAndLocatesItAtTheChartEntry() throws IOException {
    kustomization("namespace: team\nhelmCharts:\n- name: demo\n  releaseName: rel\n");
    List<Resource> out = render(settings());
    assertThat(out).hasSize(1);
    // the namespace transformer skips helm output; the marker is stripped from the output
    assertThat(out.get(0).object().path("metadata").has("namespace")).isFalse();
    assertThat(out.get(0).object().path("metadata").has("annotations")).isFalse();
    assertThat(out.get(0).origin().toString()).isEqualTo("app/kustomization.yaml:3:3");
  }

  @Test
  void keepsTheValuesFileInsideItsTemporaryDirectory() throws IOException {
    kustomization("helmCharts:\n- name: ../charts/demo\n  releaseName: rel\n");
    render(settings());
    Path values = Path.of(Files.readString(log.resolve("values-path")).strip());
    assertThat(values.getFileName().toString()).isEqualTo(".._charts_demo-kustomize-values.yaml");
    assertThat(values.getParent().getFileName().toString()).startsWith("kustomize-helm-");
  }

  @Test
  void writesMergedValuesForValuesInline() throws IOException {
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n  valuesInline:\n    replicas: 3\n    extra: yes\n");
    render(settings());
    assertThat(Files.readString(log.resolve("values"))).isEqualTo("extra: true\nimage: nginx\nreplicas: 3\n");
  }

  @Test
  void refusesWhenNoHelmIsFound() throws IOException {
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    env.put("PATH", empty.toString());
    env.put(HelmSettings.COMMAND_ENV, "");
    assertFails(new HelmSettings(null, "", List.of(), null, env),
        "app/kustomization.yaml:2:3: error: helmCharts needs helm, and no helm binary was found: install helm"
            + " (v3 or v4) on PATH or set VALIDATOR_HELM_COMMAND");
  }

  @Test
  void findsHelmThroughTheEnvironment() throws IOException {
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n");
    env.put(HelmSettings.COMMAND_ENV, helm.toString());
    assertThat(render(new HelmSettings(null, "", List.of(), null, env))).hasSize(1);
    env.put(HelmSettings.COMMAND_ENV, "");
    env.put("PATH", helm.getParent().toString());
    assertThat(new HelmSettings(null, "", List.of(), null, env).executable()).isEqualTo(helm.toString());
    env.put(HelmSettings.COMMAND_ENV, tmp.resolve("missing/helm").toString());
    assertFails(new HelmSettings(null, "", List.of(), null, env),
        "app/kustomization.yaml:2:3: error: cannot run helm '" + tmp.resolve("missing/helm") + "' (from "
            + "VALIDATOR_HELM_COMMAND)");
  }

  @Test
  void neverPullsARemoteChart() throws IOException {
    kustomization("helmCharts:\n- name: absent\n  repo: https://charts.example.com\n  version: 1.0.0\n");
    env.put("PATH", tmp.toString()); // refused whether or not helm is installed
    env.put(HelmSettings.COMMAND_ENV, "");
    assertFails(new HelmSettings(null, "", List.of(), null, env), "app/kustomization.yaml:2:3: error: chart 'absent' is not at 'charts/absent-1.0.0/absent':"
        + " remote charts are not supported (no network)");
    assertThat(log.resolve("args")).doesNotExist();
  }

  @Test
  void reportsAMissingLocalChart() throws IOException {
    kustomization("resources: []\nhelmCharts:\n- name: demo\n  releaseName: a\n- name: absent\n");
    assertFails(settings(), "app/kustomization.yaml:5:3: error: no chart found at 'charts/absent' and no repo"
        + " specified for pull");
  }

  @Test
  void showsHelmsErrorWithTheChartLocation() throws IOException {
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n");
    env.put("FAKE_EXIT", "1");
    env.put("FAKE_STDERR", "Error: execution error at (demo/templates/cm.yaml:4:11): required");
    assertFails(settings(), "app/kustomization.yaml:2:3: error: helm template of chart 'demo' failed (exit 1): Error:"
        + " execution error at (demo/templates/cm.yaml:4:11): required");
  }

  @Test
  void stopsAHelmThatHangs() throws IOException {
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n");
    env.put("FAKE_SLEEP", "30");
    assertFails(new HelmSettings(helm.toString(), "", List.of(), Duration.ofMillis(500), env),
        "app/kustomization.yaml:2:3: error: helm template of chart 'demo' did not finish within 0s");
  }

  @Test
  void acceptsOnlyHelm3And4() throws IOException {
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n");
    Path v2 = tmp.resolve("bin2/helm");
    Files.createDirectories(v2.getParent());
    Files.copy(helm, v2);
    env.put("FAKE_VERSION", "Client: v2.17.0+ga690bad");
    assertFails(new HelmSettings(v2.toString(), "", List.of(), null, env),
        "error: helm v3 or v4 is required (as kustomize requires it), but " + v2 + " is v2.17.0");
  }

  @Test
  void rejectsHelmOutputThatIsNotResources() throws IOException {
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n");
    Files.writeString(log.resolve("out"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");
    assertFails(settings(), "app/kustomization.yaml:2:3: error: helm template output of chart 'demo' (line 1):"
        + " missing metadata.name in object ConfigMap");
  }

  @Test
  void restrictsValuesFilesToTheKustomizationRoot() throws IOException {
    Files.writeString(tmp.resolve("outside.yaml"), "a: 1\n");
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n  valuesFile: ../outside.yaml\n");
    assertFails(settings(), "app/kustomization.yaml:2:3: error: values file of chart 'demo': security; file"
        + " '../outside.yaml' is not in or below 'app'");
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n  additionalValuesFiles: [../outside.yaml]\n");
    assertFails(settings(), "app/kustomization.yaml:2:3: error: could not load additionalValuesFile: security;"
        + " file '../outside.yaml' is not in or below 'app'");
    kustomization("helmCharts:\n- name: demo\n  releaseName: rel\n  additionalValuesFiles: [missing.yaml]\n");
    assertFails(settings(), "error: could not load additionalValuesFile: no such file: missing.yaml");
  }

  @Test
  void needsTheChartsValuesFileUnlessValuesAreReplaced() throws IOException {
    chart("bare", null);
    kustomization("helmCharts:\n- name: bare\n  releaseName: rel\n");
    assertFails(settings(), "app/kustomization.yaml:2:3: error: values file of chart 'bare': no such file:"
        + " charts/bare/values.yaml");
    kustomization("helmCharts:\n- name: bare\n  releaseName: rel\n  valuesMerge: replace\n  valuesInline: {a: 1}\n");
    assertThat(render(settings())).hasSize(1);
    assertThat(Files.readString(log.resolve("values"))).isEqualTo("a: 1\n");
  }

  @Test
  void checksEntriesBeforeAnyChartRuns() throws IOException {
    kustomization("helmCharts:\n- name: demo\n  releaseName: a\n- releaseName: b\n");
    assertFails(settings(), "app/kustomization.yaml:4:3: error: chart name cannot be empty");
    assertThat(log.resolve("args")).doesNotExist();
    kustomization("helmCharts:\n- name: demo\n  releaseName: a\n- null\n");
    assertFails(settings(), "app/kustomization.yaml:4:3: error: chart name cannot be empty");
    kustomization("helmCharts:\n- name: demo\n  valuesMerge: deep\n");
    assertFails(settings(), "app/kustomization.yaml:2:3: error: valuesMerge must be one of [merge override replace]");
    kustomization("helmCharts:\n- name: demo\n  includeCRDs: \"true\"\n");
    assertFails(settings(), "app/kustomization.yaml:3:3: error: invalid Kustomization: includeCRDs must be a boolean");
    kustomization("helmCharts:\n- name: demo\n  valuesInline: [a]\n");
    assertFails(settings(), "app/kustomization.yaml:3:3: error: invalid Kustomization: valuesInline must be a mapping");
    kustomization("helmCharts:\n- name: demo\n  chartHome: x\n");
    assertFails(settings(), "app/kustomization.yaml:3:3: error: invalid Kustomization: unknown field \"chartHome\"");
  }
}
