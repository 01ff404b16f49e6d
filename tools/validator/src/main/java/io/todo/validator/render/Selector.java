package io.todo.validator.render;

import io.todo.validator.model.GoText;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.google.re2j.Pattern;
import io.todo.validator.model.Location;
import io.todo.validator.model.NameValidation;
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

  /** Built when the kustomization is read: a bad pattern or selector is reported at its own field ({@code at}). */
  Selector(JsonNode target, java.util.function.Function<String, Location> at) {
    group = located(at, "group", () -> regex(target, "group"));
    version = located(at, "version", () -> regex(target, "version"));
    kind = located(at, "kind", () -> regex(target, "kind"));
    name = located(at, "name", () -> regex(target, "name"));
    namespace = located(at, "namespace", () -> regex(target, "namespace"));
    labels = located(at, "labelSelector", () -> parse(target.path("labelSelector").asText("")));
    annotations = located(at, "annotationSelector", () -> parse(target.path("annotationSelector").asText("")));
  }

  private static <T> T located(java.util.function.Function<String, Location> at, String field,
      java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (RenderException e) {
      throw ValidatorException.input(at.apply(field), e.getMessage());
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
        case "gt", "lt" -> {
          Long have = m.containsKey(key) ? parseInt64(m.get(key)) : null;
          Long want = parseInt64(values.iterator().next());
          yield have != null && want != null && (op.equals("gt") ? have > want : have < want);
        }
        default -> false;
      };
    }
  }

  private static Long parseInt64(String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return null;
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

  /**
   * labels.Parse as kyaml vendors it (k8sgen/pkg/labels/selector.go): a lexer and parser for k=v,
   * k==v, k!=v, k in (a,b), k notin (a,b), k, !k, k>1, k<1, with its label key and value
   * validation and its error messages.
   */
  static List<Requirement> parse(String s) {
    return new LabelParser(lex(s)).parse();
  }

  private record Tok(String kind, String lit) {}

  private static final Set<String> SPECIAL = Set.of("=", "!", "(", ")", ",", ">", "<");
  private static final Map<String, String> TOKENS = Map.ofEntries(Map.entry(")", ")"), Map.entry(",", ","),
      Map.entry("!", "!"), Map.entry("==", "=="), Map.entry("=", "="), Map.entry(">", ">"), Map.entry("in", "in"),
      Map.entry("<", "<"), Map.entry("!=", "!="), Map.entry("notin", "notin"), Map.entry("(", "("));

  private static List<Tok> lex(String s) {
    List<Tok> out = new ArrayList<>();
    int i = 0;
    while (true) {
      while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (i >= s.length()) {
        out.add(new Tok("end", ""));
        return out;
      }
      StringBuilder b = new StringBuilder();
      if (SPECIAL.contains(String.valueOf(s.charAt(i)))) {
        String last = null;
        while (i < s.length() && SPECIAL.contains(String.valueOf(s.charAt(i)))) {
          b.append(s.charAt(i));
          if (TOKENS.containsKey(b.toString())) {
            last = b.toString();
            i++;
          } else if (last != null) {
            break;
          } else {
            i++;
          }
        }
        out.add(last == null ? new Tok("error", "error expected: keyword found '" + b + "'") : new Tok(last, last));
        continue;
      }
      while (i < s.length() && !SPECIAL.contains(String.valueOf(s.charAt(i))) && " \t\r\n".indexOf(s.charAt(i)) < 0) {
        b.append(s.charAt(i++));
      }
      String w = b.toString();
      out.add(TOKENS.containsKey(w) ? new Tok(w, w) : new Tok("id", w));
    }
  }

  private static final class LabelParser {
    private final List<Tok> toks;
    private int pos;

    LabelParser(List<Tok> toks) {
      this.toks = toks;
    }

    /** In the values context the keywords in and notin are identifiers. */
    private Tok look(boolean values) {
      Tok t = toks.get(pos);
      return values && (t.kind().equals("in") || t.kind().equals("notin")) ? new Tok("id", t.lit()) : t;
    }

    private Tok take(boolean values) {
      Tok t = look(values);
      pos++;
      return t;
    }

    List<Requirement> parse() {
      List<Requirement> out = new ArrayList<>();
      while (true) {
        Tok t = look(true);
        switch (t.kind()) {
          case "id", "!" -> {
            try {
              out.add(requirement());
            } catch (RenderException e) {
              throw new RenderException("unable to parse requirement: " + e.getMessage());
            }
            Tok n = take(true);
            if (n.kind().equals("end")) {
              return out;
            }
            if (!n.kind().equals(",")) {
              throw new RenderException("found '" + n.lit() + "', expected: ',' or 'end of string'");
            }
            Tok n2 = look(true);
            if (!n2.kind().equals("id") && !n2.kind().equals("!")) {
              throw new RenderException("found '" + n2.lit() + "', expected: identifier after ','");
            }
          }
          case "end" -> {
            return out;
          }
          default -> throw new RenderException("found '" + t.lit() + "', expected: !, identifier, or 'end of string'");
        }
      }
    }

    private Requirement requirement() {
      String op = null;
      Tok t = take(true);
      if (t.kind().equals("!")) {
        op = "!";
        t = take(true);
      }
      if (!t.kind().equals("id")) {
        throw new RenderException("found '" + t.lit() + "', expected: identifier");
      }
      String key = t.lit();
      validateKey(key);
      String next = look(true).kind();
      if (next.equals("end") || next.equals(",")) {
        return newRequirement(key, op == null ? "exists" : op, new TreeSet<>());
      }
      if (op != null) {
        return newRequirement(key, op, new TreeSet<>());
      }
      Tok o = take(false);
      op = switch (o.kind()) {
        case "in", "notin", "=", "==", "!=" -> o.kind();
        case ">" -> "gt";
        case "<" -> "lt";
        default -> throw new RenderException("found '" + o.lit() + "', expected: '=', '!=', '==', 'in', notin'");
      };
      Set<String> values = op.equals("in") || op.equals("notin") ? values() : exactValue();
      return newRequirement(key, op, values);
    }

    private Set<String> values() {
      Tok t = take(true);
      if (!t.kind().equals("(")) {
        throw new RenderException("found '" + t.lit() + "' expected: '('");
      }
      Tok l = look(true);
      switch (l.kind()) {
        case "id", "," -> {
          Set<String> s = identifiers();
          if (!take(true).kind().equals(")")) {
            throw new RenderException("found '" + l.lit() + "', expected: ')'");
          }
          return s;
        }
        case ")" -> {
          take(true);
          return new TreeSet<>(Set.of(""));
        }
        default -> throw new RenderException("found '" + l.lit() + "', expected: ',', ')' or identifier");
      }
    }

    private Set<String> identifiers() {
      Set<String> s = new TreeSet<>();
      while (true) {
        Tok t = take(true);
        switch (t.kind()) {
          case "id" -> {
            s.add(t.lit());
            Tok n = look(true);
            if (n.kind().equals(")")) {
              return s;
            }
            if (!n.kind().equals(",")) {
              throw new RenderException("found '" + n.lit() + "', expected: ',' or ')'");
            }
          }
          case "," -> {
            if (s.isEmpty()) {
              s.add("");
            }
            Tok n = look(true);
            if (n.kind().equals(")")) {
              s.add("");
              return s;
            }
            if (n.kind().equals(",")) {
              take(true);
              s.add("");
            }
          }
          default -> throw new RenderException("found '" + t.lit() + "', expected: ',', or identifier");
        }
      }
    }

    private Set<String> exactValue() {
      Tok t = look(true);
      if (t.kind().equals("end") || t.kind().equals(",")) {
        return new TreeSet<>(Set.of(""));
      }
      t = take(true);
      if (t.kind().equals("id")) {
        return new TreeSet<>(Set.of(t.lit()));
      }
      throw new RenderException("found '" + t.lit() + "', expected: identifier");
    }
  }

  private static Requirement newRequirement(String key, String op, Set<String> vals) {
    validateKey(key);
    switch (op) {
      case "in", "notin" -> {
        if (vals.isEmpty()) {
          throw new RenderException("for 'in', 'notin' operators, values set can't be empty");
        }
      }
      case "=", "==", "!=" -> {
        if (vals.size() != 1) {
          throw new RenderException("exact-match compatibility requires one single value");
        }
      }
      case "gt", "lt" -> {
        if (vals.size() != 1) {
          throw new RenderException("for 'Gt', 'Lt' operators, exactly one value is required");
        }
        for (String v : vals) {
          if (parseInt64(v) == null) {
            throw new RenderException("for 'Gt', 'Lt' operators, the value must be an integer");
          }
        }
      }
      default -> { }
    }
    for (String v : vals) {
      List<String> errs = new ArrayList<>();
      if (v.length() > 63) {
        errs.add("must be no more than 63 characters");
      }
      if (!NameValidation.LABEL_VALUE.matcher(v).matches()) {
        errs.add(NameValidation.regexError(NameValidation.LABEL_VALUE_MSG, NameValidation.LABEL_VALUE_FMT,
            "MyValue", "my_value", "12345"));
      }
      if (!errs.isEmpty()) {
        throw new RenderException("invalid label value: " + GoText.quote(v) + ": at key: " + GoText.quote(key)
            + ": " + String.join("; ", errs));
      }
    }
    return new Requirement(key, op, vals);
  }

  /** validateLabelKey's wording of a bad prefix (IsQualifiedName's, not content.IsLabelKey's). */
  private static final String DNS1123_SUBDOMAIN_MSG = "a DNS-1123 subdomain must consist of lower case alphanumeric"
      + " characters, '-' or '.', and must start and end with an alphanumeric character";

  /** validation.IsQualifiedName, as validateLabelKey reports it (lengths in characters). */
  private static void validateKey(String k) {
    List<String> errs = NameValidation.qualifiedName(k, "a qualified name", DNS1123_SUBDOMAIN_MSG, "characters");
    if (!errs.isEmpty()) {
      throw new RenderException("invalid label key " + GoText.quote(k) + ": " + String.join("; ", errs));
    }
  }
}
