package io.todo.validator.admission.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelMutableAst;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelMutableExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.navigation.CelNavigableMutableAst;
import dev.cel.common.types.SimpleType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every resource is evaluated as a CREATE, so {@code oldObject} is always null. cel-go selects on a
 * null as on an empty map: {@code has(oldObject.spec)} is false and {@code oldObject.?spec} is
 * {@code optional.none()}; cel-java fails on both, which would deny a create that Kubernetes
 * admits. The checked AST is rewritten to those answers before it is planned (a plain
 * {@code oldObject.spec} stays an error, {@code no such key: spec}, as in cel-go).
 */
final class NullOldObject {
  private static final String NAME = "oldObject";

  private NullOldObject() {}

  /** {@code source} is the expression's text (an AST read from the cache has none of its own). */
  static CelAbstractSyntaxTree rewrite(CelAbstractSyntaxTree ast, String source) {
    if (!source.contains(NAME)) {
      return ast;
    }
    CelMutableAst mutable = CelMutableAst.fromCelAst(ast);
    Map<Long, CelReference> references = new HashMap<>(ast.getReferenceMap());
    Map<Long, dev.cel.common.types.CelType> types = new HashMap<>(ast.getTypeMap());
    boolean changed = false;
    List<CelMutableExpr> nodes = CelNavigableMutableAst.fromAst(mutable).getRoot().allNodes()
        .map(n -> n.expr()).toList();
    for (CelMutableExpr e : nodes) {
      if (e.getKind() == CelExpr.ExprKind.Kind.SELECT && e.select().testOnly() && isOldObject(e.select().operand())) {
        e.setConstant(CelConstant.ofValue(false));
        types.put(e.id(), SimpleType.BOOL);
        changed = true;
      } else if (e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals("_?._")
          && e.call().args().size() == 2 && isOldObject(e.call().args().get(0))) {
        CelMutableExpr.CelMutableCall none = CelMutableExpr.CelMutableCall.create("optional.none");
        e.setCall(none);
        references.put(e.id(), CelReference.newBuilder().addOverloadIds("optional_none").build());
        changed = true;
      }
    }
    if (!changed) {
      return ast;
    }
    CelAbstractSyntaxTree parsed = mutable.toParsedAst();
    return CelAbstractSyntaxTree.newCheckedAst(parsed.getExpr(), parsed.getSource(), references, types);
  }

  private static boolean isOldObject(CelMutableExpr e) {
    return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(NAME);
  }
}
