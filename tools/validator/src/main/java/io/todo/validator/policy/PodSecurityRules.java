package io.todo.validator.policy;

import io.todo.validator.model.Nodes;
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
    return List.of(new RunAsNonRoot(), new NoPrivilegeEscalation(), new NotPrivileged(), new DropAll(),
        new NoDangerousCapabilities(), new ReadOnlyRoot(), new Seccomp(), new HostNamespaces(), new HostPath(),
        new HostPort(), new ServiceAccountToken(), new HighIds());
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
          Map.of("kube-score", "container-security-context-user-group-id (also requires UID/GID > 10000: SEC-012)",
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
              "polaris", "runAsPrivileged",
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

  /** SEC-004: start from no capabilities. */
  static final class DropAll extends PerContainer {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-004", "Containers must drop ALL capabilities", Severity.ERROR, null,
          "The runtime's default capability set (NET_RAW, CHOWN, SETUID, ...) is more than an application needs; "
              + "NET_RAW alone allows ARP and DNS spoofing inside the cluster.",
          "Set securityContext.capabilities.drop: [ALL] and add back only NET_BIND_SERVICE if the process binds a port below 1024.",
          Map.of("kube-score", "container-security-context-privileged (drop ALL is not checked)",
              "polaris", "insecureCapabilities",
              "kube-linter", "drop-net-raw-capability",
              "checkov", "CKV_K8S_28, CKV_K8S_37"));
    }

    @Override
    void check(Container c, Violations out) {
      JsonNode drop = context(c).path("capabilities").path("drop");
      for (JsonNode d : drop) {
        if (capability(d.asText()).equals("ALL")) {
          return;
        }
      }
      String where = drop.isArray() ? c.at("securityContext", "capabilities", "drop") : SecurityContexts.containerContext(c);
      out.add(c.pod().owner(), where, c.describe() + " does not drop ALL capabilities");
    }
  }

  /** SEC-005: only NET_BIND_SERVICE may be added back (the Pod Security Standards' restricted profile). */
  static final class NoDangerousCapabilities extends PerContainer {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-005", "Containers must not add capabilities other than NET_BIND_SERVICE", Severity.ERROR, null,
          "Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or NET_RAW give a container powers over the node or its neighbours; "
              + "the restricted Pod Security Standard allows adding only NET_BIND_SERVICE.",
          "Remove the capability from securityContext.capabilities.add; if the workload truly needs it, waive SEC-005 with a reason.",
          Map.of("polaris", "dangerousCapabilities, insecureCapabilities",
              "kube-linter", "privileged-ports (related)",
              "checkov", "CKV_K8S_25, CKV_K8S_39"));
    }

    @Override
    void check(Container c, Violations out) {
      JsonNode add = context(c).path("capabilities").path("add");
      for (int i = 0; i < Nodes.elements(add); i++) {
        String cap = capability(add.get(i).asText());
        if (!cap.equals("NET_BIND_SERVICE")) {
          out.add(c.pod().owner(), c.at("securityContext", "capabilities", "add", String.valueOf(i)),
              c.describe() + " adds capability " + cap);
        }
      }
    }
  }

  /** SEC-006: an immutable root filesystem. */
  static final class ReadOnlyRoot extends PerContainer {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-006", "Containers must use a read-only root filesystem", Severity.ERROR, null,
          "A writable root filesystem lets an attacker drop tools and modify binaries; writable paths should be explicit volumes.",
          "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process writes (/tmp, caches).",
          Map.of("kube-score", "container-security-context-readonlyrootfilesystem",
              "polaris", "notReadOnlyRootFilesystem",
              "kube-linter", "no-read-only-root-fs",
              "checkov", "CKV_K8S_22"));
    }

    @Override
    void check(Container c, Violations out) {
      Setting s = SecurityContexts.effective(c, "readOnlyRootFilesystem");
      if (!s.isSet()) {
        out.add(c.pod().owner(), s.pointer(), c.describe() + " does not set readOnlyRootFilesystem: true");
      } else if (!s.value().asBoolean(false)) {
        out.add(c.pod().owner(), s.pointer(), c.describe() + " sets readOnlyRootFilesystem: false");
      }
    }
  }

  /** SEC-007: a seccomp filter; the pod's profile applies to containers that set none. */
  static final class Seccomp extends PerContainer {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-007", "Containers must run with the RuntimeDefault or a Localhost seccomp profile", Severity.ERROR, null,
          "Without a seccomp filter every system call is reachable, including the ones most container escapes use; "
              + "Kubernetes runs containers Unconfined unless told otherwise.",
          "Set securityContext.seccompProfile.type: RuntimeDefault on the pod (containers inherit it) or on each container.",
          Map.of("kube-score", "pod-seccomp (not enabled by default)",
              "polaris", "(none)",
              "kube-linter", "unset-seccomp-profile (not in the default set)",
              "checkov", "CKV_K8S_31"));
    }

    @Override
    void check(Container c, Violations out) {
      Setting s = SecurityContexts.effective(c, "seccompProfile");
      String type = s.isSet() ? s.value().path("type").asText("") : "";
      if (!s.isSet()) {
        out.add(c.pod().owner(), s.pointer(), c.describe() + " has no seccomp profile (neither it nor the pod sets seccompProfile)");
      } else if (!type.equals("RuntimeDefault") && !type.equals("Localhost")) {
        out.add(c.pod().owner(), s.pointer(), c.describe() + " uses seccomp profile type " + (type.isEmpty() ? "(none)" : type)
            + (s.fromPod() ? " (inherited from the pod)" : "") + "; expected RuntimeDefault or Localhost");
      }
    }
  }

  /** SEC-008: no sharing of the node's namespaces. */
  static final class HostNamespaces implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-008", "Pods must not share the host's network, PID or IPC namespace", Severity.ERROR, null,
          "hostNetwork exposes the node's interfaces and bypasses NetworkPolicies; hostPID and hostIPC let a container see and signal "
              + "every process and shared memory segment on the node.",
          "Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false).",
          Map.of("kube-score", "(none)",
              "polaris", "hostNetworkSet, hostPIDSet, hostIPCSet",
              "kube-linter", "host-network, host-pid, host-ipc",
              "checkov", "CKV_K8S_19, CKV_K8S_17, CKV_K8S_18"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (PodSpec pod : ctx.podSpecs()) {
        for (String f : List.of("hostNetwork", "hostPID", "hostIPC")) {
          if (pod.spec().path(f).asBoolean(false)) {
            out.add(pod.owner(), pod.at(f), "the pod sets " + f + ": true");
          }
        }
      }
    }
  }

  /** SEC-009: no hostPath volumes. */
  static final class HostPath implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-009", "Pods must not mount hostPath volumes", Severity.ERROR, null,
          "A hostPath volume reaches into the node's filesystem (the container runtime socket, kubelet credentials); "
              + "it also ties the pod to one node.",
          "Use an emptyDir, a ConfigMap/Secret volume or a PersistentVolumeClaim instead.",
          Map.of("kube-score", "(none)",
              "polaris", "(none)",
              "kube-linter", "host-mounts (sensitive paths only)",
              "checkov", "CKV_K8S_27 (docker socket only)"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (PodSpec pod : ctx.podSpecs()) {
        JsonNode vols = pod.spec().path("volumes");
        for (int i = 0; i < Nodes.elements(vols); i++) {
          if (vols.get(i).has("hostPath")) {
            out.add(pod.owner(), pod.at("volumes", String.valueOf(i), "hostPath"),
                "volume \"" + vols.get(i).path("name").asText() + "\" mounts host path " + vols.get(i).path("hostPath").path("path").asText("?"));
          }
        }
      }
    }
  }

  /** SEC-010: no host ports. */
  static final class HostPort extends PerContainer {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-010", "Containers must not bind host ports", Severity.ERROR, null,
          "A hostPort opens the port on the node's interfaces, bypasses Services and NetworkPolicies, and limits scheduling to one pod per node.",
          "Remove ports[].hostPort and expose the container through a Service.",
          Map.of("polaris", "hostPortSet",
              "kube-linter", "host-port (not in the default set)",
              "checkov", "CKV_K8S_26"));
    }

    @Override
    void check(Container c, Violations out) {
      JsonNode ports = c.node().path("ports");
      for (int i = 0; i < Nodes.elements(ports); i++) {
        JsonNode hp = ports.get(i).path("hostPort");
        if (!hp.isMissingNode() && !hp.isNull() && hp.asInt(0) != 0) {
          out.add(c.pod().owner(), c.at("ports", String.valueOf(i), "hostPort"), c.describe() + " binds host port " + hp.asText());
        }
      }
    }
  }

  /** SEC-011: no API credentials in pods that do not talk to the API server. */
  static final class ServiceAccountToken implements Rule {
    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-011", "Pods must not mount a service account token unless they need one", Severity.ERROR, null,
          "The token is a credential for the Kubernetes API: a compromised container that does not need it should not be able to use it. "
              + "Kubernetes mounts it by default.",
          "Set automountServiceAccountToken: false on the pod spec or on its ServiceAccount; a pod that calls the API sets true "
              + "and waives SEC-011 with the reason.",
          Map.of("polaris", "automountServiceAccountToken", "kube-linter", "(none by default)",
              "checkov", "CKV_K8S_38"));
    }

    @Override
    public void check(PolicyContext ctx, Violations out) {
      for (PodSpec pod : ctx.podSpecs()) {
        JsonNode own = pod.spec().path("automountServiceAccountToken");
        if (own.isBoolean()) {
          if (own.asBoolean()) {
            out.add(pod.owner(), pod.at("automountServiceAccountToken"), "the pod mounts a service account token (automountServiceAccountToken: true)");
          }
          continue;
        }
        String sa = pod.spec().path("serviceAccountName").asText(pod.spec().path("serviceAccount").asText("default"));
        String ns = pod.owner().namespace();
        boolean saOff = ctx.ofKind("ServiceAccount").stream()
            .filter(r -> sa.equals(r.name()) && java.util.Objects.equals(ns, r.namespace()))
            .anyMatch(r -> r.object().path("automountServiceAccountToken").isBoolean()
                && !r.object().path("automountServiceAccountToken").asBoolean());
        if (!saOff) {
          out.add(pod.owner(), pod.pointer(), "the pod mounts a service account token: neither it nor ServiceAccount \"" + sa
              + "\" sets automountServiceAccountToken: false");
        }
      }
    }
  }

  /** SEC-012: a UID and GID outside the range of the node's system and login users. */
  static final class HighIds extends PerContainer {
    private static final long MIN = 10000;

    @Override
    public RuleInfo info() {
      return new RuleInfo("SEC-012", "Containers should run with a UID and GID of 10000 or more", Severity.WARNING, null,
          "Without user namespaces a container UID is the node's UID: a low one may be a real user or daemon of the node, "
              + "whose files an escaped process could then own. Unset values fall back to the image's USER, which the manifest does not show.",
          "Set securityContext.runAsUser and runAsGroup to 10000 or more (on the pod, or on each container).",
          Map.of("kube-score", "container-security-context-user-group-id", "checkov", "CKV_K8S_40"));
    }

    @Override
    void check(Container c, Violations out) {
      for (String f : List.of("runAsUser", "runAsGroup")) {
        Setting s = SecurityContexts.effective(c, f);
        if (!s.isSet()) {
          out.add(c.pod().owner(), s.pointer(), c.describe() + " sets no " + f + " (the image's default applies)");
        } else if (s.value().asLong(0) < MIN) {
          out.add(c.pod().owner(), s.pointer(), c.describe() + " runs with " + f + " " + s.value().asText()
              + (s.fromPod() ? " (inherited from the pod)" : "") + ", below " + MIN);
        }
      }
    }
  }

  static JsonNode context(Container c) {
    return c.node().path("securityContext");
  }

  /** {@code cap_sys_admin} → {@code SYS_ADMIN}: the runtime accepts either spelling. */
  static String capability(String text) {
    String up = text.trim().toUpperCase(java.util.Locale.ROOT);
    return up.startsWith("CAP_") ? up.substring(4) : up;
  }
}
