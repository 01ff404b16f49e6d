package io.todo.validator.cli;

import io.todo.validator.schema.SchemaBundle;
import picocli.CommandLine.IVersionProvider;

/** Version of the jar (from its manifest) and the Kubernetes versions it knows. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "validator " + (v == null ? "dev" : v),
      "kustomize compatibility: v5.8.1 (as bundled by Argo CD 3.3.1+)",
      "Kubernetes schemas: " + String.join(", ", SchemaBundle.builtin().kubernetesVersions()),
      "Java " + System.getProperty("java.version")
    };
  }
}
