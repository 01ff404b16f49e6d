package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.util.ArrayList;
import java.util.List;

/**
 * One helmCharts entry as kustomize v5.8.1 configures its HelmChartInflationGenerator
 * (api/types/helmchartargs.go, api/internal/builtins/HelmChartInflationGenerator.go Config and
 * validateArgs): globals applied, defaults filled in, the deprecated helmChartInflationGenerator
 * entries converted, and the namespace chosen by the 5.8.1 rules.
 */
record HelmChart(
    Location where,
    String chartHome,
    String configHome,
    String name,
    String version,
    String repo,
    String releaseName,
    String namespace,
    List<String> additionalValuesFiles,
    String valuesFile,
    ObjectNode valuesInline,
    String valuesMerge,
    boolean includeCrds,
    boolean skipHooks,
    List<String> apiVersions,
    String kubeVersion,
    String nameTemplate,
    boolean skipTests,
    boolean debug,
    boolean devel) {

  static final String DEFAULT_HOME = "charts";
  static final List<String> MERGE_OPTIONS = List.of("merge", "override", "replace");

  /**
   * The charts of a kustomization, in kustomize's order: helmCharts, then the converted
   * helmChartInflationGenerator entries. {@code rootNamespace} is the nearest including
   * kustomization's namespace (kustomize's helmRootNamespace), used when neither the chart nor
   * this kustomization sets one.
   */
  static List<HelmChart> of(Kustomization k, String rootNamespace, HelmSettings settings) {
    List<HelmChart> out = new ArrayList<>();
    JsonNode globals = k.root.get("helmGlobals");
    boolean hasGlobals = globals != null && !globals.isNull();
    String chartHome = hasGlobals ? text(globals, "chartHome") : "";
    String configHome = hasGlobals ? text(globals, "configHome") : "";
    if (!hasGlobals) {
      // SplitHelmParameters: the last non-empty value of the deprecated entries wins
      for (Kustomization.Item old : k.items("helmChartInflationGenerator")) {
        chartHome = old.string("chartHome").isEmpty() ? chartHome : old.string("chartHome");
        configHome = old.string("helmHome").isEmpty() ? configHome : old.string("helmHome");
      }
    }
    String ns = k.string("namespace").isEmpty() ? rootNamespace : k.string("namespace");
    for (String field : List.of("helmCharts", "helmChartInflationGenerator")) {
      JsonNode list = k.root.path(field);
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).isNull()) { // decodes to an empty chart
          throw ValidatorException.input(k.at("/" + field + "/" + i), "chart name cannot be empty");
        }
      }
    }
    for (Kustomization.Item c : k.items("helmCharts")) {
      JsonNode n = c.node();
      out.add(new HelmChart(k.at(c.pointer()), chartHome, configHome, c.string("name"), c.string("version"),
          c.string("repo"), c.string("releaseName"), c.string("namespace").isEmpty() ? ns : c.string("namespace"),
          strings(n.get("additionalValuesFiles")), c.string("valuesFile"), object(n.get("valuesInline")),
          c.string("valuesMerge"), c.bool("includeCRDs"), c.bool("skipHooks"),
          orDefault(strings(n.get("apiVersions")), settings.apiVersions()),
          c.string("kubeVersion").isEmpty() ? settings.kubeVersion() : c.string("kubeVersion"),
          c.string("nameTemplate"), c.bool("skipTests"), c.bool("debug"), c.bool("devel")));
    }
    for (Kustomization.Item c : k.items("helmChartInflationGenerator")) {
      // makeHelmChartFromHca keeps only these fields; releaseNamespace, extraArgs and helmBin are dropped
      out.add(new HelmChart(k.at(c.pointer()), chartHome, configHome, c.string("chartName"),
          c.string("chartVersion"), c.string("chartRepoUrl"), c.string("releaseName"), ns, List.of(),
          c.string("values"), object(c.node().get("valuesLocal")), c.string("valuesMerge"), false, false,
          settings.apiVersions(), settings.kubeVersion(), "", false, false, false));
    }
    return out;
  }

  /** validateArgs: the checks kustomize makes when it configures the generator, before any chart runs. */
  HelmChart validated(Loader loader) {
    if (name.isEmpty()) {
      throw ValidatorException.input(where, "chart name cannot be empty");
    }
    if (!valuesMerge.isEmpty() && !MERGE_OPTIONS.contains(valuesMerge)) {
      throw ValidatorException.input(where, "valuesMerge must be one of " + "[merge override replace]"
          + ", not \"" + valuesMerge + "\"");
    }
    List<String> extra = new ArrayList<>();
    for (String f : additionalValuesFiles) {
      try {
        loader.checked(f, where);
      } catch (ValidatorException e) {
        throw ValidatorException.input(where, "could not load additionalValuesFile: " + e.getMessage());
      }
      extra.add(BuildMetadata.join(loader.root.toAbsolutePath().toString(), f));
    }
    return new HelmChart(where, chartHome.isEmpty() ? DEFAULT_HOME : chartHome, configHome, name, version, repo,
        releaseName, namespace, extra, valuesFile, valuesInline, valuesMerge.isEmpty() ? "override" : valuesMerge,
        includeCrds, skipHooks, apiVersions, kubeVersion, nameTemplate, skipTests, debug, devel);
  }

  /**
   * The chart home as written (relative to the kustomization root unless absolute); with version
   * and repo, kustomize looks in a versioned subdirectory.
   */
  String home() {
    return !version.isEmpty() && !repo.isEmpty() ? BuildMetadata.join(chartHome, name + "-" + version)
        : BuildMetadata.join(chartHome, "");
  }

  String absChartHome(Loader loader) {
    return home().startsWith("/") ? home() : BuildMetadata.join(loader.root.toAbsolutePath().toString(), home());
  }

  /** The values file kustomize reads, relative to the root: valuesFile, else the chart's values.yaml. */
  String valuesPath() {
    return valuesFile.isEmpty() ? BuildMetadata.join(home(), name + "/values.yaml") : valuesFile;
  }

  /** The arguments of {@code helm template}, in kustomize's order (HelmChart.AsHelmArgs). */
  List<String> templateArgs(String absChartHome, String values) {
    List<String> args = new ArrayList<>();
    args.add("template");
    if (!releaseName.isEmpty()) {
      args.add(releaseName);
    } else {
      args.add("--generate-name");
    }
    args.add(BuildMetadata.join(absChartHome, name));
    if (!namespace.isEmpty()) {
      args.add("--namespace");
      args.add(namespace);
    }
    if (!nameTemplate.isEmpty()) {
      args.add("--name-template");
      args.add(nameTemplate);
    }
    if (values != null && !values.isEmpty()) {
      args.add("-f");
      args.add(values);
    }
    for (String f : additionalValuesFiles) {
      args.add("-f");
      args.add(f);
    }
    for (String v : apiVersions) {
      args.add("--api-versions");
      args.add(v);
    }
    if (!kubeVersion.isEmpty()) {
      args.add("--kube-version");
      args.add(kubeVersion);
    }
    flag(args, includeCrds, "--include-crds");
    flag(args, skipTests, "--skip-tests");
    flag(args, skipHooks, "--no-hooks");
    flag(args, debug, "--debug");
    flag(args, devel, "--devel");
    return args;
  }

  private static void flag(List<String> args, boolean on, String flag) {
    if (on) {
      args.add(flag);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(v -> out.add(v.isNull() ? "" : v.asText()));
    }
    return out;
  }

  private static List<String> orDefault(List<String> own, List<String> fallback) {
    // Config sets the CLI value first, then decodes the entry over it: a chart's own list wins
    return own.isEmpty() ? fallback : own;
  }

  private static ObjectNode object(JsonNode n) {
    return n != null && n.isObject() ? (ObjectNode) n : null;
  }
}
