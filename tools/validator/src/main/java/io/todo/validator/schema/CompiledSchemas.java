package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compiles converted schemas with networknt once per key (Kubernetes version, strictness, kind or
 * file) and keeps them for the life of the process; compiled schemas are thread-safe.
 */
final class CompiledSchemas {
  private static final JsonSchemaFactory FACTORY = factory();
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .formatAssertionsEnabled(false)
          .typeLoose(false)
          .failFast(false)
          .build();

  private final ConcurrentHashMap<String, JsonSchema> cache = new ConcurrentHashMap<>();
  /**
   * By converted content: most kinds are identical in neighbouring Kubernetes versions, and overlays
   * validated against different versions should not compile the same schema twice.
   */
  private final ConcurrentHashMap<JsonNode, JsonSchema> byContent = new ConcurrentHashMap<>();

  /** Runs this class's initialisation (the networknt factory) on the calling thread. */
  static void warmUp() {
    // the static initialisers above did the work
  }

  /** The compiled schema for a key, converting and compiling it on first use (once per content). */
  JsonSchema get(String key, Supplier<JsonNode> schema) {
    return cache.computeIfAbsent(key, k -> byContent.computeIfAbsent(schema.get(), content -> compile(k, content)));
  }
  private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[^A-Za-z0-9._-]");


  static JsonSchema compile(String key, JsonNode schema) {
    String uri = "urn:validator:" + Integer.toHexString(key.hashCode()) + ":" + UNSAFE.matcher(key).replaceAll("_");
    JsonSchema compiled = FACTORY.getSchema(SchemaLocation.of(uri), schema, CONFIG);
    compiled.initializeValidators();
    return compiled;
  }

  private static JsonSchemaFactory factory() {
    JsonMetaSchema draft4 = JsonMetaSchema.getV4();
    JsonMetaSchema meta = JsonMetaSchema.builder(draft4.getIri(), draft4).keywords(KubeKeywords.all()).build();
    return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
        .metaSchema(meta)
        .enableSchemaCache(false)
        .build();
  }
}
