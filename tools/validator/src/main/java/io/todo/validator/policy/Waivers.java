package io.todo.validator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Waivers from {@code policies/waivers.yaml} and from {@code policy.todo.io/waive-RULE}
 * annotations. A waiver without reason or expiry is an input error, so an exception cannot be
 * granted silently or forever.
 */
public final class Waivers {
  public static final String FILE = "waivers.yaml";
  /** Annotation prefix: {@code policy.todo.io/waive-SEC-006: "reason=...; owner=...; expires=2026-12-31"}. */
  public static final String ANNOTATION = "policy.todo.io/waive-";
  private static final Set<String> TOP = Set.of("waivers");
  private static final Set<String> FIELDS = Set.of("rule", "target", "reason", "owner", "expires", "environments");
  private static final Set<String> ANNOTATION_FIELDS = Set.of("reason", "owner", "expires");

  private final List<Waiver> fromFile;

  private Waivers(List<Waiver> fromFile) {
    this.fromFile = List.copyOf(fromFile);
  }

  public static Waivers none() {
    return new Waivers(List.of());
  }

  public List<Waiver> fromFile() {
    return fromFile;
  }

  /** Reads {@code dir/waivers.yaml}; none when absent. */
  public static Waivers load(Path dir, String shownDir) {
    ConfigFile f = ConfigFile.read(dir.resolve(FILE), shownDir + "/" + FILE);
    if (f == null) {
      return none();
    }
    f.mapping("", TOP);
    JsonNode list = f.root().path("waivers");
    if (list.isMissingNode() || list.isNull()) {
      return none();
    }
    if (!list.isArray()) {
      throw f.error("/waivers", "waivers must be a list");
    }
    List<Waiver> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String p = "/waivers/" + i;
      f.mapping(p, FIELDS);
      String rule = required(f, p, "rule");
      if (!Catalogue.builtin().contains(rule)) {
        throw f.error(p + "/rule", "unknown rule \"" + rule + "\" (see: validator policies list)");
      }
      String target = required(f, p, "target");
      String reason = required(f, p, "reason");
      String owner = required(f, p, "owner");
      LocalDate expires = date(f.text(p + "/expires"), f.at(p + "/expires"), f.at(p));
      List<String> envs = f.strings(p + "/environments");
      out.add(new Waiver(rule, target, reason, owner, expires, envs == null ? List.of() : List.copyOf(envs), f.at(p)));
    }
    return new Waivers(out);
  }

  private static String required(ConfigFile f, String p, String key) {
    String v = f.text(p + "/" + key);
    if (v == null || v.isBlank()) {
      throw f.error(v == null ? p : p + "/" + key, "a waiver needs a non-empty \"" + key + "\"");
    }
    return v.trim();
  }

  private static LocalDate date(String text, Location at, Location waiver) {
    if (text == null || text.isBlank()) {
      throw ValidatorException.input(waiver, "a waiver needs an expiry date (\"expires\": YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw ValidatorException.input(at, "expires must be a date YYYY-MM-DD, got \"" + text + "\"");
    }
  }

  /** The waivers a resource grants itself through annotations. */
  public static List<Waiver> fromAnnotations(Resource r) {
    JsonNode ann = r.object().path("metadata").path("annotations");
    List<Waiver> out = new ArrayList<>();
    if (!ann.isObject()) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = ann.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().startsWith(ANNOTATION)) {
        continue;
      }
      Location at = r.locate("/metadata/annotations/" + io.todo.validator.model.SourceMap.escape(e.getKey()));
      String rule = e.getKey().substring(ANNOTATION.length());
      if (!Catalogue.builtin().contains(rule)) {
        throw ValidatorException.input(at, "waiver annotation names unknown rule \"" + rule + "\" (see: validator policies list)");
      }
      Map<String, String> fields = parseAnnotation(e.getValue().asText(), at);
      String reason = fields.get("reason");
      if (reason == null || reason.isBlank()) {
        throw ValidatorException.input(at, "waiver annotation " + e.getKey() + " needs a reason (\"reason=...; owner=...; expires=YYYY-MM-DD\")");
      }
      String owner = fields.get("owner");
      if (owner == null || owner.isBlank()) {
        throw ValidatorException.input(at, "waiver annotation " + e.getKey() + " needs an owner (\"reason=...; owner=...; expires=YYYY-MM-DD\")");
      }
      LocalDate expires = date(fields.get("expires"), at, at);
      out.add(new Waiver(rule, r.ref(), reason, owner, expires, List.of(), at));
    }
    return out;
  }

  private static Map<String, String> parseAnnotation(String value, Location at) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : value.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      String key = eq < 0 ? part.trim() : part.substring(0, eq).trim();
      if (eq < 0 || !ANNOTATION_FIELDS.contains(key)) {
        throw ValidatorException.input(at, "waiver annotation: expected \"reason=...; owner=...; expires=YYYY-MM-DD\", found \"" + key + "\"");
      }
      out.put(key, part.substring(eq + 1).trim());
    }
    return out;
  }
}
