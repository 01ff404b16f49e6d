package io.todo.validator.load;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * An unquoted scalar that looks like a YAML timestamp. It is a string to every check, but
 * kustomize's output path decodes it to a time and prints it in RFC 3339, so the renderer must
 * know it was plain.
 */
public final class PlainTimestamp extends TextNode {
  public PlainTimestamp(String v) {
    super(v);
  }
}
