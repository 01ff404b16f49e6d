package io.todo.validator.hook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart's files and values are inputs of the overlay that inflates it (affected, diff, the hook). */
class OverlayInputsHelmTest {
  @TempDir Path repo;

  private Path write(String rel, String text) throws Exception {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p.toAbsolutePath().normalize();
  }

  @Test
  void chartsAndValuesAreInputs() throws Exception {
    write("app/kustomization.yaml", """
        helmGlobals: {chartHome: vendor}
        helmCharts:
        - name: web
          valuesFile: values/web.yaml
          additionalValuesFiles: [values/extra.yaml]
        - name: db
          repo: https://charts.example.com
          version: 1.2.3
        """);
    Path template = write("app/vendor/web/templates/deployment.yaml", "kind: Deployment\n");
    Path chart = write("app/vendor/web/Chart.yaml", "name: web\n");
    Path db = write("app/vendor/db-1.2.3/db/values.yaml", "a: 1\n");
    Path unrelated = write("app/vendor/other/Chart.yaml", "name: other\n");
    Set<Path> in = new OverlayInputs().of(repo.resolve("app"));
    assertThat(in).contains(template, chart, db, repo.resolve("app/values/web.yaml").toAbsolutePath().normalize(),
        repo.resolve("app/values/extra.yaml").toAbsolutePath().normalize()).doesNotContain(unrelated);
  }

  @Test
  void deprecatedGeneratorChartsAreInputs() throws Exception {
    write("app/kustomization.yaml", "helmChartInflationGenerator:\n- chartName: web\n  chartHome: third_party\n");
    Path template = write("app/third_party/web/templates/cm.yaml", "kind: ConfigMap\n");
    assertThat(new OverlayInputs().of(repo.resolve("app"))).contains(template);
  }
}
