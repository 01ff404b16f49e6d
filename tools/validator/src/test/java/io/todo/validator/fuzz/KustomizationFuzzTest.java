package io.todo.validator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The kustomization parser and everything it drives (resources, generators, patches, transformers)
 * on an arbitrary kustomization.yaml: the render succeeds or fails with a located error. Seeds under
 * src/test/resources/io/todo/validator/fuzz/KustomizationFuzzTestInputs; crashes found by fuzzing
 * go there and into the bad-input corpus (see docs/hostile-input.md).
 */
class KustomizationFuzzTest {

  @FuzzTest(maxDuration = FuzzDirs.MAX_DURATION)
  void rendersOrFailsCleanly(byte[] kustomization) {
    FuzzDirs.write("kustomization.yaml", kustomization);
    FuzzDirs.renderOrFailCleanly();
  }
}
