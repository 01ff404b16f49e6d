package io.todo.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    List<String> cmd = new ArrayList<>(List.of("java", "-XX:+UseParallelGC", "-XX:NewSize=256m", "-XX:TieredStopAtLevel=1", "-jar",
        JarIT.JAR.toString(), "render", "--fail-closed", "."));
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
