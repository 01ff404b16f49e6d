package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the renderer needs from the Kubernetes schema, and nothing else: the patch strategies and
 * merge keys kustomize merges with (kyaml's built-in Kubernetes v1.21.2 schema), taken from the
 * newest shared/ schema and pruned to the paths that lead to one (which types are cluster-scoped
 * is kyaml's fixed table, in {@link ResId}). Derived at build time ({@link #generate}) so that a
 * cold render reads a few kilobytes; nothing of kyaml's schema is copied into the project.
 *
 * <p>Layout: {@code {"version": "1.36 as kyaml v1.21.2", "kinds": {"group/version/Kind": definitionName},
 * "definitions": {definitionName: prunedDefinition}}}.
 */
public final class RenderTable {
  public static final String RESOURCE = "/io/todo/validator/render/k8s-render-table.json";

  private static final String STRATEGY = "x-kubernetes-patch-strategy";
  /** The schema keys a strategic merge reads (see {@link MergeSchema}). */
  private static final List<String> MERGE_KEYS =
      List.of(STRATEGY, "x-kubernetes-patch-merge-key", "x-kubernetes-list-map-keys");

  private static volatile RenderTable loaded;

  private final JsonNode root;

  private RenderTable(JsonNode root) {
    this.root = root;
  }

  /** The table shipped in the jar, read once. */
  static RenderTable get() {
    RenderTable t = loaded;
    if (t == null) {
      synchronized (RenderTable.class) {
        if (loaded == null) {
          loaded = read();
        }
        t = loaded;
      }
    }
    return t;
  }

  private static RenderTable read() {
    try (InputStream in = RenderTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the renderer's schema table is missing from the jar");
      }
      return new RenderTable(JsonTree.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the renderer's schema table", e);
    }
  }

  /** The pruned definition of a built-in kind, or null when it has no merge keys anywhere. */
  JsonNode kind(String group, String version, String kind) {
    JsonNode name = root.path("kinds").get(group + "/" + version + "/" + kind);
    return name == null ? null : definition(name.asText());
  }

  JsonNode definition(String name) {
    return root.path("definitions").get(name);
  }

  /**
   * The patch strategies kustomize v5.8.1 knows: those of kyaml's built-in schema (Kubernetes
   * v1.21.2, the only one kustomize merges with, whatever the cluster version) that the newest
   * shared/ schema still has, as definition#property. Strategies Kubernetes added later
   * (PodSpec#schedulingGates, #resourceClaims, admission policies' matchConditions and variables,
   * ...) are not among them: kustomize replaces those lists. RenderTableTest checks this set
   * against kyaml's own schema (tools/scripts/kyaml-openapi.sh prints it).
   */
  static final Set<String> KYAML_STRATEGIES = Set.of(
      "io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration#webhooks",
      "io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration#webhooks",
      "io.k8s.api.apps.v1.DaemonSetStatus#conditions", "io.k8s.api.apps.v1.DeploymentSpec#strategy",
      "io.k8s.api.apps.v1.DeploymentStatus#conditions", "io.k8s.api.apps.v1.ReplicaSetStatus#conditions",
      "io.k8s.api.apps.v1.StatefulSetStatus#conditions", "io.k8s.api.batch.v1.JobStatus#conditions",
      "io.k8s.api.core.v1.ComponentStatus#conditions", "io.k8s.api.core.v1.Container#env",
      "io.k8s.api.core.v1.Container#ports", "io.k8s.api.core.v1.Container#volumeDevices",
      "io.k8s.api.core.v1.Container#volumeMounts", "io.k8s.api.core.v1.EphemeralContainer#env",
      "io.k8s.api.core.v1.EphemeralContainer#volumeDevices",
      "io.k8s.api.core.v1.EphemeralContainer#volumeMounts", "io.k8s.api.core.v1.NamespaceStatus#conditions",
      "io.k8s.api.core.v1.NodeSpec#podCIDRs", "io.k8s.api.core.v1.NodeStatus#addresses",
      "io.k8s.api.core.v1.NodeStatus#conditions", "io.k8s.api.core.v1.PersistentVolumeClaimStatus#conditions",
      "io.k8s.api.core.v1.PodSpec#containers", "io.k8s.api.core.v1.PodSpec#ephemeralContainers",
      "io.k8s.api.core.v1.PodSpec#hostAliases", "io.k8s.api.core.v1.PodSpec#imagePullSecrets",
      "io.k8s.api.core.v1.PodSpec#initContainers", "io.k8s.api.core.v1.PodSpec#topologySpreadConstraints",
      "io.k8s.api.core.v1.PodSpec#volumes", "io.k8s.api.core.v1.PodStatus#conditions",
      "io.k8s.api.core.v1.PodStatus#podIPs", "io.k8s.api.core.v1.ReplicationControllerStatus#conditions",
      "io.k8s.api.core.v1.ServiceAccount#secrets", "io.k8s.api.core.v1.ServiceSpec#ports",
      "io.k8s.api.core.v1.ServiceStatus#conditions", "io.k8s.api.policy.v1.PodDisruptionBudgetSpec#selector",
      "io.k8s.api.policy.v1.PodDisruptionBudgetStatus#conditions", "io.k8s.api.storage.v1.CSINodeSpec#drivers",
      "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta#finalizers",
      "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta#ownerReferences",
      "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceStatus#conditions");

  /** Of those, the ones kyaml also gives x-kubernetes-list-map-keys (elsewhere it has only the merge key). */
  static final Set<String> KYAML_LIST_MAP_KEYS = Set.of(
      "io.k8s.api.core.v1.Container#ports", "io.k8s.api.core.v1.PodSpec#topologySpreadConstraints",
      "io.k8s.api.core.v1.ServiceSpec#ports", "io.k8s.api.core.v1.ServiceStatus#conditions",
      "io.k8s.api.policy.v1.PodDisruptionBudgetStatus#conditions",
      "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceStatus#conditions");

  /**
   * Kinds kyaml still knows that Kubernetes has since removed, each merged as the kind that replaced
   * it (RenderTableTest checks that kyaml gives both the same strategies).
   */
  static final Map<String, String> KYAML_ALIASES = aliases(
      "admissionregistration.k8s.io/v1beta1", "admissionregistration.k8s.io/v1",
      "MutatingWebhookConfiguration MutatingWebhookConfigurationList ValidatingWebhookConfiguration"
          + " ValidatingWebhookConfigurationList",
      "apiextensions.k8s.io/v1beta1", "apiextensions.k8s.io/v1", "CustomResourceDefinition CustomResourceDefinitionList",
      "apiregistration.k8s.io/v1beta1", "apiregistration.k8s.io/v1", "APIService APIServiceList",
      "authentication.k8s.io/v1beta1", "authentication.k8s.io/v1", "TokenReview",
      "authorization.k8s.io/v1beta1", "authorization.k8s.io/v1",
      "LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview",
      "autoscaling/v2beta2", "autoscaling/v2", "HorizontalPodAutoscaler HorizontalPodAutoscalerList",
      "batch/v1beta1", "batch/v1", "CronJob CronJobList",
      "certificates.k8s.io/v1beta1", "certificates.k8s.io/v1", "CertificateSigningRequest CertificateSigningRequestList",
      "coordination.k8s.io/v1beta1", "coordination.k8s.io/v1", "Lease LeaseList",
      "discovery.k8s.io/v1beta1", "discovery.k8s.io/v1", "EndpointSlice EndpointSliceList",
      "events.k8s.io/v1beta1", "events.k8s.io/v1", "Event EventList",
      "extensions/v1beta1", "networking.k8s.io/v1", "Ingress IngressList",
      "flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1",
      "FlowSchema FlowSchemaList PriorityLevelConfiguration PriorityLevelConfigurationList",
      "networking.k8s.io/v1beta1", "networking.k8s.io/v1", "Ingress IngressList IngressClass IngressClassList",
      "node.k8s.io/v1beta1", "node.k8s.io/v1", "RuntimeClass RuntimeClassList",
      "policy/v1beta1", "policy/v1", "Eviction PodDisruptionBudget PodDisruptionBudgetList",
      "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1",
      "ClusterRole ClusterRoleBinding ClusterRoleBindingList ClusterRoleList Role RoleBinding RoleBindingList RoleList",
      "scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1", "PriorityClass PriorityClassList",
      "storage.k8s.io/v1beta1", "storage.k8s.io/v1",
      "CSIDriver CSIDriverList CSINode CSINodeList CSIStorageCapacity CSIStorageCapacityList StorageClass"
          + " StorageClassList VolumeAttachment VolumeAttachmentList");

  private static Map<String, String> aliases(String... triples) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < triples.length; i += 3) {
      for (String kind : triples[i + 2].split(" ")) {
        out.put(gvk(triples[i], kind), gvk(triples[i + 1], kind));
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static String gvk(String apiVersion, String kind) {
    return (apiVersion.contains("/") ? apiVersion : "/" + apiVersion) + "/" + kind;
  }

  /**
   * Derives the table from the schema bundle's root (layout in {@code SchemaBundle}): the newest
   * version's definitions keep only properties, items, {@code $ref}s and the patch extensions kyaml
   * knows ({@link #KYAML_STRATEGIES}) on a path to one; the others are dropped (for a merge, "no
   * schema" and "a schema without strategies" are the same thing). Removed kinds kyaml still knows
   * are added as their replacements ({@link #KYAML_ALIASES}).
   */
  public static byte[] generate(JsonNode bundle) throws IOException {
    List<String> versions = new ArrayList<>();
    bundle.path("versions").fieldNames().forEachRemaining(versions::add);
    versions.sort(io.todo.validator.schema.SchemaBundle::compareVersions);
    String newest = versions.get(versions.size() - 1);
    Map<String, JsonNode> defs = new TreeMap<>();
    bundle.path("versions").path(newest).fields()
        .forEachRemaining(e -> defs.put(e.getKey(), bundle.path("definitions").get(e.getValue().asText())));
    // definitions that lead to a patch strategy, to a fixed point (definitions refer to each other)
    Set<String> relevant = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, JsonNode> e : defs.entrySet()) {
        if (!relevant.contains(e.getKey()) && prune(e.getKey(), e.getValue(), relevant) != null) {
          relevant.add(e.getKey());
          changed = true;
        }
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode out = mapper.createObjectNode();
    out.put("version", newest + " as kyaml v1.21.2");
    ObjectNode kinds = out.putObject("kinds");
    ObjectNode prunedDefs = out.putObject("definitions");
    Map<String, String> kindIndex = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : defs.entrySet()) {
      if (!relevant.contains(e.getKey())) {
        continue;
      }
      prunedDefs.set(e.getKey(), prune(e.getKey(), e.getValue(), relevant));
      for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
        // the same GVK can appear on several definitions; the first by name wins, as in SchemaBundle
        kindIndex.putIfAbsent(gvk.path("group").asText() + "/" + gvk.path("version").asText() + "/"
            + gvk.path("kind").asText(), e.getKey());
      }
    }
    KYAML_ALIASES.forEach((old, current) -> {
      String def = kindIndex.get(current);
      if (def != null) {
        kindIndex.putIfAbsent(old, def);
      }
    });
    kindIndex.forEach(kinds::put);
    return mapper.writeValueAsBytes(out);
  }

  /** The definition without what a merge never reads, or null when nothing is left. */
  private static JsonNode prune(String definition, JsonNode node, Set<String> relevant) {
    return prune(node, relevant, definition, null);
  }

  /** {@code owner} is the definition whose property {@code property} this node is (else null). */
  private static JsonNode prune(JsonNode node, Set<String> relevant, String owner, String property) {
    if (node == null || !node.isObject()) {
      return null;
    }
    ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    String key = owner + "#" + property;
    if (node.has(STRATEGY) && property != null && KYAML_STRATEGIES.contains(key)) {
      for (String k : MERGE_KEYS) {
        if (node.has(k) && (!k.equals("x-kubernetes-list-map-keys") || KYAML_LIST_MAP_KEYS.contains(key))) {
          out.set(k, node.get(k));
        }
      }
    }
    ObjectNode props = out.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode pruned = prune(p.getValue(), relevant, property == null ? owner : null, p.getKey());
      if (pruned != null) {
        props.set(p.getKey(), pruned);
      }
    }
    if (!props.isEmpty()) {
      out.set("properties", props);
    }
    JsonNode items = prune(node.get("items"), relevant, null, null);
    if (items != null) {
      out.set("items", items);
    }
    JsonNode ref = node.get("$ref");
    if (ref != null && relevant.contains(ref.asText().replaceFirst("^#/definitions/", ""))) {
      out.set("$ref", ref);
    }
    return out.isEmpty() ? null : out;
  }
}
