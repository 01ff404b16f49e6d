package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Compiles converted schemas with networknt once per key (Kubernetes version, strictness, kind or
 * file) and keeps them for the life of the process; compiled schemas are thread-safe
 * ({@link CompiledSchema}).
 */
final class CompiledSchemas {
  private static final JsonSchemaFactory FACTORY = factory();
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .formatAssertionsEnabled(false)
          .typeLoose(false)
          .failFast(false)
          .preloadJsonSchema(false) // CompiledSchema builds validators as resources reach them
          .regularExpressionFactory(GoPatterns.INSTANCE)
          .build();
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private final ConcurrentHashMap<String, CompiledSchema> cache = new ConcurrentHashMap<>();
  /**
   * By converted content: most kinds are identical in neighbouring Kubernetes versions, and overlays
   * validated against different versions should not compile the same schema twice.
   */
  private final ConcurrentHashMap<JsonNode, CompiledSchema> byContent = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<JsonNode, CompiledSchema> byNullableContent = new ConcurrentHashMap<>();

  /** Runs this class's initialisation (the networknt factory) on the calling thread. */
  static void warmUp() {
    // the static initialisers above did the work
  }

  /**
   * The compiled schema for a key, converting and compiling it on first use (once per content).
   * {@code nullable}: with every type admitting null, as in the schemas kubeconform is given (see
   * {@link SchemaExporter#allowNull}), for resources that hold a null: a null is then accepted where
   * a value is typed, but not as an unknown field, outside an enum or over maxProperties. Union
   * types cost a cold run about 30 ms to compile, so resources without nulls use the plain schema,
   * which gives them the same verdicts.
   */
  CompiledSchema get(String key, Supplier<JsonNode> schema, boolean nullable) {
    if (!nullable) {
      return cache.computeIfAbsent(key, k -> byContent.computeIfAbsent(schema.get(), content -> compile(k, content)));
    }
    return cache.computeIfAbsent(key + "|nullable", k -> byNullableContent.computeIfAbsent(schema.get(), content -> {
      JsonNode copy = content.deepCopy(); // the content is a cache key: never mutate it
      SchemaExporter.allowNull(copy);
      return compile(k, copy);
    }));
  }

  static CompiledSchema compile(String key, JsonNode schema) {
    String uri = "urn:validator:" + Integer.toHexString(key.hashCode()) + ":" + UNSAFE.matcher(key).replaceAll("_");
    return new CompiledSchema(FACTORY.getSchema(SchemaLocation.of(uri), schema, CONFIG));
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
