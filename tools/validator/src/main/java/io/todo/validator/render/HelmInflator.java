package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.Manifests;
import io.todo.validator.load.ScalarSchema;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLimits;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Inflates local charts as kustomize's HelmChartInflationGenerator does: {@code helm version
 * --short} (v3 or v4), the chart from chartHome (never pulled: no network), the values file
 * prepared in a temporary directory, {@code helm template} with kustomize's arguments and
 * HELM_CONFIG_HOME / HELM_CACHE_HOME / HELM_DATA_HOME, and every object marked helm-generated.
 * helm runs without a shell, with a timeout, and its temporary directory is always removed.
 */
final class HelmInflator {
  /** Set on every inflated object; the namespace transformer skips such objects; stripped from the output. */
  static final String HELM_GENERATED = "internal.config.kubernetes.io/helm-generated";
  private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)+");
  private static final int MAX_STDERR = 4000;
  /** helm binaries whose version was accepted, so that a build with many charts probes once. */
  private static final Map<String, Boolean> PROBED = new ConcurrentHashMap<>();

  private final HelmSettings settings;
  private final String executable;

  private HelmInflator(HelmSettings settings, String executable) {
    this.settings = settings;
    this.executable = executable;
  }

  /**
   * The configure step: each chart's arguments are checked before any chart runs, and a helm
   * binary must exist (kustomize: "must specify --enable-helm"). A chart that is not local is
   * refused first, so that the error does not depend on whether helm is installed.
   */
  static List<HelmChart> configure(Kustomization k, Loader loader, String rootNamespace, HelmSettings settings,
      Path repository) {
    List<HelmChart> out = new ArrayList<>();
    for (HelmChart c : HelmChart.of(k, rootNamespace, settings)) {
      HelmChart v = c.validated(loader);
      checkChartDir(v, loader, repository);
      out.add(v);
    }
    if (!out.isEmpty() && settings.executable() == null) {
      String field = k.items("helmCharts").isEmpty() ? "helmChartInflationGenerator" : "helmCharts";
      throw ValidatorException.input(out.get(0).where(), field + " needs helm, and no helm binary was found:"
          + " install helm (v3 or v4) on PATH or set " + HelmSettings.COMMAND_ENV + " to its path, as"
          + " `kustomize build --enable-helm` needs it (Argo CD inflates charts only with kustomize.buildOptions:"
          + " --enable-helm)");
    }
    return out;
  }

  /** Runs one configured chart; the objects come back in helm's order. */
  static List<Res> inflate(HelmChart chart, Loader loader, HelmSettings settings) {
    return new HelmInflator(settings, settings.executable()).run(chart, loader);
  }

  private List<Res> run(HelmChart chart, Loader loader) {
    Location where = chart.where();
    Path tmp;
    try {
      tmp = Files.createTempDirectory("kustomize-helm-");
    } catch (IOException e) {
      throw ValidatorException.input(where, "cannot create a temporary directory for helm: " + e.getMessage());
    }
    try {
      String configHome = chart.configHome().isEmpty() ? tmp.resolve("helm").toString() : chart.configHome();
      checkVersion(where, tmp, configHome);
      byte[] values = values(chart, loader);
      // kustomize's file name, kept inside the temporary directory whatever the chart name holds
      Path valuesFile = tmp.resolve(chart.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-kustomize-values.yaml");
      try {
        Files.write(valuesFile, values);
      } catch (IOException e) {
        throw ValidatorException.input(where, "failed to write values file: " + e.getClass().getSimpleName());
      }
      List<String> args = chart.templateArgs(chart.absChartHome(loader), valuesFile.toString());
      byte[] out = helm(args, where, tmp, configHome, "helm template of chart '" + chart.name() + "'");
      return resources(chart, out);
    } finally {
      delete(tmp);
    }
  }

  /** checkHelmVersion: kustomize accepts helm v3 and v4 only. */
  private void checkVersion(Location where, Path tmp, String configHome) {
    if (PROBED.containsKey(executable)) {
      return;
    }
    String out = new String(helm(List.of("version", "--short"), where, tmp, configHome, "helm version --short"),
        StandardCharsets.UTF_8);
    Matcher m = VERSION.matcher(out);
    if (!m.find()) {
      throw ValidatorException.input(where, "cannot find version string in " + out.strip());
    }
    String v = m.group().startsWith("v") ? m.group().substring(1) : m.group();
    String major = v.split("\\.")[0];
    if (!major.equals("3") && !major.equals("4")) {
      throw ValidatorException.input(where, "helm v3 or v4 is required (as kustomize requires it), but "
          + executable + " is v" + v);
    }
    PROBED.put(executable, true);
  }

  /** The local chart; a missing one is an error, since pulling it would need the network. */
  private static void checkChartDir(HelmChart chart, Loader loader, Path repository) {
    Location where = chart.where();
    Path dir = Path.of(chart.absChartHome(loader), chart.name());
    String shown = BuildMetadata.join(chart.home(), chart.name());
    if (!Files.isDirectory(dir)) {
      throw ValidatorException.input(where, chart.repo().isEmpty()
          ? "no chart found at '" + shown + "' and no repo specified for pull: the chart must be a local"
              + " directory under chartHome (" + chart.home() + ")"
          : "chart '" + chart.name() + "' is not at '" + shown + "': remote charts are not supported (no network);"
              + " pull it there once (helm pull --untar --untardir " + chart.home() + ") and commit it");
    }
    Path real = KustTarget.realPath(dir, where);
    if (repository != null && !real.startsWith(repository)) {
      throw ValidatorException.input(where, "security; chart directory '" + shown + "' is outside the repository");
    }
  }

  /** The values for helm: the values file (restricted to the kustomization root) merged with valuesInline. */
  private static byte[] values(HelmChart chart, Loader loader) {
    boolean inline = chart.valuesInline() != null && !chart.valuesInline().isEmpty();
    byte[] file = null;
    if (!inline || !chart.valuesMerge().equals("replace")) {
      String path = chart.valuesPath();
      try {
        file = loader.load(path, chart.where());
      } catch (ValidatorException e) {
        throw ValidatorException.input(chart.where(), "values file of chart '" + chart.name() + "': "
            + e.getMessage());
      }
    }
    try {
      return HelmValues.prepare(file, chart.valuesInline(), chart.valuesMerge());
    } catch (RenderException e) {
      throw ValidatorException.input(chart.where(), "chart '" + chart.name() + "': " + e.getMessage());
    }
  }

  /** Runs helm with kustomize's environment; its standard output, or an error with its standard error. */
  private byte[] helm(List<String> args, Location where, Path tmp, String configHome, String what) {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(settings.effectiveEnvironment());
    pb.environment().put("HELM_CONFIG_HOME", configHome);
    pb.environment().put("HELM_CACHE_HOME", configHome + "/.cache");
    pb.environment().put("HELM_DATA_HOME", configHome + "/.data");
    Path stdout = tmp.resolve(".stdout");
    Path stderr = tmp.resolve(".stderr");
    pb.redirectOutput(stdout.toFile());
    pb.redirectError(stderr.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw ValidatorException.input(where, "cannot run helm '" + executable + "' (from " + settings.source() + "): "
          + e.getMessage() + "; install helm on PATH or set " + HelmSettings.COMMAND_ENV);
    }
    try {
      p.getOutputStream().close();
      if (!p.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        throw ValidatorException.input(where, what + " did not finish within " + settings.timeout().toSeconds()
            + "s");
      }
      if (p.exitValue() != 0) {
        String err = Files.readString(stderr, StandardCharsets.UTF_8).strip().replace(tmp.toString(), "<tmp>");
        if (err.length() > MAX_STDERR) {
          err = err.substring(0, MAX_STDERR) + "...";
        }
        throw ValidatorException.input(where, what + " failed (exit " + p.exitValue() + ")"
            + (err.isEmpty() ? "" : ": " + err));
      }
      long size = Files.size(stdout);
      if (size > YamlLimits.DEFAULT.maxFileBytes()) {
        throw ValidatorException.input(where, what + " printed " + size + " bytes, more than the "
            + YamlLimits.DEFAULT.maxFileBytes() + " a file may have");
      }
      return Files.readAllBytes(stdout);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw ValidatorException.input(where, what + " was interrupted");
    } catch (IOException e) {
      throw ValidatorException.input(where, what + ": cannot read its output: " + e.getMessage());
    }
  }

  /** helm's output as resources (as a resource file is read), each marked helm-generated, located at the entry. */
  private static List<Res> resources(HelmChart chart, byte[] out) {
    Location where = chart.where();
    String shown = "helm template output of chart '" + chart.name() + "'";
    List<Resource> rs;
    try {
      List<YamlDocument> docs = new YamlLoader(ScalarSchema.CORE_1_2, YamlLimits.DEFAULT).load(out, shown);
      rs = Manifests.toResources(docs);
      rs.forEach(KustTarget::checkResource);
    } catch (ValidatorException e) {
      List<ValidatorException> all = new ArrayList<>();
      for (ValidatorException one : e.all()) {
        Location l = one.location();
        String at = l == null || l.line() <= 0 ? "" : " (line " + l.line() + ")";
        all.add(ValidatorException.input(where, shown + at + ": " + one.getMessage()));
      }
      throw ValidatorException.all(all);
    }
    List<Res> result = new ArrayList<>();
    for (Resource r : rs) {
      SourceMap origins = new SourceMap();
      origins.put("", where); // the user edits the chart entry or its values, not helm's output
      Res res = new Res(r.object(), origins);
      JsonNode a = res.obj.path("metadata").get("annotations");
      ObjectNode annotations;
      if (a == null || a.isNull()) {
        annotations = res.metadata().putObject("annotations");
      } else if (a.isObject()) {
        annotations = (ObjectNode) a;
      } else {
        throw ValidatorException.input(where, "failed to set helm annotation on " + res.curId()
            + ": metadata.annotations is not a mapping");
      }
      annotations.put(HELM_GENERATED, "true");
      result.add(res);
    }
    return result;
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort, as kustomize's os.RemoveAll
    }
  }
}
