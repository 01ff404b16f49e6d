package io.todo.validator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.load.Manifests;
import io.todo.validator.model.Resource;
import io.todo.validator.schema.CrdIndex;
import io.todo.validator.schema.SchemaBundle;
import io.todo.validator.schema.SchemaExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validator schema-export}: the built-in schemas in kubeconform's local layout. */
@Command(
    name = "schema-export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Write the JSON schemas of one Kubernetes version (built-in kinds, the bundled Argo CD and Sealed",
      "Secrets CRDs, and any --crd) in kubeconform's layout, strict and non-strict:",
      "  OUT/v1.NN.0-standalone[-strict]/KIND[-GROUP]-VERSION.json",
      "so that `kubeconform -schema-location OUT` validates against exactly the validator's schemas."
    })
public final class SchemaExportCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--kubernetes-version", paramLabel = "1.NN", description = "Version to export (default: the newest).")
  String kubernetesVersion;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write (created if absent).")
  Path out;

  @Option(names = "--crd", paramLabel = "FILE|DIR", description = "More CustomResourceDefinitions to export (repeatable).")
  List<Path> crds = new ArrayList<>();

  @Override
  public Integer call() {
    SchemaBundle bundle = SchemaBundle.builtin();
    String version = kubernetesVersion == null ? bundle.newestVersion() : kubernetesVersion;
    List<JsonNode> all = new ArrayList<>(bundle.crds());
    for (Path p : crds) {
      Path abs = parent.cwd().resolve(p).normalize();
      List<Resource> loaded = Files.isDirectory(abs)
          ? new Manifests().readDirectory(abs, p.toString())
          : new Manifests().readFile(abs, p.toString());
      loaded.stream().map(Resource::object).filter(CrdIndex::isCrd).forEach(all::add);
    }
    Path dir = parent.cwd().resolve(out).normalize();
    SchemaExporter.Result r = new SchemaExporter(bundle).export(version, all, dir);
    spec.commandLine().getOut().printf("%d kinds of Kubernetes %s written to %s (%d files)%n", r.kinds(), version, out, r.files());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
