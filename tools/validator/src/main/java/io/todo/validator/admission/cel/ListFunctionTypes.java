package io.todo.validator.admission.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypes;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The element types Kubernetes' lists library declares its functions for: {@code sum()} on lists of
 * int, uint, double or duration; {@code isSorted()}, {@code min()} and {@code max()} on those and
 * bool, timestamp, string and bytes; {@code indexOf(x)} and {@code lastIndexOf(x)} with {@code x}
 * of the element type; and the lists extension's {@code sort()} on the same types as min(). We declare one dynamic overload each (see {@link KubeCelLibrary}), so a
 * statically typed misuse such as {@code ['a'].sum()} is found here, after type-checking, with
 * cel-go's message. A dynamic list or element is left to run time, as in Kubernetes.
 */
final class ListFunctionTypes {
  private static final Set<CelType> SUMMABLE =
      Set.of(SimpleType.INT, SimpleType.UINT, SimpleType.DOUBLE, SimpleType.DURATION);
  private static final Set<CelType> COMPARABLE = Set.of(SimpleType.INT, SimpleType.UINT, SimpleType.DOUBLE,
      SimpleType.BOOL, SimpleType.DURATION, SimpleType.TIMESTAMP, SimpleType.STRING, SimpleType.BYTES);

  /** The element types a null is assignable to in cel-go (the protobuf message types). */
  private static final Set<CelType> NULLABLE = Set.of(SimpleType.DURATION, SimpleType.TIMESTAMP);

  private ListFunctionTypes() {}

  /** One issue per misuse, in source order. */
  static List<AstValidators.Issue> problems(CelAbstractSyntaxTree ast) {
    List<AstValidators.Issue> out = new ArrayList<>();
    CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
      CelExpr e = node.expr();
      if (e.getKind() != CelExpr.ExprKind.Kind.CALL || e.call().target().isEmpty()) {
        return;
      }
      CelExpr.CelCall call = e.call();
      Set<CelType> allowed = switch (call.function()) {
        case "sum" -> SUMMABLE;
        case "isSorted", "min", "max", "sort" -> COMPARABLE;
        case "indexOf", "lastIndexOf" -> null;
        default -> Set.of();
      };
      if (allowed != null && allowed.isEmpty()) {
        return;
      }
      CelType receiver = ast.getType(call.target().get().id()).orElse(SimpleType.DYN);
      if (!(receiver instanceof ListType list) || isDynamic(list.elemType())
          || (allowed != null && list.elemType().equals(SimpleType.NULL_TYPE))) {
        return; // a string's indexOf, or a dynamic list
      }
      CelType elem = list.elemType();
      String applied;
      if (allowed != null) {
        if (!call.args().isEmpty() || allowed.contains(elem)) {
          return;
        }
        applied = CelTypes.format(receiver) + ".()";
      } else {
        if (call.args().size() != 1) {
          return;
        }
        CelType arg = ast.getType(call.args().get(0).id()).orElse(SimpleType.DYN);
        if (isDynamic(arg) || arg.equals(elem) || (arg.equals(SimpleType.NULL_TYPE) && NULLABLE.contains(elem))
            || (elem.equals(SimpleType.NULL_TYPE) && NULLABLE.contains(arg))) {
          return;
        }
        applied = CelTypes.format(receiver) + ".(" + CelTypes.format(arg) + ")";
      }
      out.add(new AstValidators.Issue(e.id(),
          "found no matching overload for '" + call.function() + "' applied to '" + applied + "'"));
    });
    return out;
  }

  private static boolean isDynamic(CelType t) {
    return t.equals(SimpleType.DYN) || t.kind() == dev.cel.common.types.CelKind.TYPE_PARAM
        || t.kind() == dev.cel.common.types.CelKind.ANY;
  }
}
