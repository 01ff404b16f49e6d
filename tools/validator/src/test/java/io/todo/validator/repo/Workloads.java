package io.todo.validator.repo;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Resource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers over rendered resources: workloads, their pod specs, their containers, quantities. */
final class Workloads {
  private static final Pattern QUANTITY = Pattern.compile("([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?");
  private static final Map<String, BigDecimal> SUFFIX = Map.of(
      "m", new BigDecimal("0.001"),
      "k", BigDecimal.valueOf(1000L),
      "M", BigDecimal.valueOf(1000_000L),
      "G", BigDecimal.valueOf(1000_000_000L),
      "T", BigDecimal.valueOf(1000_000_000_000L),
      "Ki", BigDecimal.valueOf(1L << 10),
      "Mi", BigDecimal.valueOf(1L << 20),
      "Gi", BigDecimal.valueOf(1L << 30),
      "Ti", BigDecimal.valueOf(1L << 40));

  private Workloads() {}

  static boolean isWorkload(Resource r) {
    return r.group().equals("apps") && (r.kind().equals("Deployment") || r.kind().equals("StatefulSet"));
  }

  static List<Resource> of(List<Resource> all) {
    return all.stream().filter(Workloads::isWorkload).toList();
  }

  static List<Resource> ofKind(List<Resource> all, String kind) {
    return all.stream().filter(r -> r.kind().equals(kind)).toList();
  }

  static Optional<Resource> find(List<Resource> all, String kind, String name) {
    return all.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst();
  }

  static JsonNode podSpec(Resource workload) {
    return workload.object().path("spec").path("template").path("spec");
  }

  /** Containers and init containers. */
  static List<JsonNode> containers(Resource workload) {
    List<JsonNode> list = new ArrayList<>();
    podSpec(workload).path("containers").forEach(list::add);
    podSpec(workload).path("initContainers").forEach(list::add);
    return list;
  }

  /** A Kubernetes quantity in base units (cores, bytes). */
  static BigDecimal quantity(String s) {
    Matcher m = QUANTITY.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a quantity this test understands: " + s);
    }
    BigDecimal v = new BigDecimal(m.group(1));
    return m.group(2) == null ? v : v.multiply(SUFFIX.get(m.group(2)));
  }

  /** The pod's effective request: the sum over containers, or the largest init container if larger. */
  static BigDecimal podRequest(Resource workload, String resource) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode c : podSpec(workload).path("containers")) {
      sum = sum.add(request(c, resource));
    }
    for (JsonNode c : podSpec(workload).path("initContainers")) {
      sum = sum.max(request(c, resource));
    }
    return sum;
  }

  private static BigDecimal request(JsonNode container, String resource) {
    JsonNode q = container.path("resources").path("requests").path(resource);
    return q.isMissingNode() ? BigDecimal.ZERO : quantity(q.asText());
  }

  /** The HPA that scales this workload, if any. */
  static Optional<Resource> hpaFor(List<Resource> all, Resource workload) {
    return all.stream()
        .filter(r -> r.kind().equals("HorizontalPodAutoscaler"))
        .filter(r -> r.object().path("spec").path("scaleTargetRef").path("kind").asText().equals(workload.kind())
            && r.object().path("spec").path("scaleTargetRef").path("name").asText().equals(workload.name()))
        .findFirst();
  }

  /** Does the label selector (matchLabels only, as this repository uses) select these labels? */
  static boolean selects(JsonNode matchLabels, JsonNode labels) {
    if (!matchLabels.isObject() || matchLabels.isEmpty()) {
      return false;
    }
    var it = matchLabels.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!labels.path(e.getKey()).asText("\0").equals(e.getValue().asText())) {
        return false;
      }
    }
    return true;
  }
}
