package io.todo.validator.cli;

import io.todo.validator.config.RepoConfig;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Target;
import io.todo.validator.render.Renderer;
import io.todo.validator.schema.SchemaBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns command-line paths into targets. With no path: the overlays named in validator.yaml, else
 * every directory under overlays/ that holds a kustomization.
 */
final class TargetResolver {
  private final Path cwd;
  private final Optional<RepoConfig> config;
  /** validator.yaml files of other repositories that targets live in, read once. */
  private final java.util.Map<Path, RepoConfig> others = new java.util.HashMap<>();

  TargetResolver(Path cwd) {
    this.cwd = cwd.toAbsolutePath().normalize();
    this.config = RepoConfig.find(this.cwd);
  }

  Optional<RepoConfig> config() {
    return config;
  }

  List<Target> resolve(List<String> args, String environment, String kubernetesVersion) {
    // kubeconform spells versions with a patch level (1.33.0); schemas are per minor version
    if (kubernetesVersion != null && kubernetesVersion.matches("v?1\\.[0-9]+\\.[0-9]+")) {
      kubernetesVersion = kubernetesVersion.replaceFirst("^v", "").replaceFirst("\\.[0-9]+$", "");
    }
    if (kubernetesVersion != null && !SchemaBundle.builtin().supports(kubernetesVersion)) {
      throw new ValidatorException(
          ExitCodes.USAGE,
          "unsupported --kubernetes-version " + kubernetesVersion + " (supported: "
              + String.join(", ", SchemaBundle.builtin().kubernetesVersions()) + ")");
    }
    List<Target> targets = new ArrayList<>();
    if (args == null || args.isEmpty()) {
      for (Path p : defaultOverlays()) {
        targets.add(target(p, environment, kubernetesVersion));
      }
      if (targets.isEmpty()) {
        throw new ValidatorException(
            ExitCodes.USAGE, "nothing to validate: no PATH given, no validator.yaml overlays and no overlays/*/kustomization.yaml");
      }
      return targets;
    }
    for (String a : args) {
      if (a.equals("-")) {
        targets.add(new Target(null, "<stdin>", environment, kubernetesVersion));
      } else {
        targets.add(target(cwd.resolve(a).normalize(), environment, kubernetesVersion));
      }
    }
    return targets;
  }

  private Target target(Path abs, String environment, String kubernetesVersion) {
    String env = environment;
    String version = kubernetesVersion;
    // the target's own validator.yaml, as the stages find it for its policies, admission policies,
    // contract and sealing certificate: the working directory's, unless the path is in another repository
    Optional<RepoConfig.OverlayConfig> oc = RepoConfig.locate(abs).flatMap(this::configAt).flatMap(c -> c.overlayFor(abs));
    if (oc.isPresent()) {
      env = env != null ? env : oc.get().environment();
      version = version != null ? version : oc.get().kubernetesVersion();
    }
    return new Target(abs, shown(abs), env, version);
  }

  /** The configuration read from {@code file}: the working directory's, or another read once. */
  private Optional<RepoConfig> configAt(Path file) {
    if (config.isPresent() && config.get().file().equals(file)) {
      return config;
    }
    return Optional.of(others.computeIfAbsent(file, f -> RepoConfig.read(f, shown(f))));
  }

  private List<Path> defaultOverlays() {
    if (config.isPresent() && !config.get().overlays().isEmpty()) {
      return config.get().overlays().stream().map(o -> config.get().root().resolve(o.path()).normalize()).toList();
    }
    Path root = config.map(RepoConfig::root).orElse(cwd);
    Path overlays = root.resolve("overlays");
    if (!Files.isDirectory(overlays)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(overlays)) {
      return dirs.filter(Renderer::isKustomization).sorted().toList();
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot list " + shown(overlays));
    }
  }

  /** Relative to the working directory when below it, else absolute. */
  String shown(Path abs) {
    return shown(cwd, abs);
  }

  /** The target of an explicit path as {@link #resolve} makes it, without reading validator.yaml. */
  static Target explicit(Path cwd, String arg) {
    Path base = cwd.toAbsolutePath().normalize();
    Path abs = base.resolve(arg).normalize();
    return new Target(abs, shown(base, abs), null, null);
  }

  private static String shown(Path cwd, Path abs) {
    if (abs.startsWith(cwd)) {
      String rel = cwd.relativize(abs).toString().replace('\\', '/');
      return rel.isEmpty() ? "." : rel;
    }
    return abs.toString();
  }
}
