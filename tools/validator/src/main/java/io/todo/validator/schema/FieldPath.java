package io.todo.validator.schema;

import io.todo.validator.model.SourceMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A location inside a resource as a list of segments (String keys, Integer indexes), printed the
 * way kubectl does ({@code spec.containers[0].ports[1].containerPort}, {@code
 * metadata.labels["app.kubernetes.io/name"]}) and as a JSON pointer for the source map.
 */
public record FieldPath(List<Object> segments) {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  public static FieldPath root() {
    return new FieldPath(List.of());
  }

  public FieldPath child(Object segment) {
    List<Object> s = new java.util.ArrayList<>(segments);
    s.add(segment);
    return new FieldPath(List.copyOf(s));
  }

  public boolean startsWith(String key) {
    return !segments.isEmpty() && key.equals(segments.get(0));
  }

  public String pointer() {
    StringBuilder sb = new StringBuilder();
    for (Object s : segments) {
      sb.append('/').append(SourceMap.escape(String.valueOf(s)));
    }
    return sb.toString();
  }

  /** The kubectl-style field name; empty for the whole resource. */
  public String field() {
    StringBuilder sb = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        String k = (String) s;
        if (PLAIN.matcher(k).matches()) {
          sb.append(sb.length() == 0 ? "" : ".").append(k);
        } else {
          sb.append("[\"").append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
      }
    }
    return sb.toString();
  }
}
