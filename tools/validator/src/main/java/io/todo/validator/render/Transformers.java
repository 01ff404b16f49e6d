package io.todo.validator.render;

import io.todo.validator.model.GoText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The built-in transformers of a kustomization other than patches, in kustomize's order. */
final class Transformers {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Transformers() {}

  static void namespace(List<Res> resources, String ns, List<FieldSpec> specs, Location where) {
    for (Res r : resources) {
      if (r.isEmpty() || "true".equals(Res.text(r.obj.path("metadata").path("annotations")
          .get(HelmInflator.HELM_GENERATED)))) {
        continue; // helm sets the namespace of what it renders
      }
      r.storePreviousId();
      ResId id = r.curId();
      if (!id.isClusterScoped()) {
        r.metadata().put("namespace", ns);
        r.origins.put("/metadata/namespace", where);
      }
      if (id.kind().equals("RoleBinding") || id.kind().equals("ClusterRoleBinding")) {
        JsonNode subjects = r.obj.get("subjects");
        if (subjects != null && subjects.isArray()) {
          for (JsonNode s : subjects) {
            if (s.isObject() && "default".equals(Res.text(s.get("name")))) {
              ((ObjectNode) s).put("namespace", ns);
            }
          }
        }
      }
      for (FieldSpec fs : specs) {
        // namespace.Filter: metadata/namespace is set above; metadata/name only on v1 objects
        if (fs.path().equals("metadata/namespace")
            || fs.path().equals("metadata/name") && !"v1".equals(Res.text(r.obj.get("apiVersion")))
            || (id.kind().equals("RoleBinding") || id.kind().equals("ClusterRoleBinding"))
                && fs.path().equals("subjects/namespace") && (fs.kind().equals("RoleBinding")
                || fs.kind().equals("ClusterRoleBinding"))) {
          continue;
        }
        fs.apply(r.obj, FieldSpec.Create.SCALAR, slot -> {
          JsonNode cur = slot.get();
          if (cur != null && cur.isContainerNode()) {
            throw ValidatorException.input(where, "namespace field specs must target scalar nodes");
          }
          slot.set(F.textNode(ns));
        });
      }
    }
    checkUnique(resources, where, "namespace transformation produces ID conflict");
  }

  /** PrefixTransformer / SuffixTransformer over the namePrefix / nameSuffix field specs. */
  static void prefixSuffix(List<Res> resources, String affix, boolean prefix, List<FieldSpec> specs,
      Location where) {
    for (Res r : resources) {
      ResId org = r.orgId();
      if (org.selectedBy("", "", "CustomResourceDefinition") || org.selectedBy("apiregistration.k8s.io", "", "APIService")
          || org.selectedBy("", "", "Namespace")) {
        continue;
      }
      for (FieldSpec fs : specs) {
        if (!org.selectedBy(fs.group(), fs.version(), fs.kind())) {
          continue;
        }
        if (fs.path().equals("metadata/name")) {
          (prefix ? r.prefixes : r.suffixes).add(affix);
          r.storePreviousId();
          JsonNode name = r.obj.path("metadata").get("name");
          if (name != null && name.isValueNode() && !name.isNull()) {
            r.setName(prefix ? affix + name.asText() : name.asText() + affix);
            r.origins.put("/metadata/name", where);
          }
          continue;
        }
        fs.apply(r.obj, FieldSpec.Create.SCALAR, slot -> {
          JsonNode cur = slot.get();
          if (cur != null && cur.isContainerNode()) {
            throw ValidatorException.input(where, "name " + (prefix ? "prefix" : "suffix") + " field specs must"
                + " target scalar nodes: " + fs.path() + " of " + r.curId());
          }
          String v = cur == null || cur.isNull() ? "" : cur.asText();
          slot.set(F.textNode(prefix ? affix + v : v + affix));
          r.origins.put(slot.pointer(), where);
        });
      }
    }
  }

  /** labels / commonLabels / commonAnnotations: string entries set at each field spec. */
  static void setEntries(List<Res> resources, Map<String, String> entries, List<FieldSpec> specs, Location where) {
    if (entries.isEmpty()) {
      return;
    }
    Map<String, String> sorted = new TreeMap<>(entries);
    for (Res r : resources) {
      if (r.isEmpty()) {
        continue;
      }
      // kyaml's SetEntry: one node per key and resource, appended wherever the key is created
      Map<String, SharedScalar> created = new java.util.HashMap<>();
      for (FieldSpec fs : specs) {
        fs.apply(r.obj, FieldSpec.Create.MAP, slot -> {
          JsonNode cur = slot.get();
          ObjectNode map;
          if (cur == null || cur.isNull()) {
            map = F.objectNode();
            slot.set(map);
          } else if (cur.isObject()) {
            map = (ObjectNode) cur;
          } else {
            throw ValidatorException.input(where,
                "wrong node kind at " + fs.path() + " of " + r.curId() + ": expected a mapping");
          }
          sorted.forEach((k, v) -> {
            if (!map.has(k) && !ScalarValue.readsAsString(k)) {
              // kyaml adds the key as an untagged plain scalar: one that yaml.v3 reads as another
              // type (true, 12, null, a date) makes the final JSON conversion fail
              throw ValidatorException.input(where, "json: unsupported type: map[interface {}]interface {} (the key "
                  + GoText.quote(k) + " added at " + fs.path() + " of " + r.curId() + " is not read back as a string)");
            }
            if (map.has(k)) {
              SharedScalar.set(map, k, F.textNode(v));
            } else {
              created.computeIfAbsent(k, x -> SharedScalar.create(v)).createAt(map, k);
            }
            r.origins.put(slot.pointer() + "/" + io.todo.validator.model.SourceMap.escape(k), where);
          });
        });
      }
    }
  }

  record Image(String name, String newName, String newTag, String digest, String tagSuffix, Location where) {}

  /**
   * image.IsImageMatched: kustomize reads an images name as a Go regular expression, prefixed
   * with "^" and followed by an optional tag and digest, and looks for a match anywhere (so a name
   * "a|b" matches every image starting with "a"). A name that does not compile makes kustomize
   * crash; here it is a located error.
   */
  static void images(List<Res> resources, Image image, List<FieldSpec> specs) {
    Pattern match;
    try {
      match = GoRegexp.compile("^" + image.name() + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$");
    } catch (RenderException e) {
      throw ValidatorException.input(image.where(), "invalid image name " + image.name()
          + " (kustomize reads it as a regular expression): " + e.getMessage());
    }
    for (Res r : resources) {
      if (r.isEmpty()) {
        continue;
      }
      legacyImages(r, r.obj, "", image, match);
      for (FieldSpec fs : specs) {
        fs.apply(r.obj, FieldSpec.Create.NONE, slot -> updateImage(r, slot, image, match));
      }
    }
  }

  /** imagetag.LegacyFilter: every containers/initContainers list anywhere in the object. */
  private static void legacyImages(Res r, JsonNode n, String ptr, Image image, Pattern match) {
    if (n.isObject()) {
      for (java.util.Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (!v.isContainerNode()) {
          continue;
        }
        String p = ptr + "/" + io.todo.validator.model.SourceMap.escape(e.getKey());
        if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && v.isArray()) {
          for (int i = 0; i < v.size(); i++) {
            JsonNode c = v.get(i);
            if (c.isObject() && c.has("image")) {
              updateImage(r, FieldSpec.mapSlot((ObjectNode) c, "image", p + "/" + i + "/image"), image, match);
            }
          }
        }
        legacyImages(r, v, p, image, match);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        if (n.get(i).isContainerNode()) {
          legacyImages(r, n.get(i), ptr + "/" + i, image, match);
        }
      }
    }
  }

  private static void updateImage(Res r, FieldSpec.Slot slot, Image image, Pattern match) {
    JsonNode cur = slot.get();
    if (cur == null || !cur.isValueNode() || cur.isNull()) {
      return;
    }
    String value = cur.asText();
    if (!match.matcher(value).find()) {
      return;
    }
    String[] parts = splitImage(value);
    String name = parts[0];
    String tag = parts[1];
    String digest = parts[2];
    if (!image.newName().isEmpty()) {
      name = image.newName();
    }
    if (!image.newTag().isEmpty() && !image.digest().isEmpty()) {
      tag = image.newTag();
      digest = image.digest();
    } else if (!image.newTag().isEmpty()) {
      tag = image.newTag();
      digest = "";
    } else if (!image.digest().isEmpty()) {
      tag = "";
      digest = image.digest();
    } else if (!image.tagSuffix().isEmpty()) {
      // only when neither newTag nor digest is set, and it drops the digest (imagetag/updater.go)
      tag = tag + image.tagSuffix();
      digest = "";
    }
    String out = name;
    if (!tag.isEmpty()) {
      out += ":" + tag;
    }
    if (!digest.isEmpty()) {
      out += "@" + digest;
    }
    slot.set(F.textNode(out));
    r.origins.put(slot.pointer(), image.where());
  }

  /** image.Split: name, tag, digest; a registry port is not a tag. */
  static String[] splitImage(String image) {
    String search = image;
    int slash = image.indexOf('/');
    if (slash > 0) {
      search = image.substring(slash);
    } else {
      slash = 0;
    }
    int id = search.indexOf('@');
    int ic = search.indexOf(':');
    if (ic < 0 && id < 0) {
      return new String[] {image, "", ""};
    }
    if (id >= 0 && (id < ic || ic < 0)) {
      id += slash;
      return new String[] {image.substring(0, id), "", image.substring(id + 1)};
    }
    if (id >= 0) {
      id += slash;
      ic += slash;
      return new String[] {image.substring(0, ic), image.substring(ic + 1, id), image.substring(id + 1)};
    }
    ic += slash;
    return new String[] {image.substring(0, ic), image.substring(ic + 1), ""};
  }

  static void replicas(List<Res> resources, String name, long count, List<FieldSpec> config, Location where) {
    // kustomize's configuration lists are sorted by GVK (sortFields): the error lists them in that order
    List<FieldSpec> specs = new ArrayList<>(config);
    specs.sort((a, b) -> LegacySort.compareGvk(gvk(a), gvk(b)));
    boolean found = false;
    for (FieldSpec fs : specs) {
      for (Res r : resources) {
        boolean matches = false;
        for (ResId id : r.allIds()) {
          if (id.name().equals(name) && id.selectedBy(fs.group(), fs.version(), fs.kind())) {
            matches = true;
            break;
          }
        }
        if (!matches) {
          continue;
        }
        found = true;
        fs.apply(r.obj, FieldSpec.Create.SCALAR, slot -> {
          slot.set(F.numberNode(count));
          r.origins.put(slot.pointer(), where);
        });
      }
    }
    if (!found) {
      List<String> gvks = new ArrayList<>();
      for (FieldSpec fs : specs) {
        gvks.add(gvk(fs).gvkString());
      }
      // Go's %v of a []string: space-separated in brackets
      throw ValidatorException.input(where, "resource with name " + name
          + " does not match a config with the following GVK [" + String.join(" ", gvks) + "]");
    }
  }

  private static ResId gvk(FieldSpec fs) {
    return new ResId(fs.group(), fs.version(), fs.kind(), "", "");
  }

  static void checkUnique(List<Res> resources, Location where, String message) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Res r : resources) {
      ResId id = r.curId();
      if (!ids.add(id.key())) {
        throw ValidatorException.input(where, message + ": " + id);
      }
    }
  }
}
