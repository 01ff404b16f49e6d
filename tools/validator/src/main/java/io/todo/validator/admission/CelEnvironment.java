package io.todo.validator.admission;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes admission CEL environment: the variables a ValidatingAdmissionPolicy sees, the
 * standard macros, optionals, cel-java's strings and sets extensions and {@link KubeCelLibrary}.
 * Built once per process, only when a repository has admission policies (it costs ~0.3 s).
 */
final class CelEnvironment {
  static final String[] VARIABLES = {"object", "oldObject", "params", "namespaceObject", "request", "variables"};
  private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");

  private static volatile CelEnvironment instance;

  private final Cel cel;
  private final CelCache cache = CelCache.open();

  private CelEnvironment() {
    CelOptions options =
        CelOptions.current().enableOptionalSyntax(true).comprehensionMaxIterations(1_000_000).build();
    KubeCelLibrary lib = new KubeCelLibrary();
    var builder =
        CelFactory.standardCelBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings(), CelExtensions.optional(), CelExtensions.sets(options))
            .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.optional(), CelExtensions.sets(options))
            .addFunctionDeclarations(lib.declarations())
            .addFunctionBindings(lib.bindings());
    for (String v : VARIABLES) {
      builder.addVar(v, v.equals("variables") ? MapType.create(SimpleType.STRING, SimpleType.DYN) : SimpleType.DYN);
    }
    this.cel = builder.build();
  }

  static CelEnvironment get() {
    CelEnvironment e = instance;
    if (e == null) {
      synchronized (CelEnvironment.class) {
        if (instance == null) {
          instance = new CelEnvironment();
        }
        e = instance;
      }
    }
    return e;
  }

  /** A compiled expression, ready to evaluate; thread-safe. */
  static final class Expression {
    private final CelRuntime.Program program;
    final String source;

    private Expression(CelRuntime.Program program, String source) {
      this.program = program;
      this.source = source;
    }

    Object eval(Map<String, ?> activation) throws CelEvaluationException {
      try {
        return program.eval(activation);
      } catch (CelEvaluationException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new CelEvaluationException(String.valueOf(e.getMessage()), e);
      }
    }
  }

  /**
   * Parses and type-checks {@code source}; the error names the unsupported function or variable and
   * points at the policy field that holds the expression.
   */
  Expression compile(String source, Location where, String field) {
    return compile(source, where, field, cache);
  }

  /** {@link #compile} with a given on-disk cache (null: none). */
  Expression compile(String source, Location where, String field, CelCache cache) {
    CelAbstractSyntaxTree cached = cache == null ? null : cache.load(source);
    if (cached != null) {
      try {
        return new Expression(cel.createProgram(cached), source);
      } catch (CelEvaluationException | RuntimeException e) {
        // an entry this environment cannot plan: compile from the source below
      }
    }
    CelValidationResult r = cel.compile(source);
    if (r.hasError()) {
      StringBuilder msg = new StringBuilder(field).append(": compilation failed: ");
      boolean first = true;
      var issues = r.getErrors();
      // the authorizer's methods are undeclared too; its own message says everything
      var authz = issues.stream().filter(i -> i.getMessage().contains("reference to 'authorizer'")).toList();
      for (CelIssue issue : authz.isEmpty() ? issues : authz) {
        msg.append(first ? "" : "; ").append(explain(issue.getMessage()));
        int col = issue.getSourceLocation().getColumn();
        if (col >= 0) {
          msg.append(" (at column ").append(col + 1).append(')');
        }
        first = false;
      }
      throw ValidatorException.input(where, msg.toString());
    }
    try {
      CelAbstractSyntaxTree ast = r.getAst();
      Expression compiled = new Expression(cel.createProgram(ast), source);
      if (cache != null) {
        cache.store(source, ast);
      }
      return compiled;
    } catch (CelValidationException | CelEvaluationException e) {
      throw ValidatorException.input(where, field + ": compilation failed: " + e.getMessage());
    }
  }

  private static String explain(String message) {
    Matcher m = UNDECLARED.matcher(message);
    if (!m.find()) {
      return message;
    }
    String name = m.group(1);
    if (name.equals("authorizer") || name.startsWith("authorizer.")) {
      return "'authorizer' is not supported: offline evaluation has no cluster to ask for authorization decisions";
    }
    return "undeclared reference to '" + name + "': no such function or variable in the Kubernetes CEL"
        + " environment supported by the validator (see docs/admission-policies.md)";
  }
}
