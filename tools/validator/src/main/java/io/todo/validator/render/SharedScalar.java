package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A label or annotation value that kustomize keeps as one YAML node in several places. kyaml's
 * SetEntry (the labels and annotations transformers) builds one node per key and resource and
 * appends that same node wherever it creates the key: metadata/labels, a selector, a pod
 * template. A later in-place edit of one of those places (a labels entry without selectors, a
 * strategic-merge patch, a replacement: kyaml copies the new value into the existing node)
 * therefore changes all of them, selectors included, and Argo CD applies what kustomize prints.
 *
 * <p>The places a transformer created form a group; {@link #set} is the renderer's in-place
 * write, and writes every place of the group that still holds the group's value. A place whose
 * key was removed or replaced since is left alone, as is a copy: a JSON 6902 patch rebuilds its
 * resource (kustomize round-trips it through JSON), so its places are no longer shared.
 */
final class SharedScalar extends TextNode {
  private static final long serialVersionUID = 1L;

  private record Place(ObjectNode map, String key) {}

  /** The places of one created node; shared by the values it holds over time. */
  private static final class Group {
    final List<Place> places = new ArrayList<>();
  }

  private final transient Group group;

  private SharedScalar(String value, Group group) {
    super(value);
    this.group = group;
  }

  /** A new node for one key of one resource, not placed anywhere yet. */
  static SharedScalar create(String value) {
    return new SharedScalar(value, new Group());
  }

  /** Creates {@code key} in {@code map} with this node (the key must be missing there). */
  void createAt(ObjectNode map, String key) {
    group.places.add(new Place(map, key));
    map.set(key, this);
  }

  /**
   * Writes {@code value} at {@code map[key]} in place: when the key holds a shared node, every
   * place of its group that still holds that node gets the value too.
   */
  static void set(ObjectNode map, String key, JsonNode value) {
    JsonNode old = map.get(key);
    if (old instanceof SharedScalar s && old != value && value.isValueNode()) {
      // a string stays shared for later edits; another scalar (a replacement's number) is copied
      // everywhere, and later edits are seen only where they are made
      JsonNode next = value.isTextual() ? new SharedScalar(value.textValue(), s.group) : value;
      for (Place p : s.group.places) {
        if (p.map().get(p.key()) == old) {
          p.map().set(p.key(), next);
        }
      }
      map.set(key, next); // also when this place is a copy the group does not know
      return;
    }
    map.set(key, value);
  }
}
