package io.todo.validator.load;

/**
 * How plain scalars are typed. Kustomize reads resources with yaml.v3 (YAML 1.2 core schema) but
 * kustomization files through sigs.k8s.io/yaml (yaml.v2, YAML 1.1: yes/no/on/off are booleans).
 */
public enum ScalarSchema {
  CORE_1_2,
  YAML_1_1
}
