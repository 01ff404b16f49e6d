package io.todo.validator.render;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How helmCharts are inflated: the helm binary (kustomize's {@code --helm-command}) and the
 * {@code --helm-kube-version} / {@code --helm-api-versions} defaults. Charts are inflated only when a
 * helm binary is found, as {@code kustomize build --enable-helm} would.
 *
 * @param command the helm binary as given (a name looked up on PATH, or a path); null: from the
 *     environment ({@code VALIDATOR_HELM_COMMAND}, else {@code helm} on PATH)
 * @param kubeVersion used for charts without their own {@code kubeVersion}; empty for helm's default
 * @param apiVersions used for charts without their own {@code apiVersions}
 * @param timeout the longest one helm run may take
 * @param environment changes to the environment helm inherits (an empty value removes the variable)
 */
public record HelmSettings(String command, String kubeVersion, List<String> apiVersions, Duration timeout,
    Map<String, String> environment) {
  public static final String COMMAND_ENV = "VALIDATOR_HELM_COMMAND";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  public HelmSettings {
    kubeVersion = kubeVersion == null ? "" : kubeVersion;
    apiVersions = apiVersions == null ? List.of() : List.copyOf(apiVersions);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }

  public HelmSettings(String command, String kubeVersion, List<String> apiVersions) {
    this(command, kubeVersion, apiVersions, DEFAULT_TIMEOUT, Map.of());
  }

  /** The environment's helm (VALIDATOR_HELM_COMMAND, else PATH), no version overrides. */
  public static HelmSettings fromEnvironment() {
    return new HelmSettings(null, "", List.of());
  }

  /** The helm binary to run, or null when none is configured or found. */
  String executable() {
    return executable(effectiveEnvironment());
  }

  /** The process environment with {@link #environment()} applied: what helm runs with. */
  Map<String, String> effectiveEnvironment() {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    environment.forEach((k, v) -> {
      if (v.isEmpty()) {
        env.remove(k);
      } else {
        env.put(k, v);
      }
    });
    return env;
  }

  String executable(Map<String, String> env) {
    String c = command;
    if (c == null || c.isBlank()) {
      c = env.get(COMMAND_ENV);
    }
    if (c == null || c.isBlank()) {
      return onPath("helm", env.get("PATH"));
    }
    c = c.trim();
    // like exec.Command: a name without a separator is looked up on PATH
    if (!c.contains("/") && !c.contains(File.separator)) {
      String found = onPath(c, env.get("PATH"));
      return found != null ? found : c; // let the start fail with a clear message
    }
    return c;
  }

  /** Where the configured command came from, for error messages. */
  String source() {
    if (command != null && !command.isBlank()) {
      return "--helm-command";
    }
    String e = effectiveEnvironment().get(COMMAND_ENV);
    return e != null && !e.isBlank() ? COMMAND_ENV : "PATH";
  }

  static String onPath(String name, String path) {
    if (path == null || path.isEmpty()) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }
}
