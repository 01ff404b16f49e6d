package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.policy.Workloads.Container;
import java.util.Set;

/**
 * The effective security settings of a container as Kubernetes computes them: a field of the
 * container's securityContext wins over the same field of the pod's; fields that only exist on
 * the container (privileged, capabilities, ...) are never inherited.
 */
final class SecurityContexts {
  /** PodSecurityContext fields a container inherits when it does not set them itself. */
  static final Set<String> INHERITED =
      Set.of("runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions", "seccompProfile", "windowsOptions", "appArmorProfile");

  private SecurityContexts() {}

  /** A setting's value and the pointer of the field that set it (or where it should be added). */
  record Setting(JsonNode value, String pointer, boolean fromPod) {
    boolean isSet() {
      return value != null && !value.isMissingNode() && !value.isNull();
    }
  }

  static Setting effective(Container c, String field) {
    JsonNode own = c.node().path("securityContext").path(field);
    if (!own.isMissingNode() && !own.isNull()) {
      return new Setting(own, c.at("securityContext", field), false);
    }
    if (INHERITED.contains(field)) {
      JsonNode pod = c.pod().spec().path("securityContext").path(field);
      if (!pod.isMissingNode() && !pod.isNull()) {
        return new Setting(pod, c.pod().at("securityContext", field), true);
      }
    }
    return new Setting(null, containerContext(c), false);
  }

  /** Where a missing container setting should be added: its securityContext, else the container. */
  static String containerContext(Container c) {
    return c.node().has("securityContext") ? c.at("securityContext") : c.pointer();
  }
}
