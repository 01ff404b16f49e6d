package io.todo.validator.admission;

import io.todo.validator.admission.cel.CelEnvironment;
import io.todo.validator.load.Manifests;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The admission policies of a repository ({@code policies/admission/}): policies, bindings, and
 * every other object there, which may serve as params. kustomization files are skipped (the
 * directory is also deployed by apps/ with kustomize).
 */
record PolicySet(Map<String, Policy> policies, List<Binding> bindings, List<Resource> params) {

  static final PolicySet EMPTY = new PolicySet(Map.of(), List.of(), List.of());

  boolean isEmpty() {
    return bindings.isEmpty() && policies.isEmpty();
  }

  /** Compiled sets by directory, displayed name and content: the same files compile once per process. */
  private static final Map<String, Object> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@link #load}, remembered by the content of the directory's files, so that the warm-up thread
   * and the stage share one compilation and a changed file is always compiled afresh. A failed load
   * is remembered too: the same files give the same errors.
   */
  static PolicySet cached(Path dir, String shown) {
    if (!Files.isDirectory(dir)) {
      return EMPTY;
    }
    String key = dir + "\0" + shown + "\0" + fingerprint(dir, shown);
    Object set = LOADED.computeIfAbsent(key, k -> {
      try {
        return load(dir, shown);
      } catch (ValidatorException e) {
        return e;
      }
    });
    if (set instanceof ValidatorException e) {
      throw e;
    }
    return (PolicySet) set;
  }

  /**
   * The directory's files, names and bytes, as the key itself: a policy directory is a few
   * kilobytes, and hashing them (SHA-256, interpreted on a cold start) cost more than keeping them.
   */
  private static String fingerprint(Path dir, String shown) {
    try {
      StringBuilder key = new StringBuilder();
      for (Path f : files(dir, shown)) {
        key.append(dir.relativize(f)).append('\0');
        byte[] content = io.todo.validator.load.BoundedRead.file(f, io.todo.validator.load.YamlLimits.DEFAULT.maxFileBytes());
        key.append(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1)).append('\0');
      }
      return key.toString();
    } catch (IOException e) {
      return "unreadable:" + System.nanoTime(); // never shared: load reports the problem
    }
  }

  static PolicySet load(Path dir, String shown) {
    if (!Files.isDirectory(dir)) {
      return EMPTY;
    }
    List<Resource> all = new ArrayList<>();
    List<ValidatorException> errors = new ArrayList<>();
    Manifests manifests = new Manifests(new YamlLoader());
    for (Path f : files(dir, shown)) {
      String name = (shown.endsWith("/") ? shown : shown + "/") + dir.relativize(f).toString().replace('\\', '/');
      try {
        all.addAll(manifests.readFile(f, name));
      } catch (ValidatorException e) {
        errors.add(e);
      }
    }
    if (all.stream().noneMatch(r -> PolicyParser.isPolicy(r) || PolicyParser.isBinding(r))) {
      if (!errors.isEmpty()) {
        throw ValidatorException.all(errors);
      }
      return EMPTY; // nothing to evaluate: the CEL environment is never built
    }
    CelEnvironment cel = CelEnvironment.get();
    cel.prepare(all.stream().filter(PolicyParser::isPolicy).flatMap(r -> PolicyParser.expressions(r).stream()).toList());
    PolicyParser parser = new PolicyParser(cel);
    Map<String, Policy> policies = new LinkedHashMap<>();
    List<Binding> bindings = new ArrayList<>();
    List<Resource> params = new ArrayList<>();
    java.util.Set<String> broken = new java.util.HashSet<>(); // reported once, not again by their bindings
    for (Resource r : all) {
      try {
        if (PolicyParser.isPolicy(r)) {
          Policy p = parser.policy(r);
          if (policies.putIfAbsent(p.name(), p) != null) {
            throw ValidatorException.input(r.origin(), "duplicate ValidatingAdmissionPolicy \"" + p.name()
                + "\" (also at " + policies.get(p.name()).location() + ")");
          }
        } else if (PolicyParser.isBinding(r)) {
          bindings.add(parser.binding(r));
        } else {
          params.add(r);
        }
      } catch (ValidatorException e) {
        errors.addAll(e.all());
        if (PolicyParser.isPolicy(r) && r.name() != null) {
          broken.add(r.name());
        }
      }
    }
    for (Binding b : bindings) {
      Policy p = policies.get(b.policyName());
      if (p == null && broken.contains(b.policyName())) {
        continue;
      }
      if (p == null) {
        errors.add(ValidatorException.input(b.location(), "ValidatingAdmissionPolicyBinding \"" + b.name()
            + "\": spec.policyName \"" + b.policyName() + "\" names no ValidatingAdmissionPolicy in " + shown));
      } else if (p.paramKind() != null && b.paramRef() == null) {
        errors.add(ValidatorException.input(b.location(), "ValidatingAdmissionPolicyBinding \"" + b.name()
            + "\": policy \"" + p.name() + "\" has spec.paramKind, so spec.paramRef is required"));
      } else if (p.paramKind() == null && b.paramRef() != null) {
        errors.add(ValidatorException.input(b.location(), "ValidatingAdmissionPolicyBinding \"" + b.name()
            + "\": spec.paramRef is set but policy \"" + p.name() + "\" has no spec.paramKind"));
      }
    }
    if (!errors.isEmpty()) {
      throw ValidatorException.all(errors);
    }
    parser.plan();
    bindings.sort(java.util.Comparator.comparing(Binding::name));
    return new PolicySet(Map.copyOf(policies), List.copyOf(bindings), List.copyOf(params));
  }

  private static List<Path> files(Path dir, String shown) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(Manifests::isManifestFile)
          .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("kustomization."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw ValidatorException.input(Location.of(shown), "cannot list directory");
    }
  }
}
