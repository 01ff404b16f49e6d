package io.todo.validator.policy;

import io.todo.validator.model.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.config.RepoConfig;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Argo CD Applications: a real project, a real overlay of this repository, the configured sync policy. */
final class ArgoRules {
  private ArgoRules() {}

  static List<Rule> all() {
    return List.of(new Project(), new SourcePath(), new SyncPolicy());
  }

  static List<Resource> applications(PolicyContext ctx) {
    return ctx.ofKind("Application").stream().filter(r -> r.group().equals("argoproj.io")).toList();
  }

  /** ARGO-001. */
  static final class Project implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("ARGO-001", "Applications must belong to an AppProject other than default", Severity.ERROR, null,
          "The default project allows every source repository, destination cluster and namespace: an Application in it escapes "
              + "the guardrails AppProjects exist for.",
          "Set spec.project to the team's AppProject (one that limits sourceRepos and destinations).",
          Map.of("checkov", "(none)", "kube-linter", "(none)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Resource app : applications(ctx)) {
        JsonNode p = app.object().path("spec").path("project");
        if (!p.isTextual() || p.asText().isEmpty()) {
          out.add(app, "/spec", "the Application names no project (spec.project)");
        } else if (p.asText().equals("default")) {
          out.add(app, "/spec/project", "the Application uses the default AppProject");
        }
      }
    }
  }

  /** ARGO-002: spec.source(s).path must be an overlay directory of this repository. */
  static final class SourcePath implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("ARGO-002", "Applications must point at an existing overlay of this repository", Severity.ERROR, null,
          "A path that does not exist (a renamed overlay, a typo) makes the Application fail to generate manifests, "
              + "and one outside the overlays deploys something no overlay validation covered.",
          "Set spec.source.path to an overlay directory listed in validator.yaml (relative to the repository root); list other "
              + "kustomizations Applications may deploy (policies/admission) under argocd.paths in policies.yaml.",
          Map.of());
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      Path root = ctx.repoRoot();
      if (root == null) {
        return; // no repository to resolve against (standard input outside a checkout)
      }
      List<String> overlays = overlays(root);
      for (Resource app : applications(ctx)) {
        JsonNode spec = app.object().path("spec");
        if (spec.path("source").isObject()) {
          check(ctx, out, app, spec.path("source"), "/spec/source", root, overlays);
        }
        JsonNode sources = spec.path("sources");
        for (int i = 0; i < Nodes.elements(sources); i++) {
          check(ctx, out, app, sources.get(i), "/spec/sources/" + i, root, overlays);
        }
      }
    }

    private static List<String> overlays(Path root) {
      try {
        return RepoConfig.read(root.resolve(RepoConfig.FILE_NAME), RepoConfig.FILE_NAME).overlays().stream()
            .map(o -> Path.of(o.path()).normalize().toString().replace('\\', '/')).toList();
      } catch (ValidatorException | java.nio.file.InvalidPathException e) {
        return List.of(); // the validate command reports a broken validator.yaml itself
      }
    }

    private static void check(PolicyContext ctx, Violations out, Resource app, JsonNode src, String ptr, Path root, List<String> overlays) {
      if (src.has("chart")) {
        return; // a Helm chart from a chart repository, not a path
      }
      String url = src.path("repoURL").asText("");
      if (!ctx.config().repoUrls().isEmpty() && !ctx.config().repoUrls().contains(url)) {
        return; // another repository
      }
      JsonNode path = src.path("path");
      if (!path.isTextual() || path.asText().isBlank()) {
        out.add(app, ptr, "the source has no path");
        return;
      }
      String p = PolicyConfig.cleanPath(path.asText());
      Path dir;
      try {
        dir = root.resolve(p).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        out.add(app, ptr + "/path", "path " + path.asText() + " is not a valid path");
        return;
      }
      String rel = root.relativize(dir).toString().replace('\\', '/');
      if (!dir.startsWith(root) || Path.of(p).isAbsolute()) {
        out.add(app, ptr + "/path", "path " + path.asText() + " leaves the repository");
      } else if (!Files.isDirectory(dir)) {
        out.add(app, ptr + "/path", "path " + path.asText() + " does not exist in this repository");
      } else if (!Renderer.isKustomization(dir)) {
        out.add(app, ptr + "/path", "path " + path.asText() + " holds no kustomization");
      } else if (!overlays.isEmpty() && !overlays.contains(rel) && !ctx.config().argoPaths().contains(rel)) {
        out.add(app, ptr + "/path", "path " + path.asText() + " is not an overlay listed in validator.yaml (" + String.join(", ", overlays)
            + ") nor under argocd.paths in policies.yaml");
      }
    }
  }

  /** ARGO-003: the environment's sync policy, from argocd.syncPolicy.ENV in policies.yaml. */
  static final class SyncPolicy implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("ARGO-003", "Applications must use the environment's configured sync policy", Severity.ERROR, null,
          "Whether prod syncs automatically, prunes and self-heals is an organisation decision, not one each Application makes.",
          "Make spec.syncPolicy contain every field of argocd.syncPolicy.<environment> in policies/policies.yaml.",
          Map.of());
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      JsonNode want = ctx.config().syncPolicy(ctx.environment());
      if (want == null) {
        return;
      }
      for (Resource app : applications(ctx)) {
        compare(out, app, want, app.object().path("spec").path("syncPolicy"), "/spec/syncPolicy", "/spec");
      }
    }

    private static void compare(Violations out, Resource app, JsonNode want, JsonNode have, String ptr, String existing) {
      if (want.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          compare(out, app, e.getValue(), have.path(e.getKey()), ptr + "/" + e.getKey(), have.isMissingNode() ? existing : ptr);
        }
        return;
      }
      if (have.isMissingNode()) {
        out.add(app, existing, Pointers.toField(ptr) + " is not set; the environment requires " + want);
      } else if (want.isArray() ? !containsAll(have, want) : !want.asText().equals(have.asText())) {
        out.add(app, ptr, Pointers.toField(ptr) + " is " + have + "; the environment requires " + want);
      }
    }

    private static boolean containsAll(JsonNode have, JsonNode want) {
      for (JsonNode w : want) {
        boolean found = false;
        for (JsonNode h : have) {
          found |= h.equals(w);
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
  }
}
