package io.todo.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.todo.validator.render.Renderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Argo CD config-management plugin as the repo-server runs it (tools/argocd-cmp/plugin.yaml):
 * the generate command in the application directory, settings from ARGOCD_ENV_ variables.
 */
class ArgoCdPluginIT {
  static final Path ROOT = JarIT.JAR.getParent();

  static JarIT.Run generate(Path appDir, Map<String, String> env) throws IOException, InterruptedException {
    return generate(appDir, env, List.of());
  }

  /** The generate command and args of plugin.yaml, with our jar and {@code jvmOptions} after {@code java}. */
  static List<String> pluginCommand(List<String> jvmOptions) throws IOException {
    JsonNode generate = new ObjectMapper(new YAMLFactory())
        .readTree(ROOT.resolve("tools/argocd-cmp/plugin.yaml").toFile()).path("spec").path("generate");
    List<String> cmd = new ArrayList<>();
    generate.path("command").forEach(n -> cmd.add(n.asText().equals("/opt/validator/validator.jar")
        ? JarIT.JAR.toString() : n.asText()));
    cmd.addAll(1, jvmOptions);
    generate.path("args").forEach(n -> cmd.add(n.asText()));
    return cmd;
  }

  static JarIT.Run generate(Path appDir, Map<String, String> env, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> cmd = pluginCommand(jvmOptions);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(appDir.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new JarIT.Run(p.exitValue(), out, err);
  }

  @Test
  void generatesEachOverlayExactlyAsKustomizeWould() throws Exception {
    for (String env : List.of("dev", "minikube", "prod")) {
      Path dir = ROOT.resolve("overlays").resolve(env);
      JarIT.Run r = generate(dir, Map.of("ARGOCD_ENV_VALIDATOR_ENVIRONMENT", env));
      assertThat(r.exitCode()).as(env + ": " + r.err()).isZero();
      assertThat(r.out()).isEqualTo(new Renderer().renderYaml(dir, "overlays/" + env));
    }
  }

  @Test
  void theJvmsOwnWarningsStayOffTheManifestStream() throws Exception {
    // a sidecar with a small memory limit: the JVM warns that the young generation does not fit,
    // and unified logging prints warnings on stdout unless the command sends them elsewhere
    assertThat(pluginCommand(List.of())).contains("-jar", "render", "--fail-closed");
    Path dir = ROOT.resolve("overlays/dev");
    JarIT.Run r = generate(dir, Map.of("ARGOCD_ENV_VALIDATOR_ENVIRONMENT", "dev"), List.of("-XX:MaxRAM=256m"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(new Renderer().renderYaml(dir, "overlays/dev"));
    assertThat(r.err()).contains("NewSize");
  }

  @Test
  void failsClosedOnAnErrorFindingAndPrintsNothing(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("kustomization.yaml"), "resources:\n- pod.yaml\n");
    Files.writeString(tmp.resolve("pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:latest\n");
    JarIT.Run r = generate(tmp, Map.of("ARGOCD_ENV_VALIDATOR_ENVIRONMENT", "prod"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("pod.yaml:", "error:", "fail closed").doesNotContain("\tat ");
  }

  @Test
  void failsClosedOnAnEmptyStream(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("kustomization.yaml"), "namespace: x\n");
    JarIT.Run r = generate(tmp, Map.of());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("empty");
  }

  @Test
  void brokenInputIsAnInputErrorWithNothingOnStdout(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("kustomization.yaml"), "resources:\n- missing.yaml\n");
    JarIT.Run r = generate(tmp, Map.of());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("kustomization.yaml:2:3: error:");
  }
}
