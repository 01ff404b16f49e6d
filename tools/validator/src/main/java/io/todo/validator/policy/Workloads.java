package io.todo.validator.policy;

import io.todo.validator.model.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the pod specs inside every workload kind and the containers inside a pod spec. */
public final class Workloads {
  /** Where the pod spec sits in each workload kind (core group and apps/batch). */
  private static final Map<String, String> POD_SPEC =
      Map.of(
          "Pod", "/spec",
          "Deployment", "/spec/template/spec",
          "StatefulSet", "/spec/template/spec",
          "DaemonSet", "/spec/template/spec",
          "ReplicaSet", "/spec/template/spec",
          "ReplicationController", "/spec/template/spec",
          "Job", "/spec/template/spec",
          "CronJob", "/spec/jobTemplate/spec/template/spec");

  /** The container lists of a pod spec, in the order the kubelet starts them. */
  public static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

  private Workloads() {}

  /** A pod spec inside a workload; {@code pointer} points at the pod spec. */
  public record PodSpec(Resource owner, String pointer, JsonNode spec) {

    /** The pod template's metadata pointer ({@code /metadata} for a bare Pod). */
    public String metadataPointer() {
      return pointer.substring(0, pointer.length() - "/spec".length()) + "/metadata";
    }

    public JsonNode labels() {
      return owner.object().at(metadataPointer() + "/labels");
    }

    public JsonNode annotations() {
      return owner.object().at(metadataPointer() + "/annotations");
    }

    /** Jobs and CronJobs run to completion; everything else is long-running. */
    public boolean runsToCompletion() {
      String k = owner.kind();
      return "Job".equals(k) || "CronJob".equals(k)
          || ("Pod".equals(k) && !spec.path("restartPolicy").asText("Always").equals("Always"));
    }

    public List<Container> containers() {
      List<Container> out = new ArrayList<>();
      for (String list : CONTAINER_LISTS) {
        JsonNode arr = spec.path(list);
        for (int i = 0; i < Nodes.elements(arr); i++) {
          if (arr.get(i).isObject()) {
            out.add(new Container(this, list, i, arr.get(i)));
          }
        }
      }
      return out;
    }

    public String at(String... segments) {
      return Pointers.join(pointer, (Object[]) segments);
    }
  }

  /** One container of a pod spec; {@code list} is containers, initContainers or ephemeralContainers. */
  public record Container(PodSpec pod, String list, int index, JsonNode node) {

    public String name() {
      return node.path("name").asText("#" + index);
    }

    public String pointer() {
      return Pointers.join(pod.pointer(), list, index);
    }

    public String at(String... segments) {
      return Pointers.join(pointer(), (Object[]) segments);
    }

    /** Runs for the pod's lifetime: app containers and sidecars (init containers restarted Always). */
    public boolean longRunning() {
      if (pod.runsToCompletion()) {
        return false;
      }
      return list.equals("containers")
          || (list.equals("initContainers") && node.path("restartPolicy").asText().equals("Always"));
    }

    /** {@code init container "migrate"} / {@code container "api"}, as printed in messages. */
    public String describe() {
      String what = switch (list) {
        case "initContainers" -> "init container";
        case "ephemeralContainers" -> "ephemeral container";
        default -> "container";
      };
      return what + " \"" + name() + "\"";
    }
  }

  public static boolean isWorkload(Resource r) {
    return r.kind() != null && POD_SPEC.containsKey(r.kind()) && isWorkloadGroup(r.group());
  }

  private static boolean isWorkloadGroup(String group) {
    return group.isEmpty() || group.equals("apps") || group.equals("batch") || group.equals("extensions");
  }

  /** The pod spec of a workload, or null for other kinds or a workload without one. */
  public static PodSpec podSpec(Resource r) {
    if (!isWorkload(r)) {
      return null;
    }
    String p = POD_SPEC.get(r.kind());
    JsonNode spec = r.object().at(p);
    return spec.isObject() ? new PodSpec(r, p, spec) : null;
  }

  public static List<PodSpec> podSpecs(List<Resource> resources) {
    List<PodSpec> out = new ArrayList<>();
    for (Resource r : resources) {
      PodSpec s = podSpec(r);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }
}
