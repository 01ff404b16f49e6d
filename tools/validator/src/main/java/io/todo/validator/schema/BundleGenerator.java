package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.load.YamlDocument;
import io.todo.validator.load.YamlLoader;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.render.RenderTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the schema bundle from the upstream documents in {@code shared/}: {@code
 * k8s-openapi/swagger-v1.NN.json} and {@code crds/*.yaml}. Deterministic: the same inputs give the
 * same bytes. The build runs {@link #main} (process-classes phase) to write the bundle and the
 * renderer's table into target/classes: schemas are derived, never committed.
 */
public final class BundleGenerator {
  /** {@code BundleGenerator SHARED_DIR CLASSES_DIR}: writes both resources under CLASSES_DIR. */
  public static void main(String[] args) {
    int code = run(args, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The build step; 0 when both resources are written, 2 with a one-line error otherwise. */
  static int run(String[] args, java.io.PrintStream err) {
    if (args.length != 2) {
      err.println("usage: BundleGenerator SHARED_DIR CLASSES_DIR");
      return 2;
    }
    Path shared = Path.of(args[0]);
    Path classes = Path.of(args[1]);
    try {
      BundleGenerator g = new BundleGenerator();
      byte[] json = g.generateJson(shared);
      JsonNode logical = g.mapper.readTree(json);
      write(classes, SchemaBundle.RESOURCE, gzip(g.pack(logical)));
      write(classes, RenderTable.RESOURCE, RenderTable.generate(logical));
      return 0;
    } catch (ValidatorException e) {
      err.println("error: " + e.getMessage() + " (the build derives the schemas from " + shared
          + "; set VALIDATOR_SHARED_DIR when it is elsewhere)");
      return 2;
    } catch (IOException e) {
      err.println("error: cannot write the schema resources under " + classes + ": " + e.getMessage());
      return 2;
    }
  }

  private static void write(Path classes, String resource, byte[] bytes) throws IOException {
    Path out = classes.resolve(resource.substring(1));
    Files.createDirectories(out.getParent());
    Files.write(out, bytes);
  }

  private static final Pattern SWAGGER = Pattern.compile("swagger-v(\\d+\\.\\d+)\\.json");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ObjectMapper mapper = new ObjectMapper();

  /** The uncompressed bundle JSON. */
  public byte[] generateJson(Path shared) {
    ObjectNode root = F.objectNode();
    Map<String, JsonNode> definitions = new TreeMap<>();
    Map<String, Map<String, String>> versions = new TreeMap<>(SchemaBundle::compareVersions);
    Map<String, Boolean> namespaced = new TreeMap<>();
    for (Path swagger : swaggerFiles(shared)) {
      Matcher m = SWAGGER.matcher(swagger.getFileName().toString());
      m.matches();
      JsonNode doc = readJson(swagger);
      Map<String, String> names = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = doc.path("definitions").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode def = strip(e.getValue());
        String id = id(def);
        definitions.put(id, def);
        names.put(e.getKey(), id);
      }
      versions.put(m.group(1), names);
      collectScopes(doc, namespaced);
    }
    ObjectNode defs = root.putObject("definitions");
    definitions.forEach(defs::set);
    ObjectNode vs = root.putObject("versions");
    versions.forEach((v, names) -> {
      ObjectNode n = vs.putObject(v);
      names.forEach(n::put);
    });
    ObjectNode ns = root.putObject("namespaced");
    namespaced.forEach(ns::put);
    ArrayNode crds = root.putArray("crds");
    for (JsonNode crd : crdDocuments(shared)) {
      crds.add(strip(crd));
    }
    try {
      return mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.INTERNAL, null, "cannot serialise the schema bundle", e);
    }
  }

  /**
   * The layout {@link SchemaBundle} reads: a header line pointing into a body of JSON texts, so that
   * a run parses only the versions and definitions it uses. Each definition is written once; the
   * per-version name and GVK maps point at it.
   */
  byte[] pack(JsonNode logical) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, ArrayNode> definitionAt = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> defs = logical.path("definitions").fields();
    while (defs.hasNext()) {
      Map.Entry<String, JsonNode> e = defs.next();
      definitionAt.put(e.getKey(), append(body, e.getValue()));
    }
    ObjectNode header = F.objectNode();
    ObjectNode versionsAt = header.putObject("versions");
    ObjectNode gvksAt = header.putObject("gvks");
    Iterator<Map.Entry<String, JsonNode>> versions = logical.path("versions").fields();
    while (versions.hasNext()) {
      Map.Entry<String, JsonNode> v = versions.next();
      ObjectNode names = F.objectNode();
      Map<String, String> gvks = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = v.getValue().fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> n = it.next();
        String id = n.getValue().asText();
        names.set(n.getKey(), definitionAt.get(id));
        for (JsonNode gvk : logical.path("definitions").path(id).path("x-kubernetes-group-version-kind")) {
          // the same GVK can appear on several definitions (e.g. DeleteOptions): the first by name wins
          gvks.putIfAbsent(gvk.path("group").asText() + "/" + gvk.path("version").asText() + "/"
              + gvk.path("kind").asText(), n.getKey());
        }
      }
      versionsAt.set(v.getKey(), append(body, names));
      ObjectNode g = F.objectNode();
      gvks.forEach(g::put);
      gvksAt.set(v.getKey(), append(body, g));
    }
    header.set("namespaced", logical.path("namespaced"));
    ArrayNode crds = header.putArray("crds");
    // each CRD's group and kind ride along, so that a run parses only the CRDs of the kinds it meets
    logical.path("crds").forEach(c -> crds.add(append(body, c)
        .add(c.path("spec").path("group").asText()).add(c.path("spec").path("names").path("kind").asText())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(mapper.writeValueAsBytes(header));
    out.write('\n');
    body.writeTo(out);
    return out.toByteArray();
  }

  private ArrayNode append(ByteArrayOutputStream body, JsonNode value) {
    byte[] text;
    try {
      text = mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.INTERNAL, null, "cannot serialise the schema bundle", e);
    }
    ArrayNode at = F.arrayNode().add(body.size()).add(text.length);
    body.write(text, 0, text.length);
    return at;
  }

  private static byte[] gzip(byte[] json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes) {
          {
            def.setLevel(9);
          }
        }) {
      gz.write(json);
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.INTERNAL, null, "cannot compress the schema bundle", e);
    }
    return bytes.toByteArray();
  }

  private static List<Path> swaggerFiles(Path shared) {
    Path dir = shared.resolve("k8s-openapi");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> list =
          files.filter(p -> SWAGGER.matcher(p.getFileName().toString()).matches()).sorted().toList();
      if (list.isEmpty()) {
        throw new ValidatorException(ExitCodes.USAGE, "no swagger-v1.NN.json documents in " + dir);
      }
      return list;
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot list " + dir);
    }
  }

  private List<JsonNode> crdDocuments(Path shared) {
    Path dir = shared.resolve("crds");
    List<JsonNode> list = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return list;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (YamlDocument d : new YamlLoader().load(p, p.getFileName().toString())) {
          if (!d.isEmpty() && "CustomResourceDefinition".equals(d.content().path("kind").asText())) {
            list.add(d.content());
          }
        }
      }
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot list " + dir);
    }
    return list;
  }

  /** Records the scope of each kind from the API paths: namespaced kinds live under {namespace}. */
  private static void collectScopes(JsonNode doc, Map<String, Boolean> namespaced) {
    Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> p = paths.next();
      for (JsonNode op : p.getValue()) {
        JsonNode gvk = op.get("x-kubernetes-group-version-kind");
        String action = op.path("x-kubernetes-action").asText();
        if (gvk == null || !(action.equals("post") || action.equals("put") || action.equals("get"))) {
          continue;
        }
        if (p.getKey().endsWith("/status") || p.getKey().endsWith("/scale") || p.getKey().contains("/watch/")) {
          continue;
        }
        String key = gvk.path("group").asText() + "/" + gvk.path("kind").asText();
        boolean ns = p.getKey().contains("{namespace}");
        namespaced.merge(key, ns, (a, b) -> a || b);
      }
    }
  }

  private JsonNode readJson(Path p) {
    try {
      return mapper.readTree(p.toFile());
    } catch (IOException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot read " + p + ": " + e.getClass().getSimpleName());
    }
  }

  /** Drops prose (description, example) and sorts keys, keeping every x-kubernetes-* extension. */
  static JsonNode strip(JsonNode node) {
    return strip(node, false);
  }

  /** {@code namesMap}: the object's keys are property names (under "properties"), not keywords. */
  private static JsonNode strip(JsonNode node, boolean namesMap) {
    if (node.isObject()) {
      ObjectNode out = F.objectNode();
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      for (String k : keys) {
        if (!namesMap && (k.equals("description") || k.equals("example"))) {
          continue;
        }
        boolean childIsNames =
            !namesMap && (k.equals("properties") || k.equals("patternProperties") || k.equals("definitions"));
        out.set(k, strip(node.get(k), childIsNames));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = F.arrayNode();
      node.forEach(n -> out.add(strip(n, false)));
      return out;
    }
    return node;
  }

  private String id(JsonNode def) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(def));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new ValidatorException(ExitCodes.INTERNAL, null, "cannot hash a definition", e);
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
