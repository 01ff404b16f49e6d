package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.google.re2j.Pattern;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;

/**
 * A patch target (types.Selector): anchored regular expressions on group, version, kind, name and
 * namespace, plus Kubernetes label and annotation selectors.
 */
final class Selector {
  private final Pattern group;
  private final Pattern version;
  private final Pattern kind;
  private final Pattern name;
  private final Pattern namespace;
  private final List<Requirement> labels;
  private final List<Requirement> annotations;

  Selector(JsonNode target) {
    group = regex(target, "group");
    version = regex(target, "version");
    kind = regex(target, "kind");
    name = regex(target, "name");
    namespace = regex(target, "namespace");
    labels = parse(target.path("labelSelector").asText(""));
    annotations = parse(target.path("annotationSelector").asText(""));
  }

  /** Compiles a target's patterns ahead of use, so that a bad one is reported at its own field. */
  static void check(JsonNode target, java.util.function.Function<String, Location> at) {
    for (String field : List.of("group", "version", "kind", "name", "namespace")) {
      try {
        regex(target, field);
      } catch (RenderException e) {
        throw ValidatorException.input(at.apply(field), e.getMessage());
      }
    }
  }

  private static Pattern regex(JsonNode target, String field) {
    String s = target.path(field).asText("");
    if (s.isEmpty()) {
      return null;
    }
    return GoRegexp.whole(s);
  }

  private static boolean m(Pattern p, String s) {
    return p == null || p.matcher(s).matches();
  }

  List<Res> select(List<Res> resources) {
    List<Res> out = new ArrayList<>();
    for (Res r : resources) {
      ResId cur = r.curId();
      ResId org = r.orgId();
      if (!m(namespace, org.effectiveNamespace()) && !m(namespace, cur.effectiveNamespace())) {
        continue;
      }
      if (!m(name, org.name()) && !m(name, cur.name())) {
        continue;
      }
      if (!m(group, cur.group()) || !m(version, cur.version()) || !m(kind, cur.kind())) {
        continue;
      }
      if (!matches(labels, Kustomization.map(r.obj.path("metadata").get("labels")))
          || !matches(annotations, Kustomization.map(r.obj.path("metadata").get("annotations")))) {
        continue;
      }
      out.add(r);
    }
    return out;
  }

  /** A Kubernetes label selector (as kustomize's label and annotation selectors) against a string map. */
  static boolean matchesSelector(String selector, Map<String, String> values) {
    return matches(parse(selector == null ? "" : selector), values);
  }

  private record Requirement(String key, String op, Set<String> values) {
    boolean matches(Map<String, String> m) {
      return switch (op) {
        case "exists" -> m.containsKey(key);
        case "!" -> !m.containsKey(key);
        case "=", "==", "in" -> m.containsKey(key) && values.contains(m.get(key));
        case "!=", "notin" -> !m.containsKey(key) || !values.contains(m.get(key));
        default -> false;
      };
    }
  }

  private static boolean matches(List<Requirement> reqs, Map<String, String> m) {
    for (Requirement r : reqs) {
      if (!r.matches(m)) {
        return false;
      }
    }
    return true;
  }

  /** labels.Parse syntax: k=v, k==v, k!=v, k in (a,b), k notin (a,b), k, !k; comma separated. */
  static List<Requirement> parse(String s) {
    List<Requirement> out = new ArrayList<>();
    int i = 0;
    String in = s.trim();
    while (i < in.length()) {
      int end = i;
      int depth = 0;
      while (end < in.length() && (depth > 0 || in.charAt(end) != ',')) {
        if (in.charAt(end) == '(') {
          depth++;
        } else if (in.charAt(end) == ')') {
          depth--;
        }
        end++;
      }
      out.add(requirement(in.substring(i, end).trim(), s));
      i = end + 1;
    }
    return out;
  }

  private static Requirement requirement(String r, String whole) {
    if (r.isEmpty()) {
      throw new RenderException("invalid selector \"" + whole + "\"");
    }
    java.util.regex.Matcher set = java.util.regex.Pattern.compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)").matcher(r);
    if (set.matches()) {
      Set<String> vals = new TreeSet<>();
      for (String v : set.group(3).split(",")) {
        vals.add(v.trim());
      }
      return new Requirement(set.group(1), set.group(2), vals);
    }
    for (String op : new String[] {"!=", "==", "="}) {
      int at = r.indexOf(op);
      if (at > 0) {
        return new Requirement(r.substring(0, at).trim(), op, Set.of(r.substring(at + op.length()).trim()));
      }
    }
    if (r.startsWith("!")) {
      return new Requirement(r.substring(1).trim(), "!", Set.of());
    }
    if (r.matches("[A-Za-z0-9./_-]+")) {
      return new Requirement(r, "exists", Set.of());
    }
    throw new RenderException("invalid selector \"" + whole + "\"");
  }
}
