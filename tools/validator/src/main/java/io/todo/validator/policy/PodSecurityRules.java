package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Severity;
import io.todo.validator.policy.SecurityContexts.Setting;
import io.todo.validator.policy.Workloads.Container;
import io.todo.validator.policy.Workloads.PodSpec;
import java.util.List;
import java.util.Map;

/** Container hardening: the pod-security rules, evaluated on the effective security context. */
final class PodSecurityRules {
  private PodSecurityRules() {}

  static List<Rule> all() {
    return List.of(new RunAsNonRoot(), new NoPrivilegeEscalation(), new NotPrivileged());
  }

  /** Base for rules checked once per container of every workload. */
  abstract static class PerContainer implements Rule {
    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (PodSpec pod : ctx.podSpecs()) {
        for (Container c : pod.containers()) {
          check(c, out);
        }
      }
    }

    abstract void check(Container c, Violations out);
  }

  /** SEC-001: the process must not run as root. */
  static final class RunAsNonRoot extends PerContainer {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-001", "Containers must run as a non-root user", Severity.ERROR, null,
          "A process running as UID 0 is root on the node as soon as it escapes the container.",
          "Set securityContext.runAsNonRoot: true and a non-zero runAsUser (on the pod, or on each container).",
          Map.of("kube-score", "container-security-context-user-group-id",
              "polaris", "runAsRootAllowed",
              "kube-linter", "run-as-non-root",
              "checkov", "CKV_K8S_23, CKV_K8S_40"));
    }

    @Override
    void check(Container c, Violations out) {
      Setting user = SecurityContexts.effective(c, "runAsUser");
      Setting nonRoot = SecurityContexts.effective(c, "runAsNonRoot");
      if (user.isSet() && user.value().asLong(-1) == 0) {
        out.add(c.pod().owner(), user.pointer(), c.describe() + " runs as root (runAsUser: 0"
            + (user.fromPod() ? ", inherited from the pod" : "") + ")");
        return;
      }
      boolean nonRootTrue = nonRoot.isSet() && nonRoot.value().asBoolean(false);
      boolean uidNonZero = user.isSet() && user.value().canConvertToLong() && user.value().asLong() > 0;
      if (nonRoot.isSet() && !nonRoot.value().asBoolean(false) && !uidNonZero) {
        out.add(c.pod().owner(), nonRoot.pointer(), c.describe() + " allows running as root (runAsNonRoot: false"
            + (nonRoot.fromPod() ? ", inherited from the pod" : "") + ") and sets no non-zero runAsUser");
      } else if (!nonRootTrue && !uidNonZero) {
        out.add(c.pod().owner(), SecurityContexts.containerContext(c),
            c.describe() + " may run as root: neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser");
      }
    }
  }

  /** SEC-002: no setuid-style escalation. */
  static final class NoPrivilegeEscalation extends PerContainer {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-002", "Containers must set allowPrivilegeEscalation: false", Severity.ERROR, null,
          "Without no_new_privs a process can gain more privileges than its parent through setuid binaries or file capabilities; "
              + "Kubernetes defaults allowPrivilegeEscalation to true.",
          "Set securityContext.allowPrivilegeEscalation: false on every container (it is a container-only field).",
          Map.of("kube-score", "container-security-context-privilege-escalation",
              "polaris", "privilegeEscalationAllowed",
              "kube-linter", "privilege-escalation-container",
              "checkov", "CKV_K8S_20"));
    }

    @Override
    void check(Container c, Violations out) {
      Setting s = SecurityContexts.effective(c, "allowPrivilegeEscalation");
      if (!s.isSet()) {
        out.add(c.pod().owner(), s.pointer(), c.describe() + " does not set allowPrivilegeEscalation: false (the default is true)");
      } else if (s.value().asBoolean(true)) {
        out.add(c.pod().owner(), s.pointer(), c.describe() + " sets allowPrivilegeEscalation: true");
      }
    }
  }

  /** SEC-003: no privileged containers. */
  static final class NotPrivileged extends PerContainer {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-003", "Containers must not be privileged", Severity.ERROR, null,
          "A privileged container has every capability and access to all host devices: it is root on the node.",
          "Remove securityContext.privileged or set it to false; add only the capabilities the process needs.",
          Map.of("kube-score", "container-security-context-privileged",
              "polaris", "privilegedContainers",
              "kube-linter", "privileged-container",
              "checkov", "CKV_K8S_16"));
    }

    @Override
    void check(Container c, Violations out) {
      Setting s = SecurityContexts.effective(c, "privileged");
      if (s.isSet() && s.value().asBoolean(false)) {
        out.add(c.pod().owner(), s.pointer(), c.describe() + " is privileged");
      }
    }
  }

  static JsonNode context(Container c) {
    return c.node().path("securityContext");
  }
}
