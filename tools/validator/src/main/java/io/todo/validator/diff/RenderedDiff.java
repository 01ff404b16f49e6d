package io.todo.validator.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Resource;
import io.todo.validator.render.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A per-resource diff of two rendered streams, secret values redacted. */
public final class RenderedDiff {
  private RenderedDiff() {}

  /** One resource's change. */
  public record Entry(char change, String id, String diff) {}

  public static List<Entry> diff(List<Resource> base, List<Resource> head) {
    Map<String, Resource> a = index(base);
    Map<String, Resource> b = index(head);
    List<Entry> entries = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>(a.keySet());
    ids.addAll(b.keySet());
    for (String id : ids) {
      Resource ra = a.get(id);
      Resource rb = b.get(id);
      ObjectNode oa = ra == null ? null : Redactor.redact(ra.object(), rb == null ? null : rb.object());
      ObjectNode ob = rb == null ? null : Redactor.redact(rb.object(), ra == null ? null : ra.object());
      String ya = oa == null ? "" : yaml(ra, oa);
      String yb = ob == null ? "" : yaml(rb, ob);
      if (ya.equals(yb) && (ra == null || !ra.object().equals(rb.object()))) {
        // only redacted values differ
        if (ra != null && rb != null) {
          entries.add(new Entry('~', id, "(secret values changed; not shown)\n"));
        }
        continue;
      }
      if (ya.equals(yb)) {
        continue;
      }
      char change = ra == null ? '+' : rb == null ? '-' : '~';
      String text = UnifiedDiff.diff(ra == null ? "/dev/null" : "a/" + id, rb == null ? "/dev/null" : "b/" + id,
          lines(ya), lines(yb));
      entries.add(new Entry(change, id, text));
    }
    return entries;
  }

  private static String yaml(Resource original, ObjectNode redacted) {
    return YamlWriter.stream(List.of(new Resource(redacted, original.origins())));
  }

  private static List<String> lines(String s) {
    if (s.isEmpty()) {
      return List.of();
    }
    String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    return List.of(t.split("\n", -1));
  }

  private static Map<String, Resource> index(List<Resource> resources) {
    Map<String, Resource> m = new LinkedHashMap<>();
    for (Resource r : resources) {
      String group = r.group().isEmpty() ? "" : r.group() + "/";
      m.put(group + r.ref(), r);
    }
    return m;
  }
}
