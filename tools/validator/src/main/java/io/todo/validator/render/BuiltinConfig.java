package io.todo.validator.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize's built-in transformer configurations (api/internal/konfig/builtinpluginconsts): which
 * fields each transformer touches. Rows are {@code group|version|kind|path|create}.
 */
final class BuiltinConfig {
  private BuiltinConfig() {}

  /** commonLabels and labels with includeSelectors: metadata, templates and selectors. */
  static final List<FieldSpec> COMMON_LABELS = specs(
      "|v1|Service|spec/selector|true",
      "|v1|ReplicationController|spec/selector|true",
      "||Deployment|spec/selector/matchLabels|true",
      "apps||Deployment|spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels|false",
      "apps||Deployment|spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels|false",
      "apps||Deployment|spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels|false",
      "apps||Deployment|spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels|false",
      "apps||Deployment|spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels|false",
      "||ReplicaSet|spec/selector/matchLabels|true",
      "||DaemonSet|spec/selector/matchLabels|true",
      "apps||StatefulSet|spec/selector/matchLabels|true",
      "apps||StatefulSet|spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels|false",
      "apps||StatefulSet|spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels|false",
      "apps||StatefulSet|spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels|false",
      "apps||StatefulSet|spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels|false",
      "apps||StatefulSet|spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels|false",
      "batch||Job|spec/selector/matchLabels|false",
      "batch||CronJob|spec/jobTemplate/spec/selector/matchLabels|false",
      "policy||PodDisruptionBudget|spec/selector/matchLabels|false",
      "networking.k8s.io||NetworkPolicy|spec/podSelector/matchLabels|false",
      "networking.k8s.io||NetworkPolicy|spec/ingress/from/podSelector/matchLabels|false",
      "networking.k8s.io||NetworkPolicy|spec/egress/to/podSelector/matchLabels|false",
      "|||metadata/labels|true",
      "|v1|ReplicationController|spec/template/metadata/labels|true",
      "||Deployment|spec/template/metadata/labels|true",
      "||ReplicaSet|spec/template/metadata/labels|true",
      "||DaemonSet|spec/template/metadata/labels|true",
      "apps||StatefulSet|spec/template/metadata/labels|true",
      "apps||StatefulSet|spec/volumeClaimTemplates[]/metadata/labels|true",
      "batch||Job|spec/template/metadata/labels|true",
      "batch||CronJob|spec/jobTemplate/metadata/labels|true",
      "batch||CronJob|spec/jobTemplate/spec/template/metadata/labels|true"
  );

  /** metadata labels of pod templates (labels with includeTemplates). */
  static final List<FieldSpec> TEMPLATE_LABELS =
      COMMON_LABELS.stream().filter(f -> f.path().endsWith("metadata/labels")).distinct().toList();

  static final List<FieldSpec> COMMON_ANNOTATIONS = specs(
      "|||metadata/annotations|true",
      "|v1|ReplicationController|spec/template/metadata/annotations|true",
      "||Deployment|spec/template/metadata/annotations|true",
      "||ReplicaSet|spec/template/metadata/annotations|true",
      "||DaemonSet|spec/template/metadata/annotations|true",
      "||StatefulSet|spec/template/metadata/annotations|true",
      "batch||Job|spec/template/metadata/annotations|true",
      "batch||CronJob|spec/jobTemplate/metadata/annotations|true",
      "batch||CronJob|spec/jobTemplate/spec/template/metadata/annotations|true");

  /** Namespace transformer fields besides metadata/namespace and role binding subjects. */
  static final List<FieldSpec> NAMESPACE = specs(
      "||Namespace|metadata/name|true",
      "apiregistration.k8s.io||APIService|spec/service/namespace|true",
      "apiextensions.k8s.io||CustomResourceDefinition|spec/conversion/webhook/clientConfig/service/namespace|false");

  static final List<FieldSpec> IMAGES = specs(
      "|||spec/containers[]/image|true",
      "|||spec/initContainers[]/image|true",
      "|||spec/volumes[]/image/reference|true",
      "|||spec/template/spec/containers[]/image|true",
      "|||spec/template/spec/initContainers[]/image|true",
      "|||spec/template/spec/volumes[]/image/reference|true");

  static final List<FieldSpec> REPLICAS = specs(
      "||Deployment|spec/replicas|true",
      "||ReplicationController|spec/replicas|true",
      "||ReplicaSet|spec/replicas|true",
      "||StatefulSet|spec/replicas|true");

  /** Fields where vars ($(NAME)) are substituted (varReference). */
  static final List<FieldSpec> VAR_REFERENCE = specs(
      "||CronJob|spec/jobTemplate/spec/template/spec/containers/args|false",
      "||CronJob|spec/jobTemplate/spec/template/spec/containers/command|false",
      "||CronJob|spec/jobTemplate/spec/template/spec/containers/env/value|false",
      "||CronJob|spec/jobTemplate/spec/template/spec/containers/volumeMounts/mountPath|false",
      "||CronJob|spec/jobTemplate/spec/template/spec/initContainers/args|false",
      "||CronJob|spec/jobTemplate/spec/template/spec/initContainers/command|false",
      "||CronJob|spec/jobTemplate/spec/template/spec/initContainers/env/value|false",
      "||CronJob|spec/jobTemplate/spec/template/spec/initContainers/volumeMounts/mountPath|false",
      "||CronJob|spec/jobTemplate/spec/template/volumes/nfs/server|false",
      "||DaemonSet|spec/template/spec/containers/args|false",
      "||DaemonSet|spec/template/spec/containers/command|false",
      "||DaemonSet|spec/template/spec/containers/env/value|false",
      "||DaemonSet|spec/template/spec/containers/volumeMounts/mountPath|false",
      "||DaemonSet|spec/template/spec/initContainers/args|false",
      "||DaemonSet|spec/template/spec/initContainers/command|false",
      "||DaemonSet|spec/template/spec/initContainers/env/value|false",
      "||DaemonSet|spec/template/spec/initContainers/volumeMounts/mountPath|false",
      "||DaemonSet|spec/template/spec/volumes/nfs/server|false",
      "||Deployment|spec/template/spec/containers/args|false",
      "||Deployment|spec/template/spec/containers/command|false",
      "||Deployment|spec/template/spec/containers/env/value|false",
      "||Deployment|spec/template/spec/containers/volumeMounts/mountPath|false",
      "||Deployment|spec/template/spec/initContainers/args|false",
      "||Deployment|spec/template/spec/initContainers/command|false",
      "||Deployment|spec/template/spec/initContainers/env/value|false",
      "||Deployment|spec/template/spec/initContainers/volumeMounts/mountPath|false",
      "||Deployment|spec/template/spec/volumes/nfs/server|false",
      "||Deployment|spec/template/metadata/annotations|false",
      "||Ingress|spec/rules/host|false",
      "||Ingress|spec/tls/hosts|false",
      "||Ingress|spec/tls/secretName|false",
      "||Job|spec/template/spec/containers/args|false",
      "||Job|spec/template/spec/containers/command|false",
      "||Job|spec/template/spec/containers/env/value|false",
      "||Job|spec/template/spec/containers/volumeMounts/mountPath|false",
      "||Job|spec/template/spec/initContainers/args|false",
      "||Job|spec/template/spec/initContainers/command|false",
      "||Job|spec/template/spec/initContainers/env/value|false",
      "||Job|spec/template/spec/initContainers/volumeMounts/mountPath|false",
      "||Job|spec/template/spec/volumes/nfs/server|false",
      "||Pod|spec/containers/args|false",
      "||Pod|spec/containers/command|false",
      "||Pod|spec/containers/env/value|false",
      "||Pod|spec/containers/volumeMounts/mountPath|false",
      "||Pod|spec/initContainers/args|false",
      "||Pod|spec/initContainers/command|false",
      "||Pod|spec/initContainers/env/value|false",
      "||Pod|spec/initContainers/volumeMounts/mountPath|false",
      "||Pod|spec/volumes/nfs/server|false",
      "||ReplicaSet|spec/template/spec/containers/args|false",
      "||ReplicaSet|spec/template/spec/containers/command|false",
      "||ReplicaSet|spec/template/spec/containers/env/value|false",
      "||ReplicaSet|spec/template/spec/containers/volumeMounts/mountPath|false",
      "||ReplicaSet|spec/template/spec/initContainers/args|false",
      "||ReplicaSet|spec/template/spec/initContainers/command|false",
      "||ReplicaSet|spec/template/spec/initContainers/env/value|false",
      "||ReplicaSet|spec/template/spec/initContainers/volumeMounts/mountPath|false",
      "||ReplicaSet|spec/template/spec/volumes/nfs/server|false",
      "||Service|spec/ports/port|false",
      "||Service|spec/ports/targetPort|false",
      "||StatefulSet|spec/template/spec/containers/args|false",
      "||StatefulSet|spec/template/spec/containers/command|false",
      "||StatefulSet|spec/template/spec/containers/env/value|false",
      "||StatefulSet|spec/template/spec/containers/volumeMounts/mountPath|false",
      "||StatefulSet|spec/template/spec/initContainers/args|false",
      "||StatefulSet|spec/template/spec/initContainers/command|false",
      "||StatefulSet|spec/template/spec/initContainers/env/value|false",
      "||StatefulSet|spec/template/spec/initContainers/volumeMounts/mountPath|false",
      "||StatefulSet|spec/volumeClaimTemplates/spec/nfs/server|false",
      "||PersistentVolume|spec/nfs/server|false",
      "|||metadata/labels|false",
      "|||metadata/annotations|false");

  /** A referral target kind and the fields of other kinds that name it. */
  record NameRef(String group, String version, String kind, List<FieldSpec> referrers) {}

  static final List<NameRef> NAME_REFERENCES = nameRefs(
      "||Deployment => ||HorizontalPodAutoscaler|spec/scaleTargetRef/name",
      "||ReplicationController => ||HorizontalPodAutoscaler|spec/scaleTargetRef/name",
      "||ReplicaSet => ||HorizontalPodAutoscaler|spec/scaleTargetRef/name",
      "||StatefulSet => ||HorizontalPodAutoscaler|spec/scaleTargetRef/name",
      "|v1|ConfigMap => |v1|Pod|spec/volumes/configMap/name",
      "|v1|ConfigMap => |v1|Pod|spec/containers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => |v1|Pod|spec/initContainers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => |v1|Pod|spec/containers/envFrom/configMapRef/name",
      "|v1|ConfigMap => |v1|Pod|spec/initContainers/envFrom/configMapRef/name",
      "|v1|ConfigMap => |v1|Pod|spec/volumes/projected/sources/configMap/name",
      "|v1|ConfigMap => ||PodTemplate|template/spec/volumes/configMap/name",
      "|v1|ConfigMap => ||PodTemplate|template/spec/containers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||PodTemplate|template/spec/initContainers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||PodTemplate|template/spec/containers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||PodTemplate|template/spec/initContainers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||PodTemplate|template/spec/volumes/projected/sources/configMap/name",
      "|v1|ConfigMap => ||Deployment|spec/template/spec/volumes/configMap/name",
      "|v1|ConfigMap => ||Deployment|spec/template/spec/containers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||Deployment|spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||Deployment|spec/template/spec/containers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||Deployment|spec/template/spec/initContainers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||Deployment|spec/template/spec/volumes/projected/sources/configMap/name",
      "|v1|ConfigMap => ||ReplicaSet|spec/template/spec/volumes/configMap/name",
      "|v1|ConfigMap => ||ReplicaSet|spec/template/spec/containers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||ReplicaSet|spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||ReplicaSet|spec/template/spec/containers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||ReplicaSet|spec/template/spec/initContainers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||ReplicaSet|spec/template/spec/volumes/projected/sources/configMap/name",
      "|v1|ConfigMap => ||DaemonSet|spec/template/spec/volumes/configMap/name",
      "|v1|ConfigMap => ||DaemonSet|spec/template/spec/containers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||DaemonSet|spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||DaemonSet|spec/template/spec/containers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||DaemonSet|spec/template/spec/initContainers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||DaemonSet|spec/template/spec/volumes/projected/sources/configMap/name",
      "|v1|ConfigMap => ||StatefulSet|spec/template/spec/volumes/configMap/name",
      "|v1|ConfigMap => ||StatefulSet|spec/template/spec/containers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||StatefulSet|spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||StatefulSet|spec/template/spec/containers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||StatefulSet|spec/template/spec/initContainers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||StatefulSet|spec/template/spec/volumes/projected/sources/configMap/name",
      "|v1|ConfigMap => ||Job|spec/template/spec/volumes/configMap/name",
      "|v1|ConfigMap => ||Job|spec/template/spec/containers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||Job|spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||Job|spec/template/spec/containers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||Job|spec/template/spec/initContainers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||Job|spec/template/spec/volumes/projected/sources/configMap/name",
      "|v1|ConfigMap => ||CronJob|spec/jobTemplate/spec/template/spec/volumes/configMap/name",
      "|v1|ConfigMap => ||CronJob|spec/jobTemplate/spec/template/spec/volumes/projected/sources/configMap/name",
      "|v1|ConfigMap => ||CronJob|spec/jobTemplate/spec/template/spec/containers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||CronJob|spec/jobTemplate/spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name",
      "|v1|ConfigMap => ||CronJob|spec/jobTemplate/spec/template/spec/containers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||CronJob|spec/jobTemplate/spec/template/spec/initContainers/envFrom/configMapRef/name",
      "|v1|ConfigMap => ||Node|spec/configSource/configMap",
      "|v1|ConfigMap => ||Role|rules/resourceNames",
      "|v1|ConfigMap => ||ClusterRole|rules/resourceNames",
      "|v1|ConfigMap => ||Ingress|metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap",
      "|v1|Secret => |v1|Pod|spec/volumes/secret/secretName",
      "|v1|Secret => |v1|Pod|spec/containers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => |v1|Pod|spec/initContainers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => |v1|Pod|spec/containers/envFrom/secretRef/name",
      "|v1|Secret => |v1|Pod|spec/initContainers/envFrom/secretRef/name",
      "|v1|Secret => |v1|Pod|spec/imagePullSecrets/name",
      "|v1|Secret => |v1|Pod|spec/volumes/projected/sources/secret/name",
      "|v1|Secret => ||PodTemplate|template/spec/volumes/secret/secretName",
      "|v1|Secret => ||PodTemplate|template/spec/containers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||PodTemplate|template/spec/initContainers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||PodTemplate|template/spec/containers/envFrom/secretRef/name",
      "|v1|Secret => ||PodTemplate|template/spec/initContainers/envFrom/secretRef/name",
      "|v1|Secret => ||PodTemplate|template/spec/imagePullSecrets/name",
      "|v1|Secret => ||PodTemplate|template/spec/volumes/projected/sources/secret/name",
      "|v1|Secret => ||Deployment|spec/template/spec/volumes/secret/secretName",
      "|v1|Secret => ||Deployment|spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||Deployment|spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||Deployment|spec/template/spec/containers/envFrom/secretRef/name",
      "|v1|Secret => ||Deployment|spec/template/spec/initContainers/envFrom/secretRef/name",
      "|v1|Secret => ||Deployment|spec/template/spec/imagePullSecrets/name",
      "|v1|Secret => ||Deployment|spec/template/spec/volumes/projected/sources/secret/name",
      "|v1|Secret => ||ReplicaSet|spec/template/spec/volumes/secret/secretName",
      "|v1|Secret => ||ReplicaSet|spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||ReplicaSet|spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||ReplicaSet|spec/template/spec/containers/envFrom/secretRef/name",
      "|v1|Secret => ||ReplicaSet|spec/template/spec/initContainers/envFrom/secretRef/name",
      "|v1|Secret => ||ReplicaSet|spec/template/spec/imagePullSecrets/name",
      "|v1|Secret => ||ReplicaSet|spec/template/spec/volumes/projected/sources/secret/name",
      "|v1|Secret => ||DaemonSet|spec/template/spec/volumes/secret/secretName",
      "|v1|Secret => ||DaemonSet|spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||DaemonSet|spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||DaemonSet|spec/template/spec/containers/envFrom/secretRef/name",
      "|v1|Secret => ||DaemonSet|spec/template/spec/initContainers/envFrom/secretRef/name",
      "|v1|Secret => ||DaemonSet|spec/template/spec/imagePullSecrets/name",
      "|v1|Secret => ||DaemonSet|spec/template/spec/volumes/projected/sources/secret/name",
      "|v1|Secret => ||StatefulSet|spec/template/spec/volumes/secret/secretName",
      "|v1|Secret => ||StatefulSet|spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||StatefulSet|spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||StatefulSet|spec/template/spec/containers/envFrom/secretRef/name",
      "|v1|Secret => ||StatefulSet|spec/template/spec/initContainers/envFrom/secretRef/name",
      "|v1|Secret => ||StatefulSet|spec/template/spec/imagePullSecrets/name",
      "|v1|Secret => ||StatefulSet|spec/template/spec/volumes/projected/sources/secret/name",
      "|v1|Secret => ||Job|spec/template/spec/volumes/secret/secretName",
      "|v1|Secret => ||Job|spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||Job|spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||Job|spec/template/spec/containers/envFrom/secretRef/name",
      "|v1|Secret => ||Job|spec/template/spec/initContainers/envFrom/secretRef/name",
      "|v1|Secret => ||Job|spec/template/spec/imagePullSecrets/name",
      "|v1|Secret => ||Job|spec/template/spec/volumes/projected/sources/secret/name",
      "|v1|Secret => ||CronJob|spec/jobTemplate/spec/template/spec/volumes/secret/secretName",
      "|v1|Secret => ||CronJob|spec/jobTemplate/spec/template/spec/volumes/projected/sources/secret/name",
      "|v1|Secret => ||CronJob|spec/jobTemplate/spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||CronJob|spec/jobTemplate/spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||CronJob|spec/jobTemplate/spec/template/spec/containers/envFrom/secretRef/name",
      "|v1|Secret => ||CronJob|spec/jobTemplate/spec/template/spec/initContainers/envFrom/secretRef/name",
      "|v1|Secret => ||CronJob|spec/jobTemplate/spec/template/spec/imagePullSecrets/name",
      "|v1|Secret => ||Ingress|spec/tls/secretName",
      "|v1|Secret => ||Ingress|metadata/annotations/ingress.kubernetes.io\\/auth-secret",
      "|v1|Secret => ||Ingress|metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret",
      "|v1|Secret => ||Ingress|metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret",
      "|v1|Secret => ||Ingress|spec/tls/secretName",
      "|v1|Secret => ||ServiceAccount|imagePullSecrets/name",
      "|v1|Secret => ||StorageClass|parameters/secretName",
      "|v1|Secret => ||StorageClass|parameters/adminSecretName",
      "|v1|Secret => ||StorageClass|parameters/userSecretName",
      "|v1|Secret => ||StorageClass|parameters/secretRef",
      "|v1|Secret => ||Role|rules/resourceNames",
      "|v1|Secret => ||ClusterRole|rules/resourceNames",
      "|v1|Secret => serving.knative.dev|v1|Service|spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
      "|v1|Secret => ||PersistentVolume|spec/azureFile/secretName",
      "|v1|Service => apps||StatefulSet|spec/serviceName",
      "|v1|Service => ||Ingress|spec/rules/http/paths/backend/serviceName",
      "|v1|Service => ||Ingress|spec/backend/serviceName",
      "|v1|Service => ||Ingress|spec/rules/http/paths/backend/service/name",
      "|v1|Service => ||Ingress|spec/defaultBackend/service/name",
      "|v1|Service => apiregistration.k8s.io||APIService|spec/service/name",
      "|v1|Service => admissionregistration.k8s.io||ValidatingWebhookConfiguration|webhooks/clientConfig/service",
      "|v1|Service => admissionregistration.k8s.io||MutatingWebhookConfiguration|webhooks/clientConfig/service",
      "rbac.authorization.k8s.io||Role => rbac.authorization.k8s.io||RoleBinding|roleRef/name",
      "rbac.authorization.k8s.io||ClusterRole => rbac.authorization.k8s.io||RoleBinding|roleRef/name",
      "rbac.authorization.k8s.io||ClusterRole => rbac.authorization.k8s.io||ClusterRoleBinding|roleRef/name",
      "|v1|ServiceAccount => rbac.authorization.k8s.io||RoleBinding|subjects",
      "|v1|ServiceAccount => rbac.authorization.k8s.io||ClusterRoleBinding|subjects",
      "|v1|ServiceAccount => ||Pod|spec/serviceAccountName",
      "|v1|ServiceAccount => ||StatefulSet|spec/template/spec/serviceAccountName",
      "|v1|ServiceAccount => ||Deployment|spec/template/spec/serviceAccountName",
      "|v1|ServiceAccount => ||ReplicationController|spec/template/spec/serviceAccountName",
      "|v1|ServiceAccount => ||CronJob|spec/jobTemplate/spec/template/spec/serviceAccountName",
      "|v1|ServiceAccount => ||Job|spec/template/spec/serviceAccountName",
      "|v1|ServiceAccount => ||DaemonSet|spec/template/spec/serviceAccountName",
      "|v1|PersistentVolumeClaim => ||Pod|spec/volumes/persistentVolumeClaim/claimName",
      "|v1|PersistentVolumeClaim => ||StatefulSet|spec/template/spec/volumes/persistentVolumeClaim/claimName",
      "|v1|PersistentVolumeClaim => ||Deployment|spec/template/spec/volumes/persistentVolumeClaim/claimName",
      "|v1|PersistentVolumeClaim => ||ReplicationController|spec/template/spec/volumes/persistentVolumeClaim/claimName",
      "|v1|PersistentVolumeClaim => ||CronJob|spec/jobTemplate/spec/template/spec/volumes/persistentVolumeClaim/claimName",
      "|v1|PersistentVolumeClaim => ||Job|spec/template/spec/volumes/persistentVolumeClaim/claimName",
      "|v1|PersistentVolumeClaim => ||DaemonSet|spec/template/spec/volumes/persistentVolumeClaim/claimName",
      "|v1|PersistentVolume => ||PersistentVolumeClaim|spec/volumeName",
      "|v1|PersistentVolume => ||ClusterRole|rules/resourceNames",
      "storage.k8s.io|v1|StorageClass => ||PersistentVolume|spec/storageClassName",
      "storage.k8s.io|v1|StorageClass => ||PersistentVolumeClaim|spec/storageClassName",
      "storage.k8s.io|v1|StorageClass => ||StatefulSet|spec/volumeClaimTemplates/spec/storageClassName",
      "scheduling.k8s.io|v1|PriorityClass => ||Pod|spec/priorityClassName",
      "scheduling.k8s.io|v1|PriorityClass => ||StatefulSet|spec/template/spec/priorityClassName",
      "scheduling.k8s.io|v1|PriorityClass => ||Deployment|spec/template/spec/priorityClassName",
      "scheduling.k8s.io|v1|PriorityClass => ||ReplicationController|spec/template/spec/priorityClassName",
      "scheduling.k8s.io|v1|PriorityClass => ||CronJob|spec/jobTemplate/spec/template/spec/priorityClassName",
      "scheduling.k8s.io|v1|PriorityClass => ||Job|spec/template/spec/priorityClassName",
      "scheduling.k8s.io|v1|PriorityClass => ||DaemonSet|spec/template/spec/priorityClassName",
      "networking.k8s.io/v1|v1|IngressClass => ||Ingress|spec/ingressClassName",
      "admissionregistration.k8s.io||ValidatingAdmissionPolicy => admissionregistration.k8s.io||ValidatingAdmissionPolicyBinding|spec/policyName"
  );

  private static List<FieldSpec> specs(String... rows) {
    List<FieldSpec> out = new ArrayList<>();
    for (String r : rows) {
      String[] p = r.split("\\|", -1);
      out.add(FieldSpec.of(p[0], p[1], p[2], p[3], Boolean.parseBoolean(p[4])));
    }
    return List.copyOf(out);
  }

  private static List<NameRef> nameRefs(String... rows) {
    Map<String, List<FieldSpec>> byTarget = new LinkedHashMap<>();
    for (String r : rows) {
      int arrow = r.indexOf(" => "); // not split(" => "): a regex compiled for each of ~300 rows
      String[] f = r.substring(arrow + 4).split("\\|", -1);
      byTarget.computeIfAbsent(r.substring(0, arrow), k -> new ArrayList<>()).add(FieldSpec.of(f[0], f[1], f[2], f[3], false));
    }
    List<NameRef> out = new ArrayList<>();
    byTarget.forEach((t, fs) -> {
      String[] g = t.split("\\|", -1);
      out.add(new NameRef(g[0], g[1], g[2], List.copyOf(fs)));
    });
    return List.copyOf(out);
  }
}
