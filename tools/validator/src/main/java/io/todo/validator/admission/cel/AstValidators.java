package io.todo.validator.admission.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The checks Kubernetes' CEL environment runs on a type-checked expression (cel-go's AST validators,
 * k8s.io/apiserver pkg/cel/environment): duration(), timestamp() and matches() with a literal first
 * argument must succeed on it, list and map literals must be homogeneous (except anywhere inside a
 * {@code format()} call, which the strings extension exempts), and {@code '<literal>'.format([...])}
 * must parse and its literal list must fit the clauses. Also a double literal out of range, which
 * cel-go's parser refuses.
 */
final class AstValidators {
  /** A problem found: the message and the id of the expression it is about. */
  record Issue(long id, String message) {}

  private final CelAbstractSyntaxTree ast;
  private final Predicate<CelAbstractSyntaxTree> evaluates;
  private final List<Issue> issues = new ArrayList<>();

  private AstValidators(CelAbstractSyntaxTree ast, Predicate<CelAbstractSyntaxTree> evaluates) {
    this.ast = ast;
    this.evaluates = evaluates;
  }

  /**
   * The issues of a checked AST; {@code evaluates} says whether a (checked) sub-expression
   * evaluates without an error.
   */
  static List<Issue> validate(CelAbstractSyntaxTree ast, Predicate<CelAbstractSyntaxTree> evaluates) {
    AstValidators v = new AstValidators(ast, evaluates);
    List<CelNavigableExpr> nodes = CelNavigableAst.fromAst(ast).getRoot().allNodes().toList();
    for (CelNavigableExpr n : nodes) {
      v.homogeneous(n);
    }
    for (CelNavigableExpr n : nodes) {
      v.literalArgument(n.expr());
    }
    for (CelNavigableExpr n : nodes) {
      v.format(n.expr());
    }
    for (CelNavigableExpr n : nodes) {
      v.doubleLiteral(n.expr());
    }
    return v.issues;
  }

  // ---- a double literal out of range (1e400): cel-go's parser refuses it, cel-java's reads infinity

  private void doubleLiteral(CelExpr e) {
    if (e.getKind() == Kind.CONSTANT && e.constant().getKind() == CelConstant.Kind.DOUBLE_VALUE
        && Double.isInfinite(e.constant().doubleValue())) {
      issues.add(new Issue(e.id(), "invalid double literal"));
    }
  }

  // ---- duration('...'), timestamp('...'), matches('...'): the call must work on its literal

  private void literalArgument(CelExpr e) {
    if (e.getKind() != Kind.CALL) {
      return;
    }
    String fn = e.call().function();
    if (!fn.equals("duration") && !fn.equals("timestamp") && !fn.equals("matches")) {
      return;
    }
    // like cel-go, the first argument: for the global matches(s, re) that is the string, not the regex
    List<CelExpr> args = e.call().args();
    if (args.isEmpty() || args.get(0).getKind() != Kind.CONSTANT) {
      return;
    }
    CelExpr lit = args.get(0);
    boolean ok;
    if (fn.equals("matches")) {
      CelConstant c = lit.constant();
      ok = c.getKind() != CelConstant.Kind.STRING_VALUE || GoRegex.compiles(c.stringValue());
    } else {
      ok = evaluates.test(CelAbstractSyntaxTree.newCheckedAst(e, ast.getSource(), ast.getReferenceMap(), ast.getTypeMap()));
    }
    if (!ok) {
      issues.add(new Issue(lit.id(), "invalid " + fn + " argument"));
    }
  }

  // ---- homogeneous aggregate literals

  private void homogeneous(CelNavigableExpr n) {
    CelExpr e = n.expr();
    if (e.getKind() != Kind.LIST && e.getKind() != Kind.MAP || inFormat(n)) {
      return;
    }
    if (e.getKind() == Kind.LIST) {
      CelType first = null;
      List<CelExpr> elements = e.list().elements();
      for (int i = 0; i < elements.size(); i++) {
        CelType t = type(elements.get(i).id());
        if (e.list().optionalIndices().contains(i)) {
          t = t.parameters().isEmpty() ? t : t.parameters().get(0);
        }
        if (first == null) {
          first = t;
        } else if (!equivalent(first, t)) {
          mismatch(elements.get(i).id(), first, t);
          break;
        }
      }
      return;
    }
    CelType keyType = null;
    CelType valType = null;
    for (CelExpr.CelMap.Entry entry : e.map().entries()) {
      CelType kt = type(entry.key().id());
      CelType vt = type(entry.value().id());
      if (entry.optionalEntry() && !vt.parameters().isEmpty()) {
        vt = vt.parameters().get(0);
      }
      if (keyType == null) {
        keyType = kt;
        valType = vt;
        continue;
      }
      if (!equivalent(keyType, kt)) {
        mismatch(entry.key().id(), keyType, kt);
      }
      if (!equivalent(valType, vt)) {
        mismatch(entry.value().id(), valType, vt);
      }
    }
  }

  /** cel-go exempts every literal with a call named format among its ancestors. */
  private static boolean inFormat(CelNavigableExpr n) {
    for (Optional<CelNavigableExpr> p = n.parent(); p.isPresent(); p = p.get().parent()) {
      CelExpr e = p.get().expr();
      if (e.getKind() == Kind.CALL && e.call().function().equals("format")) {
        return true;
      }
    }
    return false;
  }

  private void mismatch(long id, CelType expected, CelType actual) {
    issues.add(new Issue(id, "expected type '" + show(expected) + "' but found '" + show(actual) + "'"));
  }

  /** cel-go's Type.IsEquivalentType: same kind, name (type parameters excepted) and parameters. */
  private static boolean equivalent(CelType a, CelType b) {
    if (a.kind() != b.kind() || a.parameters().size() != b.parameters().size()) {
      return false;
    }
    if (a.kind() != CelKind.TYPE_PARAM && !a.name().equals(b.name())) {
      return false;
    }
    for (int i = 0; i < a.parameters().size(); i++) {
      if (!equivalent(a.parameters().get(i), b.parameters().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String show(CelType t) {
    String name = t.kind() == CelKind.NULL_TYPE ? "null" : t.name();
    return t.parameters().isEmpty() ? name
        : name + "(" + t.parameters().stream().map(AstValidators::show).collect(Collectors.joining(", ")) + ")";
  }

  private CelType type(long id) {
    return ast.getType(id).orElse(SimpleType.DYN);
  }

  // ---- '<literal>'.format([<list literal>])

  private static final Set<CelKind> STRINGABLE = EnumSet.of(CelKind.LIST, CelKind.MAP, CelKind.INT, CelKind.UINT,
      CelKind.DOUBLE, CelKind.BOOL, CelKind.STRING, CelKind.TIMESTAMP, CelKind.BYTES, CelKind.DURATION,
      CelKind.TYPE, CelKind.NULL_TYPE);

  private void format(CelExpr e) {
    if (e.getKind() != Kind.CALL || !e.call().function().equals("format") || e.call().target().isEmpty()) {
      return;
    }
    CelExpr target = e.call().target().get();
    if (target.getKind() != Kind.CONSTANT || target.constant().getKind() != CelConstant.Kind.STRING_VALUE
        || e.call().args().size() != 1 || e.call().args().get(0).getKind() != Kind.LIST) {
      return;
    }
    List<CelExpr> args = e.call().args().get(0).list().elements();
    int[] requested = {0};
    long[] bad = {e.id()};
    try {
      StringFormat.parse(target.constant().stringValue(), args.size(), false, (verb, precision, i) -> {
        requested[0]++;
        CelExpr arg = args.get(i);
        bad[0] = arg.id();
        boolean accepted = switch (verb) {
          case 's' -> stringable(arg, bad);
          case 'd', 'o' -> kindOf(arg, CelKind.INT, CelKind.UINT);
          case 'f', 'e' -> kindOf(arg, CelKind.DOUBLE, CelKind.STRING);
          case 'b' -> kindOf(arg, CelKind.INT, CelKind.UINT, CelKind.BOOL);
          default -> kindOf(arg, CelKind.INT, CelKind.UINT, CelKind.STRING, CelKind.BYTES);
        };
        if (!accepted) {
          throw StringFormat.formatting(StringFormat.refusal(verb) + ", was given " + show(type(bad[0])));
        }
        bad[0] = e.id();
        return "";
      });
    } catch (IllegalArgumentException x) {
      issues.add(new Issue(bad[0], x.getMessage()));
      return;
    }
    if (args.size() > requested[0]) {
      issues.add(new Issue(e.id(),
          "too many arguments supplied to string.format (expected " + requested[0] + ", got " + args.size() + ")"));
    }
  }

  private boolean kindOf(CelExpr arg, CelKind... kinds) {
    CelType t = type(arg.id());
    return t.kind() == CelKind.DYN || EnumSet.of(kinds[0], kinds).contains(t.kind());
  }

  /** %s takes the types of STRINGABLE, and literal lists and maps of them; bad[0] is the culprit. */
  private boolean stringable(CelExpr arg, long[] bad) {
    CelType t = type(arg.id());
    if (t.kind() != CelKind.DYN && !STRINGABLE.contains(t.kind())) {
      bad[0] = arg.id();
      return false;
    }
    if (arg.getKind() == Kind.LIST) {
      for (CelExpr x : arg.list().elements()) {
        if (!stringable(x, bad)) {
          return false;
        }
      }
    } else if (arg.getKind() == Kind.MAP) {
      for (CelExpr.CelMap.Entry x : arg.map().entries()) {
        if (!stringable(x.key(), bad) || !stringable(x.value(), bad)) {
          return false;
        }
      }
    }
    return true;
  }
}
