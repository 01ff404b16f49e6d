package io.todo.validator.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.model.Resource;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * The Minikube overlay fits a 2 CPU / 2 GiB machine: the sum of requests (replicas x containers)
 * stays within budget at the floor the HPAs start from, and even at the ceiling they may scale to.
 */
class MinikubeBudgetTest {
  private static final BigDecimal CPU = new BigDecimal("2");
  private static final BigDecimal MEMORY = BigDecimal.valueOf(2L << 30);

  @Test
  void requestsFitAtTheHpaFloor() {
    List<Resource> all = RepoFixture.resources("overlays/minikube");
    ToIntFunction<Resource> floor = w -> Math.max(w.object().at("/spec/replicas").asInt(1),
        Workloads.hpaFor(all, w).map(h -> h.object().at("/spec/minReplicas").asInt(1)).orElse(0));
    assertThat(total(all, "cpu", floor)).isLessThanOrEqualTo(CPU);
    assertThat(total(all, "memory", floor)).isLessThanOrEqualTo(MEMORY);
  }

  @Test
  void requestsFitAtTheHpaCeiling() {
    List<Resource> all = RepoFixture.resources("overlays/minikube");
    ToIntFunction<Resource> ceiling = w -> Workloads.hpaFor(all, w)
        .map(h -> h.object().at("/spec/maxReplicas").asInt())
        .orElse(w.object().at("/spec/replicas").asInt(1));
    assertThat(total(all, "cpu", ceiling)).isLessThanOrEqualTo(CPU);
    assertThat(total(all, "memory", ceiling)).isLessThanOrEqualTo(MEMORY);
  }

  @Test
  void quantitiesParse() {
    assertThat(Workloads.quantity("100m")).isEqualByComparingTo("0.1");
    assertThat(Workloads.quantity("1")).isEqualByComparingTo("1");
    assertThat(Workloads.quantity("256Mi")).isEqualByComparingTo(BigDecimal.valueOf(256L << 20));
    assertThat(Workloads.quantity("1G")).isEqualByComparingTo("1000000000");
  }

  private static BigDecimal total(List<Resource> all, String resource, ToIntFunction<Resource> replicas) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Resource w : Workloads.of(all)) {
      sum = sum.add(Workloads.podRequest(w, resource).multiply(BigDecimal.valueOf(replicas.applyAsInt(w))));
    }
    return sum;
  }
}
