package io.todo.validator.admission.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link LightRuntime} is cel-java's legacy runtime without the eager descriptor pool: every
 * expression of the CEL corpora gives the same value or the same error on it as on the runtime
 * cel-java's builder makes of the same parts.
 */
class LightRuntimeTest {

  private static String outcome(CelEnvironment.Programs runtime, CelAbstractSyntaxTree ast) {
    Map<String, Object> act = new HashMap<>();
    act.put("object", Map.of("metadata", Map.of("name", "web")));
    for (String v : List.of("oldObject", "params", "request", "namespaceObject")) {
      act.put(v, NullValue.NULL_VALUE);
    }
    try {
      return "value: " + CelPrinter.print(runtime.createProgram(ast).eval(act));
    } catch (CelEvaluationException e) {
      return "error: " + CelErrors.message(e);
    } catch (RuntimeException e) {
      return "exception: " + e;
    }
  }

  @Test
  void theEnvironmentUsesIt() {
    assertThat(CelEnvironment.get().whole()).isInstanceOf(LightRuntime.class);
  }

  @Test
  void everyExpressionOfTheCorporaEvaluatesAsOnTheBuildersRuntime() throws Exception {
    CelEnvironment env = CelEnvironment.get();
    CelEnvironment.Programs light = env.whole();
    CelEnvironment.Programs builder = env.builderRuntime(null);
    List<String> differences = new ArrayList<>();
    int checked = 0;
    for (String e : CelPeerDiffTest.corpus()) {
      CelValidationResult r = env.check(e);
      if (r.hasError()) {
        continue;
      }
      CelAbstractSyntaxTree ast = NullSelects.rewrite(r.getAst(), e);
      checked++;
      String ours = outcome(light, ast);
      String theirs = outcome(builder, ast);
      if (!ours.equals(theirs)) {
        differences.add(e + "\n    light:   " + ours + "\n    builder: " + theirs);
      }
    }
    assertThat(checked).isGreaterThan(500);
    assertThat(differences).isEmpty();
  }

  @Test
  void theCorporaNeverNeedProtobufDescriptors() throws Exception {
    CelEnvironment env = CelEnvironment.get();
    LightRuntime light = (LightRuntime) env.whole();
    for (String e : CelPeerDiffTest.corpus()) {
      CelValidationResult r = env.check(e);
      if (!r.hasError()) {
        outcome(light, NullSelects.rewrite(r.getAst(), e));
      }
    }
    // the environment declares no message types, so nothing can create or read one
    assertThat(env.check("google.protobuf.Int64Value{value: 5} == 5").hasError()).isTrue();
    assertThat(light.descriptorsBuilt()).isFalse();
  }
}
