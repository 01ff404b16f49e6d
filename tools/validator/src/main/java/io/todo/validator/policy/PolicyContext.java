package io.todo.validator.policy;

import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule sees: the target, its rendered resources, the policy configuration and the
 * repository root (null when no validator.yaml was found). Lookups by kind and the pod specs are
 * indexed once: cross-resource rules ask for them per resource, which was quadratic on large streams.
 */
public final class PolicyContext {
  private final Target target;
  private final List<Resource> resources;
  private final PolicyConfig config;
  private final Path repoRoot;
  private volatile Map<String, List<Resource>> byKind;
  private volatile List<Workloads.PodSpec> podSpecs;

  public PolicyContext(Target target, List<Resource> resources, PolicyConfig config, Path repoRoot) {
    this.target = target;
    this.resources = resources;
    this.config = config;
    this.repoRoot = repoRoot;
  }

  public Target target() {
    return target;
  }

  public List<Resource> resources() {
    return resources;
  }

  public PolicyConfig config() {
    return config;
  }

  public Path repoRoot() {
    return repoRoot;
  }

  /** The policy environment (dev, minikube, prod), or null when unknown. */
  public String environment() {
    return target.environment();
  }

  public List<Workloads.PodSpec> podSpecs() {
    List<Workloads.PodSpec> p = podSpecs;
    if (p == null) {
      p = List.copyOf(Workloads.podSpecs(resources));
      podSpecs = p;
    }
    return p;
  }

  private volatile Map<String, List<Workloads.PodSpec>> podSpecsByNamespace;

  /** Pod templates whose owner is in a namespace ("" counts as "default"), in rendered order. */
  public List<Workloads.PodSpec> podSpecsIn(String namespace) {
    Map<String, List<Workloads.PodSpec>> m = podSpecsByNamespace;
    if (m == null) {
      Map<String, List<Workloads.PodSpec>> index = new HashMap<>();
      for (Workloads.PodSpec p : podSpecs()) {
        index.computeIfAbsent(CrossRefs.ns(p.owner()), k -> new ArrayList<>()).add(p);
      }
      index.replaceAll((k, v) -> List.copyOf(v));
      m = index;
      podSpecsByNamespace = m;
    }
    return m.getOrDefault(namespace == null || namespace.isEmpty() ? "default" : namespace, List.of());
  }

  private volatile Map<String, List<Resource>> byId;
  private volatile Map<String, Resource> hpaByTarget;

  /** Resources with this kind, namespace ("" counts as "default") and name, in rendered order. */
  public List<Resource> named(String kind, String namespace, String name) {
    Map<String, List<Resource>> m = byId;
    if (m == null) {
      Map<String, List<Resource>> index = new HashMap<>();
      for (Resource r : resources) {
        index.computeIfAbsent(key(r.kind(), CrossRefs.ns(r), r.name()), k -> new ArrayList<>()).add(r);
      }
      m = index;
      byId = m;
    }
    return m.getOrDefault(key(kind, namespace == null || namespace.isEmpty() ? "default" : namespace, name), List.of());
  }

  /** The first HPA (in rendered order) whose scaleTargetRef names this kind/name in this namespace. */
  public Resource hpaFor(String kind, String namespace, String name) {
    Map<String, Resource> m = hpaByTarget;
    if (m == null) {
      Map<String, Resource> index = new HashMap<>();
      for (Resource h : ofKind("HorizontalPodAutoscaler")) {
        var ref = h.object().path("spec").path("scaleTargetRef");
        index.putIfAbsent(key(ref.path("kind").asText(""), CrossRefs.ns(h), ref.path("name").asText(null)), h);
      }
      m = index;
      hpaByTarget = m;
    }
    return m.get(key(kind, namespace == null || namespace.isEmpty() ? "default" : namespace, name));
  }

  private static String key(String kind, String ns, String name) {
    return kind + "\u0000" + ns + "\u0000" + name;
  }

  /** Resources of a kind (any group), in rendered order. */
  public List<Resource> ofKind(String kind) {
    Map<String, List<Resource>> m = byKind;
    if (m == null) {
      Map<String, List<Resource>> index = new HashMap<>();
      for (Resource r : resources) {
        index.computeIfAbsent(String.valueOf(r.kind()), k -> new ArrayList<>()).add(r);
      }
      index.replaceAll((k, v) -> List.copyOf(v));
      m = index;
      byKind = m;
    }
    return m.getOrDefault(kind, List.of());
  }
}
