package io.todo.validator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validator contract docs [--check]} in a throw-away repository. */
class ContractCommandTest {
  @TempDir Path repo;

  private void init() throws Exception {
    Files.writeString(repo.resolve("validator.yaml"), "overlays: []\npolicies: policies\n");
    Files.createDirectories(repo.resolve("policies"));
    Files.copy(Path.of("src/test/resources/contract/contract.yaml"), repo.resolve("policies/service-contract.yaml"));
  }

  @Test
  void writesThenChecks() throws Exception {
    init();
    CliRunner.Result check = CliRunner.runIn(repo, "contract", "docs", "--check");
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("docs/service-contract.md: out of date", "docs/env/web.env.example: out of date");
    assertThat(repo.resolve("docs")).doesNotExist();

    CliRunner.Result write = CliRunner.runIn(repo, "contract", "docs");
    assertThat(write.exitCode()).as(write.err()).isZero();
    assertThat(write.out()).contains("wrote docs/service-contract.md", "wrote docs/env/db.env.example");
    assertThat(Files.readString(repo.resolve("docs/env/web.env.example")))
        .contains("LOG_LEVEL=INFO\n", "DATABASE_URL=\n", "TOKEN=\n", "# Logging level.\n");
    assertThat(Files.readString(repo.resolve("docs/service-contract.md")))
        .contains("| [web](#web) | Deployment | 8080 | dev, prod | `GET /health` | `GET /health` | `GET /ready` |",
            "| [db](#db) | StatefulSet | 5432 | dev | — | — | `exec pg_isready` |", "CONTRACT-005");

    CliRunner.Result again = CliRunner.runIn(repo, "contract", "docs", "--check");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEmpty();
  }

  @Test
  void removesExamplesOfServicesThatLeftTheContract() throws Exception {
    init();
    Files.createDirectories(repo.resolve("docs/env"));
    Files.writeString(repo.resolve("docs/env/old.env.example"), "X=\n");
    assertThat(CliRunner.runIn(repo, "contract", "docs", "--check").out()).contains("docs/env/old.env.example: not in the contract");
    assertThat(CliRunner.runIn(repo, "contract", "docs").out()).contains("removed docs/env/old.env.example");
    assertThat(repo.resolve("docs/env/old.env.example")).doesNotExist();
  }

  @Test
  void badContractIsAnInputErrorWithoutStackTrace() throws Exception {
    init();
    Files.writeString(repo.resolve("policies/service-contract.yaml"), "services:\n  web:\n    port: 1\n");
    CliRunner.Result r = CliRunner.runIn(repo, "contract", "docs");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("policies/service-contract.yaml:").doesNotContain("Exception", "\tat ");
  }

  @Test
  void noRepositoryIsAUsageError() {
    CliRunner.Result r = CliRunner.runIn(repo, "contract", "docs");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no validator.yaml");
  }
}
