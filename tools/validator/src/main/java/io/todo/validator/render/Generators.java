package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** configMapGenerator and secretGenerator (api/internal/generators, api/kv). */
final class Generators {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Generators() {}

  static List<Res> run(Kustomization k, Loader loader) {
    List<Res> out = new ArrayList<>();
    JsonNode global = k.root.get("generatorOptions");
    for (Kustomization.Item item : k.items("configMapGenerator")) {
      out.add(generate(k, loader, item, "ConfigMap", global));
    }
    for (Kustomization.Item item : k.items("secretGenerator")) {
      out.add(generate(k, loader, item, "Secret", global));
    }
    return out;
  }

  private static Res generate(Kustomization k, Loader loader, Kustomization.Item item, String kind, JsonNode global) {
    Location where = k.at(item.pointer());
    String name = item.string("name");
    if (name.isEmpty()) {
      throw ValidatorException.input(where, "a " + kind.toLowerCase() + " generator must have a name");
    }
    // types.NewGenerationBehavior: anything else (none, a typo) is "unspecified", which creates
    String behavior = item.string("behavior");
    if (!List.of("create", "merge", "replace").contains(behavior)) {
      behavior = "unspecified";
    }
    Map<String, String> data = dataMap(k, loader, item, name, kind);
    ObjectNode obj = F.objectNode();
    obj.put("apiVersion", "v1");
    obj.put("kind", kind);
    ObjectNode meta = obj.putObject("metadata");
    meta.put("name", name);
    if (!item.string("namespace").isEmpty()) {
      meta.put("namespace", item.string("namespace"));
    }
    if (kind.equals("Secret")) {
      obj.put("type", item.string("type").isEmpty() ? "Opaque" : item.string("type"));
      ObjectNode d = obj.putObject("data");
      new TreeMap<>(data).forEach((key, v) -> d.put(key, base64Lines(v.getBytes(StandardCharsets.ISO_8859_1))));
    } else {
      new TreeMap<>(data).forEach((key, v) -> {
        byte[] raw = v.getBytes(StandardCharsets.ISO_8859_1);
        String text = utf8(raw);
        if (text != null) {
          ((ObjectNode) obj.with("data")).put(key, text);
        } else {
          ((ObjectNode) obj.with("binaryData")).put(key, base64Lines(raw));
        }
      });
    }
    // local options win over generatorOptions
    Map<String, String> labels = new LinkedHashMap<>(Kustomization.map(item.node().path("options").get("labels")));
    Kustomization.map(global == null ? null : global.get("labels")).forEach(labels::putIfAbsent);
    Map<String, String> annotations =
        new LinkedHashMap<>(Kustomization.map(item.node().path("options").get("annotations")));
    Kustomization.map(global == null ? null : global.get("annotations")).forEach(annotations::putIfAbsent);
    if (!labels.isEmpty()) {
      ObjectNode l = meta.putObject("labels");
      labels.forEach(l::put);
    }
    if (!annotations.isEmpty()) {
      ObjectNode a = meta.putObject("annotations");
      annotations.forEach(a::put);
    }
    boolean disableHash = item.node().path("options").path("disableNameSuffixHash").asBoolean(false)
        || (global != null && global.path("disableNameSuffixHash").asBoolean(false));
    boolean immutable = item.node().path("options").path("immutable").asBoolean(false)
        || (global != null && global.path("immutable").asBoolean(false));
    if (immutable) {
      obj.put("immutable", true);
    }
    SourceMap origins = new SourceMap();
    origins.put("", where);
    Res r = new Res(obj, origins);
    r.needsHash = !disableHash;
    r.behavior = behavior;
    return r;
  }

  /**
   * Key/value pairs: env files, then literals, then files. Values are kept as raw bytes in a
   * Latin-1 string so non-UTF-8 file content can go to binaryData.
   */
  private static Map<String, String> dataMap(Kustomization k, Loader loader, Kustomization.Item item, String name,
      String kind) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Pair> pairs = new ArrayList<>();
    List<String> envs = new ArrayList<>();
    item.node().path("envs").forEach(n -> envs.add(n.asText()));
    if (!item.string("env").isEmpty()) {
      envs.add(item.string("env"));
    }
    for (int i = 0; i < envs.size(); i++) {
      String p = item.pointer() + (i < item.node().path("envs").size() ? "/envs/" + i : "/env");
      Location where = k.at(p);
      String shown = loader.shown(loader.resolve(envs.get(i)));
      pairs.addAll(envPairs(loader.load(envs.get(i), where), envs.get(i), shown, where));
    }
    JsonNode literals = item.node().path("literals");
    for (int i = 0; i < literals.size(); i++) {
      String src = literals.get(i).asText();
      Location where = k.at(item.pointer() + "/literals/" + i);
      int eq = src.indexOf('=');
      if (eq <= 0) {
        // never echo the source: in a secretGenerator it is the secret value
        throw ValidatorException.input(where, "invalid literal source, expected key=value");
      }
      pairs.add(new Pair(src.substring(0, eq), io.todo.validator.model.GoText.bytesOf(unquote(src.substring(eq + 1))), where));
    }
    JsonNode files = item.node().path("files");
    for (int i = 0; i < files.size(); i++) {
      String src = files.get(i).asText();
      Location where = k.at(item.pointer() + "/files/" + i);
      String key;
      String path;
      long eqs = src.chars().filter(c -> c == '=').count();
      if (eqs == 0) {
        path = src;
        key = src.substring(src.lastIndexOf('/') + 1);
      } else if (eqs == 1 && src.startsWith("=")) {
        throw ValidatorException.input(where, "missing key name for file path \"" + src.substring(1) + "\" in source \"" + src + "\"");
      } else if (eqs == 1 && src.endsWith("=")) {
        throw ValidatorException.input(where, "missing file path for key name \"" + src.substring(0, src.length() - 1) + "\" in source \"" + src + "\"");
      } else if (eqs > 1) {
        throw ValidatorException.input(where, "source \"" + src + "\" key name or file path contains '='");
      } else {
        key = src.substring(0, src.indexOf('='));
        path = src.substring(src.indexOf('=') + 1);
      }
      pairs.add(new Pair(key, new String(loader.load(path, where), StandardCharsets.ISO_8859_1), where));
    }
    for (Pair p : pairs) {
      // kyaml writes the keys as untagged plain scalars, so yaml.v3 types them when the resource is
      // turned into JSON: "true", "1.0", "2001-12-14" are no string keys and "<<" is a merge
      if (!ScalarValue.readsAsString(p.key())) {
        JsonNode typed = ScalarValue.untyped(p.key());
        throw ValidatorException.input(p.where(), kind.toLowerCase() + " " + name + ": key `" + p.key()
            + "` is read as a " + (typed.isTextual() ? "timestamp" : typed.getNodeType().toString().toLowerCase())
            + ", not a string: json: unsupported type: map[interface {}]interface {}");
      }
      if (p.key().equals("<<")) {
        throw ValidatorException.input(p.where(), kind.toLowerCase() + " " + name
            + ": key `<<` is a merge key: yaml: map merge requires map or sequence of maps as the value");
      }
      if (out.containsKey(p.key())) {
        throw ValidatorException.input(p.where(),
            kind.toLowerCase() + " " + name + " illegally repeats the key `" + p.key() + "`");
      }
      out.put(p.key(), p.value());
    }
    return out;
  }

  /** One key/value source and where it was given. */
  private record Pair(String key, String value, Location where) {}

  /**
   * The lines of an env file, as kustomize reads them (a key kustomize accepts but the API server
   * would not, "A B=1", is kept). Bad lines are located errors that never quote the line: in a
   * secretGenerator a mistyped line holds the secret.
   */
  private static List<Pair> envPairs(byte[] content, String file, String shown, Location where) {
    List<Pair> out = new ArrayList<>();
    String[] lines = new String(content, StandardCharsets.ISO_8859_1).split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String raw = lines[n];
      if (raw.endsWith("\r")) {
        raw = raw.substring(0, raw.length() - 1);
      }
      String line = utf8(raw.getBytes(StandardCharsets.ISO_8859_1));
      if (line == null) {
        throw ValidatorException.input(new Location(shown, n + 1, 1), "line has invalid utf8 bytes");
      }
      if (n == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      line = line.stripLeading();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq);
      // kustomize's key validator is a no-op, and a line without '=' has an empty value
      String value = eq < 0 ? "" : line.substring(eq + 1);
      Location at = new Location(shown, n + 1, 1);
      if (key.isEmpty()) {
        // kustomize drops such a line silently, losing the value
        throw ValidatorException.input(at, "a line of an env file must start with a key (KEY=value)");
      }
      out.add(new Pair(key, io.todo.validator.model.GoText.bytesOf(value), at));
    }
    return out;
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.charAt(0) == s.charAt(s.length() - 1) && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  /** The text of valid UTF-8 bytes, else null. */
  private static String utf8(byte[] raw) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** kyaml's encodeBase64: 70-character lines, each ending in a newline, once the text reaches 70. */
  static String base64Lines(byte[] raw) {
    String enc = Base64.getEncoder().encodeToString(raw);
    if (enc.length() < 70) {
      return enc;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < enc.length(); i += 70) {
      sb.append(enc, i, Math.min(enc.length(), i + 70)).append('\n');
    }
    return sb.toString();
  }
}
