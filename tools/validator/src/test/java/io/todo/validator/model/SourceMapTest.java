package io.todo.validator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tree of segments behaves as the map of whole pointers it replaced. */
class SourceMapTest {
  private static final String[] SEGMENTS = {"a", "b", "metadata", "0", "1", "", "x~1y", "13", "c"};

  /** The map the tree replaced, as the reference. */
  private static final class Model {
    final Map<String, Location> map = new HashMap<>();

    Location locate(String pointer) {
      String p = pointer;
      while (true) {
        Location l = map.get(p);
        if (l != null || p.isEmpty()) {
          return l;
        }
        int slash = p.lastIndexOf('/');
        p = slash <= 0 ? "" : p.substring(0, slash);
      }
    }

    Model under(String prefix) {
      Model out = new Model();
      map.forEach((k, v) -> {
        if (k.equals(prefix) || k.startsWith(prefix + "/")) {
          out.map.put(k.substring(prefix.length()), v);
        }
      });
      return out;
    }
  }

  private static String pointer(Random random) {
    StringBuilder p = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      p.append('/').append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
    }
    return p.toString();
  }

  @Test
  void behavesAsTheMapOfPointers() {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      SourceMap map = new SourceMap();
      Model model = new Model();
      SourceMap other = new SourceMap();
      Model otherModel = new Model();
      for (int op = 0; op < 60; op++) {
        String p = pointer(random);
        Location l = new Location("f" + random.nextInt(3), 1 + random.nextInt(50), 1 + random.nextInt(9));
        switch (random.nextInt(8)) {
          case 0, 1, 2 -> {
            map.put(p, l);
            model.map.put(p, l);
          }
          case 3 -> {
            other.put(p, l);
            otherModel.map.put(p, l);
          }
          case 4 -> {
            String prefix = pointer(random);
            map.putAll(prefix, other);
            otherModel.map.forEach((k, v) -> model.map.put(prefix + k, v));
          }
          case 5 -> {
            String prefix = pointer(random);
            other = map.under(prefix);
            otherModel = model.under(prefix);
          }
          case 6 -> {
            SourceMap copy = map.copy();
            map.put("/copied", l); // a copy does not share its slots
            assertThat(copy.get("/copied")).isEqualTo(model.map.get("/copied"));
            map = copy;
          }
          default -> {
            map.setAll(other);
            model.map.clear();
            model.map.putAll(otherModel.map);
          }
        }
        String q = pointer(random);
        assertThat(map.get(q)).as(q).isEqualTo(model.map.get(q));
        assertThat(map.locate(q)).as(q).isEqualTo(model.locate(q));
      }
      assertThat(map.entries()).isEqualTo(model.map);
      assertThat(other.entries()).isEqualTo(otherModel.map);
    }
  }

  @Test
  void cursorsRecordWithoutPointers() {
    SourceMap map = new SourceMap();
    SourceMap.Cursor root = map.cursor();
    root.set("f", 1, 1);
    root.child("spec").child("items").child("0").set("f", 4, 5);
    root.child("spec").set("f", 2, 1);
    assertThat(map.get("/spec/items/0")).isEqualTo(new Location("f", 4, 5));
    assertThat(map.get("/spec/items")).isNull();
    assertThat(map.locate("/spec/items/7")).isEqualTo(new Location("f", 2, 1));
    assertThat(map.entries().keySet()).containsExactly("", "/spec", "/spec/items/0");
  }

  @Test
  void manyChildrenAreFoundThroughTheIndex() {
    SourceMap map = new SourceMap();
    for (int i = 0; i < 100; i++) {
      map.put("/items/" + i, new Location("f", i + 1, 1));
    }
    for (int i = 0; i < 100; i++) {
      assertThat(map.get("/items/" + i)).isEqualTo(new Location("f", i + 1, 1));
    }
    assertThat(map.copy().get("/items/99")).isEqualTo(new Location("f", 100, 1));
  }

  @Test
  void aNullLocationRecordsNothing() {
    SourceMap map = new SourceMap();
    map.put("", new Location("f", 1, 1));
    map.put("/a", new Location("f", 2, 1));
    map.put("/a", null);
    assertThat(map.get("/a")).isNull();
    assertThat(map.locate("/a")).isEqualTo(new Location("f", 1, 1));
  }
}
