package io.todo.validator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The strategic-merge patcher (and the JSON 6902 patcher, when the input is a list) on an arbitrary
 * patch file applied to a Deployment, a Service and a ConfigMap: the render succeeds or fails with a
 * located error. Seeds under src/test/resources/io/todo/validator/fuzz/StrategicMergeFuzzTestInputs.
 */
class StrategicMergeFuzzTest {
  private static final byte[] KUSTOMIZATION = """
      resources:
      - deployment.yaml
      - service.yaml
      - cm.yaml
      patches:
      - path: patch.yaml
      """.getBytes(StandardCharsets.UTF_8);

  @FuzzTest(maxDuration = FuzzDirs.MAX_DURATION)
  void patchesOrFailsCleanly(byte[] patch) {
    FuzzDirs.write("kustomization.yaml", KUSTOMIZATION);
    FuzzDirs.write("patch.yaml", patch);
    FuzzDirs.renderOrFailCleanly();
  }
}
