package io.todo.validator.cli;

import io.todo.validator.render.HelmSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** kustomize's helm build flags, for kustomizations with helmCharts (charts inflate only when helm is found). */
public final class HelmCliOptions {
  @Option(names = "--helm-command", paramLabel = "HELM",
      description = "The helm binary for helmCharts (default: $" + HelmSettings.COMMAND_ENV + ", else helm on PATH;"
          + " without one, helmCharts is an error).")
  String command;

  @Option(names = "--helm-kube-version", paramLabel = "VERSION",
      description = "Kubernetes version for charts' Capabilities.KubeVersion, unless a chart sets kubeVersion.")
  String kubeVersion;

  @Option(names = "--helm-api-versions", paramLabel = "GROUP/VERSION", split = ",",
      description = "API versions for charts' Capabilities.APIVersions (repeatable), unless a chart sets apiVersions.")
  List<String> apiVersions = new ArrayList<>();

  /** The settings the options give; null (the environment's helm, no overrides) when none is given. */
  HelmSettings settings() {
    if (command == null && kubeVersion == null && apiVersions.isEmpty()) {
      return null;
    }
    return new HelmSettings(command, kubeVersion, apiVersions);
  }
}
