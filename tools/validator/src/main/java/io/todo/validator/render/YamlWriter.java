package io.todo.validator.render;

import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.util.List;

/** Serialises resources byte for byte as {@code kustomize build} prints them. */
public final class YamlWriter {
  private YamlWriter() {}

  /** Documents joined by {@code ---}, no leading separator, as resmap.AsYaml does. */
  public static String stream(List<Resource> resources) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < resources.size(); i++) {
      if (i > 0) {
        sb.append("---\n");
      }
      try {
        sb.append(GoYaml.write(GoValues.normalise(resources.get(i).object())));
      } catch (GoValues.UnsupportedValueException e) {
        throw new ValidatorException(resources.get(i).origin(), e.getMessage() + " in " + resources.get(i).ref());
      }
    }
    return sb.toString();
  }
}
