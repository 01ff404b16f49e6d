package io.todo.validator.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.todo.validator.contract.ContractDocs;
import io.todo.validator.contract.ContractStage;
import io.todo.validator.contract.ServiceContract;
import io.todo.validator.model.Finding;
import io.todo.validator.pipeline.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The repository's service contract, its generated documents and its overlays agree. */
class RepoContractTest {
  private static final ServiceContract CONTRACT = ServiceContract.read(
      RepoFixture.ROOT.resolve("policies").resolve(ServiceContract.FILE_NAME), "policies/service-contract.yaml");

  @Test
  void committedDocsAreCurrent() throws Exception {
    for (Map.Entry<String, String> e : ContractDocs.render(CONTRACT).entrySet()) {
      Path file = RepoFixture.ROOT.resolve(e.getKey());
      assertThat(file).as(e.getKey() + " (run `validator contract docs`)").exists();
      assertThat(Files.readString(file)).as(e.getKey() + " is out of date: run `validator contract docs`").isEqualTo(e.getValue());
    }
  }

  @Test
  void everyEnvironmentOfTheContractHasAnOverlay() {
    for (ServiceContract.Service s : CONTRACT.services()) {
      assertThat(RepoFixture.overlayNames()).as(s.name()).containsAll(s.environments());
    }
  }

  @TestFactory
  Stream<DynamicTest> overlaysMeetTheContract() {
    ContractStage stage = new ContractStage(CONTRACT);
    return RepoFixture.overlayNames().stream().map(env -> dynamicTest(env, () -> {
      String dir = "overlays/" + env;
      List<Finding> findings = stage.check(new Target(RepoFixture.ROOT.resolve(dir), dir, env, null), RepoFixture.resources(dir));
      assertThat(findings).isEmpty();
    }));
  }
}
