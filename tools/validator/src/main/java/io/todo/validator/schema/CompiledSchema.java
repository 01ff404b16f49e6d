package io.todo.validator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * A compiled schema that builds its validators as resources need them. networknt builds the
 * validators of a schema lazily, without synchronisation; initialising all of them up front (a
 * Deployment's schema reaches most of the API's types) cost a cold run more than its checks.
 * So a schema validates under its lock until it has checked {@link #EAGER_AFTER} resources, then
 * builds everything once and validates lock-free from then on, as large streams need.
 */
final class CompiledSchema {
  static final int EAGER_AFTER = 64;

  private final JsonSchema schema;
  private volatile boolean complete;
  private int validated; // guarded by this

  CompiledSchema(JsonSchema schema) {
    this.schema = schema;
  }

  Set<ValidationMessage> validate(JsonNode node) {
    if (complete) {
      return schema.validate(node);
    }
    synchronized (this) {
      if (!complete && ++validated >= EAGER_AFTER) {
        schema.initializeValidators();
        complete = true;
      }
      return schema.validate(node);
    }
  }
}
