package io.todo.validator.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.todo.validator.schema.SchemaBundle;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Which built-in kinds are namespaced, read from the schema bundle's small "namespaced" table
 * without building the whole bundle: most renders never need the definitions, and loading them
 * dominated a cold start.
 */
final class Scopes {
  private static volatile Map<String, Boolean> table;

  private Scopes() {}

  /** True for a known cluster-scoped kind; unknown kinds count as namespaced, as in kyaml. */
  static boolean isClusterScoped(String group, String kind) {
    Boolean namespaced = table().get(group + "/" + kind);
    return namespaced != null && !namespaced;
  }

  private static Map<String, Boolean> table() {
    Map<String, Boolean> t = table;
    if (t == null) {
      synchronized (Scopes.class) {
        if (table == null) {
          table = load();
        }
        t = table;
      }
    }
    return t;
  }

  private static Map<String, Boolean> load() {
    Map<String, Boolean> m = new HashMap<>();
    try (InputStream in = SchemaBundle.class.getResourceAsStream(SchemaBundle.RESOURCE)) {
      if (in == null) {
        return m;
      }
      JsonParser p = new JsonFactory().createParser(new BufferedInputStream(new GZIPInputStream(in, 1 << 16)));
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return m;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.getCurrentName();
        p.nextToken();
        if (field.equals("namespaced")) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.getCurrentName();
            p.nextToken();
            m.put(key, p.getBooleanValue());
          }
          break;
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in schema bundle", e);
    }
    return m;
  }
}
