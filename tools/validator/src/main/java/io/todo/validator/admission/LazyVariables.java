package io.todo.validator.admission;

import dev.cel.runtime.CelEvaluationException;
import io.todo.validator.admission.cel.CelErrors;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code variables}: each variable is evaluated on first use and then cached, as in the API
 * server; an error is raised in the expression that uses the variable.
 */
final class LazyVariables extends AbstractMap<String, Object> {
  private final Map<String, Policy.Named> defs = new LinkedHashMap<>();
  private final Map<String, Object> values = new HashMap<>();
  private final Map<String, RuntimeException> failures = new HashMap<>();
  private final Set<String> inProgress = new LinkedHashSet<>();
  private Map<String, Object> activation;

  LazyVariables(List<Policy.Named> variables) {
    variables.forEach(v -> defs.put(v.name(), v));
  }

  void bind(Map<String, Object> activation) {
    this.activation = activation;
  }

  @Override
  public boolean containsKey(Object key) {
    return defs.containsKey(key);
  }

  @Override
  public Object get(Object key) {
    Policy.Named def = defs.get(key);
    if (def == null) {
      return null;
    }
    String name = def.name();
    if (values.containsKey(name)) {
      return values.get(name);
    }
    if (failures.containsKey(name)) {
      throw failures.get(name);
    }
    if (!inProgress.add(name)) {
      throw new IllegalStateException("variable '" + name + "' refers to itself");
    }
    try {
      Object v = def.expression().eval(activation);
      values.put(name, v);
      return v;
    } catch (CelEvaluationException e) {
      // the API server's words (cel/composition.go), so nested variables read as a chain
      RuntimeException f = new IllegalStateException(
          "composited variable \"" + name + "\" fails to evaluate: " + CelErrors.message(e));
      failures.put(name, f);
      throw f;
    } finally {
      inProgress.remove(name);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Map<String, Object> all = new LinkedHashMap<>();
    defs.keySet().forEach(k -> all.put(k, get(k)));
    return all.entrySet();
  }
}
