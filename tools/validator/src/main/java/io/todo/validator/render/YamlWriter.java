package io.todo.validator.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.todo.validator.model.Resource;
import java.util.List;

/**
 * Serialises resources as kustomize prints them. Placeholder until the yaml.v2-compatible emitter
 * lands (see the renderer issue).
 */
public final class YamlWriter {
  private YamlWriter() {}

  public static String stream(List<Resource> resources) {
    ObjectMapper m =
        new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < resources.size(); i++) {
      if (i > 0) {
        sb.append("---\n");
      }
      try {
        sb.append(m.writeValueAsString(resources.get(i).object()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return sb.toString();
  }
}
