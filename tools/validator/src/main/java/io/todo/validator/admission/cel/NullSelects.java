package io.todo.validator.admission.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelMutableAst;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelMutableExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.navigation.CelNavigableMutableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * cel-go selects on a null as on an empty map: with {@code oldObject} null (every resource is a
 * CREATE here), {@code params} null (no paramKind) or {@code namespaceObject} null (a cluster-scoped
 * object), {@code has(oldObject.spec)} is false and {@code oldObject.?spec} is
 * {@code optional.none()}. cel-java fails on both, which would deny what Kubernetes admits. So the
 * checked AST is rewritten before it is planned: {@code has(x.f)} becomes
 * {@code x == null ? false : has(x.f)} and {@code x.?f} becomes
 * {@code x == null ? optional.none() : x.?f}. A plain {@code oldObject.spec} stays an error
 * ({@code no such key: spec}), as in cel-go.
 */
final class NullSelects {
  private static final Set<String> NULLABLE = Set.of("oldObject", "params", "namespaceObject");
  /** Only an expression that may hold such a test is converted (a cold start pays for the conversion). */
  private static final java.util.regex.Pattern CANDIDATE =
      java.util.regex.Pattern.compile(
          "has\\(\\s*(?:oldObject|params|namespaceObject)\\s*\\.|\\b(?:oldObject|params|namespaceObject)\\s*\\.\\?");

  private NullSelects() {}

  /** {@code source} is the expression's text (an AST read from the cache has none of its own). */
  static CelAbstractSyntaxTree rewrite(CelAbstractSyntaxTree ast, String source) {
    if (!CANDIDATE.matcher(source).find()) {
      return ast;
    }
    CelMutableAst mutable = CelMutableAst.fromCelAst(ast);
    List<CelMutableExpr> nodes = CelNavigableMutableAst.fromAst(mutable).getRoot().allNodes()
        .map(n -> n.expr()).toList();
    Rewriter r = new Rewriter(ast, nodes.stream().mapToLong(CelMutableExpr::id).max().orElse(0));
    for (CelMutableExpr e : nodes) {
      if (e.getKind() == CelExpr.ExprKind.Kind.SELECT && e.select().testOnly() && nullable(e.select().operand())) {
        r.guard(e, e.select().operand(), CelMutableExpr.ofConstant(r.next(SimpleType.BOOL), CelConstant.ofValue(false)));
      } else if (e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals("_?._")
          && e.call().args().size() == 2 && nullable(e.call().args().get(0))) {
        long id = r.next(r.types.get(e.id()));
        r.references.put(id, CelReference.newBuilder().addOverloadIds("optional_none").build());
        r.guard(e, e.call().args().get(0), CelMutableExpr.ofCall(id, CelMutableExpr.CelMutableCall.create("optional.none")));
      }
    }
    if (r.nextId == r.firstId) {
      return ast;
    }
    CelAbstractSyntaxTree parsed = mutable.toParsedAst();
    return CelAbstractSyntaxTree.newCheckedAst(parsed.getExpr(), parsed.getSource(), r.references, r.types);
  }

  private static boolean nullable(CelMutableExpr e) {
    return e.getKind() == CelExpr.ExprKind.Kind.IDENT && NULLABLE.contains(e.ident().name());
  }

  /** Fresh node ids with their types and references, for the nodes the rewrite adds. */
  private static final class Rewriter {
    final Map<Long, CelReference> references;
    final Map<Long, CelType> types;
    final long firstId;
    long nextId;

    Rewriter(CelAbstractSyntaxTree ast, long maxId) {
      references = new HashMap<>(ast.getReferenceMap());
      types = new HashMap<>(ast.getTypeMap());
      firstId = maxId + 1;
      nextId = firstId;
    }

    long next(CelType type) {
      long id = nextId++;
      if (type != null) {
        types.put(id, type);
      }
      return id;
    }

    /** Turns {@code e} (keeping its id, type and place) into {@code x == null ? whenNull : e}. */
    void guard(CelMutableExpr e, CelMutableExpr x, CelMutableExpr whenNull) {
      long copyId = next(types.get(e.id()));
      CelMutableExpr original = CelMutableExpr.newInstance(e);
      original.setId(copyId);
      if (references.containsKey(e.id())) {
        references.put(copyId, references.get(e.id()));
      }
      long identId = next(types.get(x.id()));
      if (references.containsKey(x.id())) {
        references.put(identId, references.get(x.id()));
      }
      CelMutableExpr ident = CelMutableExpr.ofIdent(identId, x.ident().name());
      CelMutableExpr nil = CelMutableExpr.ofConstant(next(SimpleType.NULL_TYPE), CelConstant.ofValue(NullValue.NULL_VALUE));
      long eqId = next(SimpleType.BOOL);
      references.put(eqId, CelReference.newBuilder().addOverloadIds("equals").build());
      CelMutableExpr isNull = CelMutableExpr.ofCall(eqId, CelMutableExpr.CelMutableCall.create("_==_", ident, nil));
      e.setCall(CelMutableExpr.CelMutableCall.create("_?_:_", isNull, whenNull, original));
      references.put(e.id(), CelReference.newBuilder().addOverloadIds("conditional").build());
    }
  }
}
