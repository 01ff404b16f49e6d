package io.todo.validator.policy;

import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import java.util.ArrayList;
import java.util.List;

/** Collects what the rules report, before severities and waivers are applied. */
public final class Violations {

  /** One raw violation; {@code pointer} is a JSON pointer into the resource, or null. */
  public record Violation(String ruleId, Resource resource, String pointer, String message, Location location) {

    /** {@code spec.containers[0].image} from {@code /spec/containers/0/image}. */
    public String field() {
      return Pointers.toField(pointer);
    }
  }

  private final List<Violation> all = new ArrayList<>();
  private String ruleId;

  void rule(String id) {
    this.ruleId = id;
  }

  /** A violation at a field of a resource; the location is where that field was written. */
  public void add(Resource r, String pointer, String message) {
    all.add(new Violation(ruleId, r, pointer, message, r.locate(pointer)));
  }

  /** A violation about a file that is not a rendered resource (a kustomization, a config file). */
  public void add(Location location, String message) {
    all.add(new Violation(ruleId, null, null, message, location));
  }

  List<Violation> all() {
    return all;
  }
}
