package io.todo.validator.fuzz;

import io.todo.validator.model.ValidatorException;
import io.todo.validator.render.Renderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kustomization directory the fuzz tests rewrite for every input: one per JVM (a fuzz run is
 * single-threaded), deleted on exit. It holds a few resources the fuzzed files can name.
 */
final class FuzzDirs {
  /**
   * How long {@code JAZZER_FUZZ=1} fuzzes each test: the short CI run (tools/scripts/fuzz.sh).
   * Jazzer takes it from the annotation only, so a long run raises this constant locally ("1h").
   */
  static final String MAX_DURATION = "10s";

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        labels: {app: api}
      spec:
        replicas: 1
        selector:
          matchLabels: {app: api}
        template:
          metadata:
            labels: {app: api}
          spec:
            containers:
            - name: api
              image: ghcr.io/todo/api:1.0.0
              ports:
              - containerPort: 8080
                name: http
              env:
              - name: MODE
                value: dev
              volumeMounts:
              - name: config
                mountPath: /etc/api
            volumes:
            - name: config
              configMap:
                name: api-config
      """;
  static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: api
      spec:
        selector: {app: api}
        ports:
        - port: 80
          targetPort: http
      """;
  static final String CONFIG_MAP = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: api-config
      data:
        mode: dev
      """;

  private static Path dir;

  private FuzzDirs() {}

  /** The directory, created on first use with deployment.yaml, service.yaml, cm.yaml and app.env. */
  static synchronized Path dir() {
    if (dir == null) {
      try {
        Path d = Files.createTempDirectory("validator-fuzz");
        Files.writeString(d.resolve("deployment.yaml"), DEPLOYMENT);
        Files.writeString(d.resolve("service.yaml"), SERVICE);
        Files.writeString(d.resolve("cm.yaml"), CONFIG_MAP);
        Files.writeString(d.resolve("app.env"), "MODE=dev\nLEVEL=info\n");
        Files.createDirectories(d.resolve("base"));
        Files.writeString(d.resolve("base/kustomization.yaml"), "resources:\n- ../service.yaml\n");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
        dir = d;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  static void write(String name, byte[] content) {
    try {
      Files.write(dir().resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Renders the directory: kustomize's output, or a located {@link ValidatorException} with a
   * message. Anything else (another exception, a stack overflow) propagates and is a finding.
   */
  static void renderOrFailCleanly() {
    try {
      new Renderer().renderYaml(dir(), "fuzz");
    } catch (ValidatorException e) {
      for (ValidatorException one : e.all()) {
        if (one.getMessage() == null || one.getMessage().isBlank()) {
          throw new AssertionError("error without a message", e);
        }
      }
    }
  }

  private static void delete(Path d) {
    try (var walk = Files.walk(d)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temp directory
    }
  }
}
