package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Severity;
import io.todo.validator.policy.Workloads.Container;
import java.util.List;
import java.util.Map;

/** Container images: pinned, from allowed registries, with a deliberate pull policy. */
final class ImageRules {
  private ImageRules() {}

  static List<Rule> all() {
    return List.of(new Tag(), new Digest(), new Registry(), new PullPolicy());
  }

  /** An image reference split as the container runtime reads it. */
  record Image(String registry, String repository, String tag, String digest) {
    static Image parse(String ref) {
      String rest = ref.trim();
      String digest = null;
      int at = rest.indexOf('@');
      if (at >= 0) {
        digest = rest.substring(at + 1);
        rest = rest.substring(0, at);
      }
      String tag = null;
      int colon = rest.lastIndexOf(':');
      if (colon > rest.lastIndexOf('/')) {
        tag = rest.substring(colon + 1);
        rest = rest.substring(0, colon);
      }
      String registry = "docker.io";
      int slash = rest.indexOf('/');
      String first = slash < 0 ? "" : rest.substring(0, slash);
      if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
        registry = first;
        rest = rest.substring(slash + 1);
      } else if (slash < 0) {
        rest = "library/" + rest;
      }
      return new Image(registry, rest, tag, digest);
    }

    /** {@code docker.io/library/nginx}: what registry prefixes in policies.yaml are compared with. */
    String name() {
      return registry + "/" + repository;
    }
  }

  abstract static class PerImage implements Rule {
    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (Workloads.PodSpec pod : ctx.podSpecs()) {
        for (Container c : pod.containers()) {
          JsonNode img = c.node().path("image");
          if (img.isTextual() && !img.asText().isBlank()) {
            check(ctx, c, Image.parse(img.asText()), img.asText(), out);
          } else if (!c.list().equals("ephemeralContainers")) {
            out.add(pod.owner(), c.pointer(), c.describe() + " has no image");
          }
        }
      }
    }

    abstract void check(PolicyContext ctx, Container c, Image img, String text, Violations out);
  }

  /** IMG-001: a fixed tag (or a digest). */
  static final class Tag extends PerImage {
    @Override
    public RuleInfo info() {
      return new RuleInfo("IMG-001", "Images must have a tag other than latest", Severity.ERROR, null,
          "latest and a missing tag (which means latest) change under the same manifest: two nodes may run different code, "
              + "a rollback rolls back nothing, and Argo CD cannot see the change.",
          "Pin the image to a version tag (or a digest), preferably through the overlay's images: entry.",
          Map.of("kube-score", "container-image-tag", "polaris", "tagNotSpecified", "kube-linter", "latest-tag", "checkov", "CKV_K8S_14"));
    }

    @Override
    void check(PolicyContext ctx, Container c, Image img, String text, Violations out) {
      if (img.digest() != null) {
        return;
      }
      if (img.tag() == null) {
        out.add(c.pod().owner(), c.at("image"), c.describe() + " image " + text + " has no tag (means latest)");
      } else if (img.tag().equals("latest")) {
        out.add(c.pod().owner(), c.at("image"), c.describe() + " image " + text + " uses the latest tag");
      }
    }
  }

  /** IMG-002: a digest, so that what was validated is what runs. */
  static final class Digest extends PerImage {
    @Override
    public RuleInfo info() {
      Map<String, Severity> offOutsideProd = new java.util.HashMap<>();
      offOutsideProd.put("dev", null);
      offOutsideProd.put("minikube", null);
      return new RuleInfo("IMG-002", "Production images must be pinned by digest", Severity.ERROR, offOutsideProd,
          "A tag can be moved to another image after review; a digest names exactly the bytes that were scanned and tested. "
              + "On by default only in prod (and in environments other than dev and minikube).",
          "Pin the image as name:tag@sha256:... (kustomize images: digest:) in the prod overlay.",
          Map.of("checkov", "CKV_K8S_43", "kube-linter", "(none)"));
    }

    @Override
    void check(PolicyContext ctx, Container c, Image img, String text, Violations out) {
      if (img.digest() == null) {
        out.add(c.pod().owner(), c.at("image"), c.describe() + " image " + text + " is not pinned by digest (@sha256:...)");
      }
    }
  }

  /** IMG-003: only the environment's registries. */
  static final class Registry extends PerImage {
    @Override
    public RuleInfo info() {
      return new RuleInfo("IMG-003", "Images must come from the environment's allowed registries", Severity.ERROR, null,
          "Images from arbitrary registries bypass the organisation's scanning and signing; prod pulls only from the release registry.",
          "Use an image from one of environments.<env>.registries in policies/policies.yaml (rewrite it with the overlay's images: entry).",
          Map.of("polaris", "(custom check only)", "checkov", "CKV_K8S_... (none built in)"));
    }

    @Override
    void check(PolicyContext ctx, Container c, Image img, String text, Violations out) {
      List<String> allowed = ctx.config().registries(ctx.environment());
      if (allowed == null) {
        return;
      }
      String name = img.name();
      if (allowed.stream().noneMatch(p -> name.startsWith(p) || (name + "/").equals(p))) {
        out.add(c.pod().owner(), c.at("image"), c.describe() + " image " + text + " (" + name + ") is not from an allowed registry of "
            + ctx.environment() + ": " + String.join(", ", allowed));
      }
    }
  }

  /** IMG-004: an explicit pull policy, one the environment allows. */
  static final class PullPolicy extends PerImage {
    @Override
    public RuleInfo info() {
      return new RuleInfo("IMG-004", "Containers must set an allowed imagePullPolicy", Severity.WARNING,
          Map.of("prod", Severity.ERROR),
          "The default pull policy depends on the tag (Always for latest, IfNotPresent otherwise), so it changes silently with the "
              + "image; Never runs whatever happens to be cached on the node.",
          "Set imagePullPolicy explicitly to one of environments.<env>.pullPolicies (default: Always or IfNotPresent).",
          Map.of("kube-score", "container-image-pull-policy", "polaris", "pullPolicyNotAlways", "checkov", "CKV_K8S_15"));
    }

    @Override
    void check(PolicyContext ctx, Container c, Image img, String text, Violations out) {
      JsonNode p = c.node().path("imagePullPolicy");
      List<String> allowed = ctx.config().pullPolicies(ctx.environment());
      if (!p.isTextual()) {
        out.add(c.pod().owner(), c.pointer(), c.describe() + " does not set imagePullPolicy");
      } else if (!allowed.contains(p.asText())) {
        out.add(c.pod().owner(), c.at("imagePullPolicy"), c.describe() + " sets imagePullPolicy " + p.asText() + " (allowed"
            + (ctx.environment() == null ? "" : " in " + ctx.environment()) + ": " + String.join(", ", allowed) + ")");
      }
    }
  }
}
