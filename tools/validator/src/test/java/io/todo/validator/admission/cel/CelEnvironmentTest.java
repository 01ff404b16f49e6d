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

  /**
   * The compiler holds the standard declarations built once; cel-java's default builds them for
   * every expression. Every expression of the corpora checks to the same AST, or fails with the same
   * errors, on both.
   */
  @Test
  void theStandardDeclarationsBuiltOnceCheckAsTheCheckersOwn() throws Exception {
    CelEnvironment env = CelEnvironment.get();
    dev.cel.compiler.CelCompiler reference = env.compilerBuilder().build();
    int n = 0;
    for (String e : CelPeerDiffTest.corpus()) {
      dev.cel.common.CelValidationResult ours = env.check(e);
      dev.cel.common.CelValidationResult theirs = reference.compile(e);
      assertThat(ours.hasError()).as(e).isEqualTo(theirs.hasError());
      if (ours.hasError()) {
        assertThat(ours.getErrorString()).as(e).isEqualTo(theirs.getErrorString());
      } else {
        assertThat(ours.getAst().getExpr()).as(e).isEqualTo(theirs.getAst().getExpr());
        assertThat(ours.getAst().getReferenceMap()).as(e).isEqualTo(theirs.getAst().getReferenceMap());
        assertThat(ours.getAst().getTypeMap()).as(e).isEqualTo(theirs.getAst().getTypeMap());
        n++;
      }
    }
    assertThat(n).isGreaterThan(500);
  }

  /** Compiled ahead on several threads, an expression is what compile() gives; errors stay located. */
  @Test
  void preparedExpressionsCompileAsBeforeAndTheirErrorsStayLocated() throws Exception {
    CelEnvironment env = CelEnvironment.get();
    String good1 = "object.spec.replicas >= 2 && object.metadata.name.startsWith('web')";
    String good2 = "object.spec.?replicas.orValue(1) * 2";
    String broken = "object.spec.replicas >=";
    String rejected = "[1, 'a'].size() == 2";
    env.prepare(List.of(good1, good2, broken, rejected, good1));
    Map<String, Object> act = Map.of("object", Map.of("spec", Map.of("replicas", 3L), "metadata", Map.of("name", "web")));
    assertThat(env.compile(good1, Location.of("t"), "f").eval(act)).isEqualTo(true);
    assertThat(env.compile(good2, Location.of("t"), "f").eval(act)).isEqualTo(6L);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.compile(broken, new Location("p.yaml", 3, 5), "spec.validations[0].expression"))
        .isInstanceOfSatisfying(io.todo.validator.model.ValidatorException.class, e -> assertThat(e.diagnostic())
            .startsWith("p.yaml:3:5: error: spec.validations[0].expression: compilation failed: mismatched input"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.compile(rejected, new Location("p.yaml", 4, 5), "spec.validations[1].expression"))
        .isInstanceOfSatisfying(io.todo.validator.model.ValidatorException.class, e -> assertThat(e.diagnostic())
            .startsWith("p.yaml:4:5: error: spec.validations[1].expression: compilation failed: expected type 'int' but found 'string'"));
  }
}
