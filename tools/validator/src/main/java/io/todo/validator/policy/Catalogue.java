package io.todo.validator.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule the validator knows, by id, in id order. */
public final class Catalogue {
  private static final Catalogue BUILTIN = new Catalogue(builtinRules());

  private final Map<String, Rule> byId;

  Catalogue(List<Rule> rules) {
    Map<String, Rule> m = new LinkedHashMap<>();
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort((a, b) -> a.info().id().compareTo(b.info().id()));
    for (Rule r : sorted) {
      if (m.put(r.info().id(), r) != null) {
        throw new IllegalStateException("duplicate rule id " + r.info().id());
      }
    }
    this.byId = Collections.unmodifiableMap(m);
  }

  public static Catalogue builtin() {
    return BUILTIN;
  }

  private static List<Rule> builtinRules() {
    List<Rule> all = new ArrayList<>();
    all.addAll(PodSecurityRules.all());
    all.addAll(ResourceRules.all());
    all.addAll(HealthRules.all());
    all.addAll(SecretRules.all());
    all.addAll(ImageRules.all());
    all.addAll(AvailabilityRules.all());
    all.addAll(CrossRefs.all());
    all.add(new Ports());
    all.addAll(NetworkRules.all());
    all.addAll(ApiVersions.all());
    all.addAll(ArgoRules.all());
    return all;
  }

  public List<Rule> rules() {
    return List.copyOf(byId.values());
  }

  public Optional<Rule> find(String id) {
    return Optional.ofNullable(byId.get(id == null ? null : id.toUpperCase(java.util.Locale.ROOT)));
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }
}
