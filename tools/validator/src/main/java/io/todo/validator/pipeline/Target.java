package io.todo.validator.pipeline;

import java.nio.file.Path;

/**
 * One thing to validate: a kustomization directory, a directory of manifests, a file, or standard
 * input ({@code path == null}).
 *
 * @param shown the name printed in diagnostics (relative to the working directory when possible)
 * @param environment the policy environment (dev, minikube, prod), or null when unknown
 * @param kubernetesVersion the Kubernetes minor version to validate against ("1.33"), or null for
 *     the newest
 */
public record Target(Path path, String shown, String environment, String kubernetesVersion) {

  public boolean isStdin() {
    return path == null;
  }
}
