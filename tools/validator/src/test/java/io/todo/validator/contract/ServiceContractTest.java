package io.todo.validator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The contract is read strictly; every mistake is reported at its file:line:col. */
class ServiceContractTest {
  private static final Path DIR = Path.of("src/test/resources/contract");

  @Test
  void readsTheModel() {
    ServiceContract c = ServiceContract.read(DIR.resolve("contract.yaml"), "contract.yaml");
    assertThat(c.services()).extracting(ServiceContract.Service::name).containsExactly("web", "db");
    ServiceContract.Service web = c.service("web");
    assertThat(web.port()).isEqualTo(8080);
    assertThat(web.probes().get("readiness").describe()).isEqualTo("GET /ready");
    assertThat(web.config()).extracting(ServiceContract.Variable::name).containsExactly("LOG_LEVEL", "API_URL");
    assertThat(web.secrets()).extracting(ServiceContract.Variable::example).containsOnlyNulls();
    assertThat(c.service("db").probes().get("readiness").describe()).isEqualTo("exec pg_isready");
    assertThat(c.externalSecrets()).containsExactly("vault-token");
  }

  /** bad/NAME.yaml must fail with exactly bad/NAME.txt (the diagnostic, exit code 2). */
  @TestFactory
  Stream<DynamicTest> rejectsBadContracts() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR.resolve("bad"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    return files.stream().map(f -> dynamicTest(f.getFileName().toString(), () -> {
      String name = f.getFileName().toString();
      ValidatorException e = catchThrowableOfType(() -> ServiceContract.read(f, name), ValidatorException.class);
      assertThat(e).as("no error for " + name).isNotNull();
      assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
      Path expected = f.resolveSibling(name.replace(".yaml", ".txt"));
      assertThat(e.diagnostic()).isEqualTo(Files.readString(expected).strip());
    }));
  }
}
