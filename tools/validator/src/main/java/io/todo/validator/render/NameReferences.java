package io.todo.validator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rewrites references to renamed resources (kustomize's FixBackReferences / nameref filter): a
 * Deployment's envFrom follows its ConfigMap's hash suffix, a RoleBinding its prefixed Role, ...
 */
final class NameReferences {
  private NameReferences() {}

  static void fix(List<Res> all, List<BuiltinConfig.NameRef> nameReference) {
    java.util.Map<Res, List<Res>> referableCache = new java.util.IdentityHashMap<>();
    for (BuiltinConfig.NameRef ref : nameReference) {
      for (FieldSpec fs : ref.referrers()) {
        for (Res referrer : all) {
          if (!referrer.orgId().selectedBy(fs.group(), fs.version(), fs.kind())
              || !hasPath(referrer.obj, fs.path())) {
            continue;
          }
          List<Res> candidates = referableCache.computeIfAbsent(referrer, r -> referable(all, r));
          FieldSpec any = FieldSpec.of("", "", "", fs.path(), false);
          any.apply(referrer.obj, FieldSpec.Create.NONE, slot -> {
            JsonNode v = slot.get();
            if (v == null || v.isNull()) {
              return;
            }
            if (v.isArray()) {
              for (int i = 0; i < v.size(); i++) {
                update(FieldSpec.arraySlot((com.fasterxml.jackson.databind.node.ArrayNode) v, i, slot.pointer() + "/" + i),
                    referrer, ref, fs, candidates);
              }
            } else {
              update(slot, referrer, ref, fs, candidates);
            }
          });
        }
      }
    }
  }

  /** A cheap pre-check: does the first path segment exist? */
  private static boolean hasPath(JsonNode obj, String path) {
    int slash = path.indexOf('/');
    String first = slash < 0 ? path : path.substring(0, slash);
    if (first.endsWith("[]")) {
      first = first.substring(0, first.length() - 2);
    }
    return obj.has(first);
  }

  private static void update(FieldSpec.Slot slot, Res referrer, BuiltinConfig.NameRef ref, FieldSpec fs,
      List<Res> candidates) {
    JsonNode v = slot.get();
    if (v == null || v.isNull()) {
      return;
    }
    if (v.isObject()) {
      JsonNode nameNode = v.get("name");
      if (nameNode == null) {
        throw new RenderException("path config error; no 'name' field in node");
      }
      List<Res> pool = candidates;
      JsonNode nsNode = v.get("namespace");
      if (nsNode != null) {
        String ns = nsNode.asText();
        // GroupedByOriginalNamespace, else GroupedByCurrentNamespace: keyed by effective namespace
        // ("" is "default"), cluster-scoped candidates in neither
        List<Res> byOrg = candidates.stream().filter(r -> r.orgId().effectiveNamespace().equals(ns)).toList();
        pool = !byOrg.isEmpty() ? byOrg
            : candidates.stream().filter(r -> r.curId().effectiveNamespace().equals(ns)).toList();
      }
      Res referral = select(nameNode.asText(), pool, referrer, ref, fs, true);
      if (referral == null) {
        return;
      }
      if (referral.name().equals(nameNode.asText()) && referral.namespace().isEmpty()) {
        return;
      }
      ((ObjectNode) v).put("name", referral.name());
      if (!referral.namespace().isEmpty()) {
        ((ObjectNode) v).put("namespace", referral.namespace());
      }
      return;
    }
    if (!v.isValueNode()) {
      return;
    }
    Res referral = select(v.asText(), candidates, referrer, ref, fs, false);
    if (referral != null && !referral.name().equals(v.asText())) {
      slot.set(FieldSpec.text(referral.name()));
    }
  }

  private static Res select(String oldName, List<Res> candidates, Res referrer, BuiltinConfig.NameRef ref,
      FieldSpec fs, boolean withNamespace) {
    List<Res> c = sieve(candidates, r -> r.previous.stream().anyMatch(id -> id.name().equals(oldName)));
    c = sieve(c, r -> r.previous.stream().anyMatch(id -> id.selectedBy(ref.group(), ref.version(), ref.kind())));
    if (fs.path().endsWith("roleRef/name")) {
      JsonNode roleRef = referrer.obj.path("roleRef");
      if (roleRef.has("apiGroup") && roleRef.has("kind")) {
        String g = roleRef.get("apiGroup").asText();
        String k = roleRef.get("kind").asText();
        c = sieve(c, r -> r.previous.stream().anyMatch(id -> id.selectedBy(g, "", k)));
      }
    }
    ResId referrerId = referrer.curId();
    if (!referrerId.isClusterScoped()) {
      c = sieve(c, r -> r.curId().isClusterScoped() || r.kind().equals("ServiceAccount")
          || referrerId.nsEquals(r.curId()));
    }
    if (c.size() == 1) {
      return c.get(0);
    }
    c = sieve(c, r -> affixesEqual(r, referrer, true));
    if (c.size() > 1) {
      c = sieve(c, r -> affixesEqual(r, referrer, false));
    }
    if (c.size() == 1) {
      return c.get(0);
    }
    if (c.isEmpty()) {
      return null;
    }
    String name = c.get(0).name();
    String ns = c.get(0).namespace();
    boolean same = c.stream().allMatch(r -> r.name().equals(name) && (!withNamespace || r.namespace().equals(ns)));
    if (same) {
      return c.get(0);
    }
    List<String> ids = new ArrayList<>();
    c.forEach(r -> ids.add(r.curId().toString()));
    throw new RenderException("found multiple possible referrals: " + String.join(", ", ids));
  }

  private static boolean affixesEqual(Res a, Res b, boolean allowEmpty) {
    if (allowEmpty) {
      boolean pe = a.prefixes.isEmpty() || b.prefixes.isEmpty();
      boolean se = a.suffixes.isEmpty() || b.suffixes.isEmpty();
      return (pe || sameEnding(a.prefixes, b.prefixes)) && (se || sameEnding(a.suffixes, b.suffixes));
    }
    return sameEnding(a.prefixes, b.prefixes) && sameEnding(a.suffixes, b.suffixes);
  }

  private static boolean sameEnding(List<String> x, List<String> y) {
    List<String> shortest = x.size() <= y.size() ? x : y;
    List<String> longest = x.size() <= y.size() ? y : x;
    int diff = longest.size() - shortest.size();
    if (shortest.isEmpty()) {
      return diff == 0;
    }
    for (int i = shortest.size() - 1; i >= 0; i--) {
      if (!longest.get(i + diff).equals(shortest.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<Res> sieve(List<Res> in, Predicate<Res> keep) {
    return in.stream().filter(keep).toList();
  }

  /** SubsetThatCouldBeReferencedByResource. */
  private static List<Res> referable(List<Res> all, Res referrer) {
    ResId rid = referrer.curId();
    if (rid.isClusterScoped()) {
      return all;
    }
    Set<String> bindingNamespaces = new HashSet<>();
    if ("RoleBinding".equals(referrer.kind())) {
      for (JsonNode s : referrer.obj.path("subjects")) {
        if ("ServiceAccount".equals(s.path("kind").asText()) && s.has("namespace")) {
          bindingNamespaces.add(s.get("namespace").asText());
        }
      }
    }
    List<Res> out = new ArrayList<>();
    for (Res r : all) {
      ResId id = r.curId();
      if (id.isClusterScoped() || id.nsEquals(rid) || bindingNamespaces.contains(r.namespace())) {
        out.add(r);
      }
    }
    return out;
  }
}
