package io.todo.validator.admission.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelOptions;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.RuntimeEquality;
import dev.cel.runtime.RuntimeHelpers;
import dev.cel.runtime.standard.CelStandardOverload;
import io.todo.validator.model.Location;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CelEnvironmentTest {

  /** The narrowed runtime picks standard overloads by name: the name must be the id it binds. */
  @Test
  void everyStandardOverloadIsNamedAfterItsId() throws Exception {
    CelOptions options = CelOptions.current().build();
    RuntimeEquality equality = RuntimeEquality.create(RuntimeHelpers.create(), options);
    Method overloads = CelStandardFunctions.StandardFunction.class.getDeclaredMethod("getOverloads");
    overloads.setAccessible(true);
    int n = 0;
    for (CelStandardFunctions.StandardFunction f : CelStandardFunctions.StandardFunction.values()) {
      for (Object o : (Iterable<?>) overloads.invoke(f)) {
        CelStandardOverload overload = (CelStandardOverload) o;
        assertThat(CelEnvironment.overloadId(overload))
            .isEqualTo(overload.newFunctionBinding(options, equality).getOverloadId());
        n++;
      }
    }
    assertThat(n).isGreaterThan(100);
  }

  @Test
  void aFunctionTheNarrowedRuntimeLacksIsEvaluatedOnTheWholeLibrary() throws Exception {
    CelEnvironment env = CelEnvironment.get();
    CelEnvironment.Expression e =
        env.compile("size(object.name) == 3 && object.name.startsWith('w')", Location.of("t"), "f", null);
    env.plan(List.of(e), Set.of("equals"));
    assertThat(e.narrowed()).as("planned without size and startsWith: they fail only when called").isTrue();
    assertThat(e.eval(Map.of("object", Map.of("name", "web")))).isEqualTo(true);
    env.plan(List.of(e));
    assertThat(e.eval(Map.of("object", Map.of("name", "api")))).isEqualTo(false);
  }
}
