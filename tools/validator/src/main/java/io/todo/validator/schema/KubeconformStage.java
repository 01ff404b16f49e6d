package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.model.Severity;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.pipeline.Stage;
import io.todo.validator.pipeline.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --engine kubeconform}: the schema stage run by an installed kubeconform binary on the
 * rendered stream, against our own schemas exported in its layout (plus any --schema-location).
 * Its JSON output is mapped back to our findings, fields and source locations.
 */
public final class KubeconformStage implements Stage {
  /** kubeconform's nested messages: {@code - at '/spec/replicas': got string, want integer}. */
  private static final Pattern AT = Pattern.compile("- at '([^']*)': (.*?)(?=\\s+- at '|$)", Pattern.DOTALL);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SchemaOptions options;
  private final Path binary;

  public KubeconformStage(SchemaOptions options, Path binary) {
    this.options = options;
    this.binary = binary;
  }

  /** The kubeconform to run: $VALIDATOR_KUBECONFORM, a .tools/bin/ above the working directory, or PATH. */
  public static Path locate(Path cwd, String env, String pathVariable) {
    List<Path> tried = new ArrayList<>();
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      if (Files.isExecutable(p)) {
        return p;
      }
      tried.add(p);
    }
    for (Path dir = cwd.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(".tools/bin/kubeconform");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    if (pathVariable != null) {
      for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubeconform"))) {
          return Path.of(dir, "kubeconform");
        }
      }
    }
    throw new ValidatorException(ExitCodes.USAGE, "--engine kubeconform: no kubeconform binary found"
        + (tried.isEmpty() ? "" : " (VALIDATOR_KUBECONFORM=" + tried.get(0) + " is not executable)")
        + "; install it with tools/scripts/install-peers.sh kubeconform, put it on PATH or set VALIDATOR_KUBECONFORM");
  }

  @Override
  public List<Finding> check(Target target, List<Resource> resources) {
    String version = target.kubernetesVersion() != null
        ? target.kubernetesVersion() : SchemaBundle.builtin().newestVersion();
    Path work = null;
    try {
      work = Files.createTempDirectory("validator-kubeconform");
      Path schemas = work.resolve("schemas");
      List<JsonNode> crds = new ArrayList<>(SchemaBundle.builtin().crds());
      resources.stream().map(Resource::object).filter(CrdIndex::isCrd).forEach(crds::add);
      new SchemaExporter(SchemaBundle.builtin()).export(version, crds, schemas);
      Path docs = Files.createDirectories(work.resolve("resources"));
      for (int i = 0; i < resources.size(); i++) {
        // one file per resource: kubeconform reports the file name, which gives back the index
        Files.write(docs.resolve(String.format("%06d.json", i)), MAPPER.writeValueAsBytes(resources.get(i).object()));
      }
      JsonNode report = run(command(version, schemas, docs), work);
      return findings(report, resources);
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.INTERNAL, null, "--engine kubeconform: " + e.getClass().getSimpleName(), e);
    } finally {
      deleteQuietly(work);
    }
  }

  private List<String> command(String version, Path schemas, Path docs) {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-output", "json", "-summary=false",
        "-kubernetes-version", SchemaLocations.normalizedVersion(version).substring(1)));
    if (options.strict()) {
      cmd.add("-strict");
    }
    if (options.ignoreMissingSchemas()) {
      cmd.add("-ignore-missing-schemas");
    }
    if (!options.skip().isEmpty()) {
      cmd.addAll(List.of("-skip", String.join(",", options.skip())));
    }
    if (!options.reject().isEmpty()) {
      cmd.addAll(List.of("-reject", String.join(",", options.reject())));
    }
    List<SchemaLocations.Location> locations = options.schemaLocations().isEmpty()
        ? List.of(new SchemaLocations.Location(true, null))
        : SchemaLocations.parse(options.schemaLocations(), options.cwd());
    for (SchemaLocations.Location l : locations) {
      cmd.addAll(List.of("-schema-location", l.builtin() ? schemas.toString() : l.template()));
    }
    cmd.add(docs.toString());
    return cmd;
  }

  private static JsonNode run(List<String> cmd, Path work) throws IOException {
    Path out = work.resolve("out.json");
    Path err = work.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new ValidatorException(ExitCodes.INTERNAL, "--engine kubeconform: kubeconform did not finish in 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new ValidatorException(ExitCodes.INTERNAL, "--engine kubeconform: interrupted");
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    try {
      JsonNode report = MAPPER.readTree(text);
      if (report != null && report.has("resources")) {
        return report;
      }
    } catch (IOException e) {
      // falls through to the diagnostic below
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
    throw new ValidatorException(ExitCodes.USAGE, "--engine kubeconform: kubeconform exited with " + p.exitValue()
        + " and no JSON report" + (stderr.isEmpty() ? "" : ": " + stderr.lines().findFirst().orElse("")));
  }

  static List<Finding> findings(JsonNode report, List<Resource> resources) {
    List<Finding> out = new ArrayList<>();
    for (JsonNode r : report.path("resources")) {
      String status = r.path("status").asText();
      if (!status.equals("statusInvalid") && !status.equals("statusError")) {
        continue;
      }
      Resource res = resource(r.path("filename").asText(), resources);
      if (res == null) {
        continue;
      }
      String msg = r.path("msg").asText();
      Matcher m = AT.matcher(msg);
      boolean any = false;
      while (m.find()) {
        String detail = m.group(2).strip();
        if (detail.equals("validation failed")) {
          continue; // a parent of more precise errors
        }
        FieldPath path = fieldPath(m.group(1), res.object());
        for (SchemaMessages.Problem p : translate(path, detail)) {
          out.add(new Finding(Severity.ERROR, SchemaStage.RULE, res.ref(), p.path().field(), p.message(),
              res.locate(p.path().pointer())));
        }
        any = true;
      }
      if (!any) {
        out.add(new Finding(Severity.ERROR, SchemaStage.RULE, res.ref(), "kind", "kubeconform: " + msg,
            res.locate("/kind")));
      }
    }
    out.sort(Comparator.comparing(Finding::resource).thenComparing(Finding::field).thenComparing(Finding::message));
    return out;
  }

  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  /**
   * kubeconform's wording in ours where the meaning is the same: an unknown field points at the
   * field itself, a missing one names it; "null or" comes from the exported schemas' null
   * allowance, which the API server applies to every field.
   */
  static List<SchemaMessages.Problem> translate(FieldPath path, String detail) {
    List<SchemaMessages.Problem> out = new ArrayList<>();
    if (detail.startsWith("additional properties ") && detail.endsWith(" not allowed")) {
      Matcher q = QUOTED.matcher(detail);
      while (q.find()) {
        out.add(new SchemaMessages.Problem(path.child(q.group(1)), "unknown field \"" + q.group(1) + "\""));
      }
    } else if (detail.startsWith("missing propert")) {
      Matcher q = QUOTED.matcher(detail);
      while (q.find()) {
        out.add(new SchemaMessages.Problem(path, "missing required field \"" + q.group(1) + "\""));
      }
    }
    if (out.isEmpty()) {
      out.add(new SchemaMessages.Problem(path, detail.replace("want null or ", "want ")));
    }
    return out;
  }

  private static Resource resource(String filename, List<Resource> resources) {
    String name = Path.of(filename).getFileName().toString();
    try {
      int i = Integer.parseInt(name.substring(0, name.indexOf('.')));
      return i >= 0 && i < resources.size() ? resources.get(i) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A JSON pointer from kubeconform, with indexes told apart from keys by the object itself. */
  static FieldPath fieldPath(String pointer, JsonNode object) {
    FieldPath path = FieldPath.root();
    JsonNode at = object;
    if (pointer.isEmpty() || pointer.equals("/")) {
      return path;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String seg = raw.replace("~1", "/").replace("~0", "~");
      if (at != null && at.isArray() && seg.matches("\\d+")) {
        int i = Integer.parseInt(seg);
        path = path.child(i);
        at = at.get(i);
      } else {
        path = path.child(seg);
        at = at == null ? null : at.get(seg);
      }
    }
    return path;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
