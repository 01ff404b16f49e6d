package io.todo.validator.policy;

import io.todo.validator.model.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.policy.Workloads.Container;
import io.todo.validator.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Secrets reach the cluster only as SealedSecrets; no plaintext anywhere. Messages never echo values. */
final class SecretRules {
  private SecretRules() {}

  static List<Rule> all() {
    return List.of(new PlainSecret(), new Generator(), new Literal());
  }

  /** SCR-001: no Secret objects with content. */
  static final class PlainSecret implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SCR-001", "No Secret with data or stringData in the repository", Severity.ERROR, null,
          "A Secret in Git is plaintext (base64 is an encoding): everyone with read access has the credential, forever.",
          "Seal it: validator seal FILE writes a SealedSecret that only the cluster can decrypt; delete the Secret.",
          Map.of("checkov", "CKV_SECRET_* (secrets scanner, not a Kubernetes check)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Resource r : ctx.ofKind("Secret")) {
        if (!r.group().isEmpty()) {
          continue;
        }
        for (String f : List.of("data", "stringData")) {
          JsonNode n = r.object().path(f);
          if (n.isObject() && !n.isEmpty()) {
            out.add(r, "/" + f, "a Secret with " + f + " (" + n.size() + (n.size() == 1 ? " key" : " keys")
                + ") is stored in plaintext; use a SealedSecret");
          }
        }
      }
    }
  }

  /** SCR-002: no secretGenerator in the kustomizations the target builds from. */
  static final class Generator implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SCR-002", "No secretGenerator in kustomizations", Severity.ERROR, null,
          "secretGenerator reads plaintext files or literals from the repository and emits a plaintext Secret.",
          "Replace the generator with a SealedSecret (validator seal), keeping the generated name if pods reference it.",
          Map.of());
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      Path p = ctx.target().path();
      if (p == null || !Renderer.isKustomization(p)) {
        return;
      }
      visit(p.toAbsolutePath().normalize(), ctx, out, new HashSet<>());
    }

    private void visit(Path dir, PolicyContext ctx, Violations out, Set<Path> seen) {
      if (!seen.add(dir) || !Renderer.isKustomization(dir)) {
        return;
      }
      Path file = Renderer.KUSTOMIZATION_FILES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst().orElseThrow();
      List<YamlDocument> docs;
      try {
        docs = new YamlLoader().load(file, shown(ctx, file));
      } catch (ValidatorException e) {
        return; // the renderer reports unreadable kustomizations
      }
      for (YamlDocument d : docs) {
        if (d.isEmpty() || !d.content().isObject()) {
          continue;
        }
        if (d.content().has("secretGenerator")) {
          out.add(d.locations().locate("/secretGenerator"), "secretGenerator produces a plaintext Secret; use a SealedSecret");
        }
        for (String key : List.of("resources", "components", "bases")) {
          for (JsonNode e : d.content().path(key)) {
            String ref = e.asText("");
            if (!ref.contains("://") && !ref.startsWith("git@") && !ref.startsWith("github.com/")) {
              try {
                visit(dir.resolve(ref).normalize(), ctx, out, seen);
              } catch (java.nio.file.InvalidPathException invalid) {
                // not a path: the renderer reports it
              }
            }
          }
        }
      }
    }

    /** The file as the renderer shows paths: relative to the working directory the target was named from (../ allowed). */
    private static String shown(PolicyContext ctx, Path file) {
      Path target = ctx.target().path().toAbsolutePath().normalize();
      String shown = ctx.target().shown();
      Path base = null;
      if (shown.equals(".")) {
        base = target;
      } else if (!Path.of(shown).isAbsolute() && target.endsWith(Path.of(shown).normalize())) {
        int keep = target.getNameCount() - Path.of(shown).normalize().getNameCount();
        base = keep == 0 ? target.getRoot() : target.getRoot().resolve(target.subpath(0, keep));
      }
      return base != null ? base.relativize(file).toString().replace('\\', '/') : file.toString();
    }
  }

  /** SCR-003: no secret-looking literals in env values, ConfigMaps or annotations. */
  static final class Literal implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SCR-003", "No secret-looking literals in env, ConfigMaps or annotations", Severity.ERROR, null,
          "Credentials pasted into env values, ConfigMaps or annotations are as public as the repository, and also readable "
              + "by anyone who can read the object in the cluster.",
          "Move the value into a SealedSecret and reference it (env valueFrom.secretKeyRef, envFrom.secretRef); "
              + "for a false positive, waive SCR-003 for the resource with the reason.",
          Map.of("checkov", "CKV_K8S_35 (related: prefer secret files), CKV_SECRET_* (secrets scanner)",
              "kube-linter", "env-var-secret"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Resource r : ctx.resources()) {
        if ("Secret".equals(r.kind()) && r.group().isEmpty()) {
          continue; // SCR-001
        }
        scan(r, r.object().path("metadata").path("annotations"), "/metadata/annotations", "annotation", out);
        if ("ConfigMap".equals(r.kind())) {
          scan(r, r.object().path("data"), "/data", "key", out);
        }
      }
      for (Workloads.PodSpec pod : ctx.podSpecs()) {
        scan(pod.owner(), pod.annotations(), pod.metadataPointer() + "/annotations", "annotation", out);
        for (Container c : pod.containers()) {
          JsonNode env = c.node().path("env");
          for (int i = 0; i < Nodes.elements(env); i++) {
            JsonNode v = env.get(i).path("value");
            String name = env.get(i).path("name").asText();
            String why = v.isValueNode() ? SecretShapes.describe(name, v.asText()) : null;
            if (why != null) {
              out.add(pod.owner(), c.at("env", String.valueOf(i), "value"), c.describe() + " env " + name + " holds " + why
                  + "; reference a SealedSecret instead (value not shown)");
            }
          }
        }
      }
    }

    private static void scan(Resource r, JsonNode map, String pointer, String what, Violations out) {
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("kubectl.kubernetes.io/last-applied-configuration") || e.getKey().startsWith(Waivers.ANNOTATION)) {
          continue;
        }
        String why = e.getValue().isValueNode() ? SecretShapes.describe(e.getKey(), e.getValue().asText()) : null;
        if (why != null) {
          out.add(r, pointer + "/" + SourceMap.escape(e.getKey()), what + " " + e.getKey() + " holds " + why + " (value not shown)");
        }
      }
    }
  }
}
