package io.todo.validator.admission.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.checker.CelStandardDeclarations;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.standard.CelStandardOverload;
import io.todo.validator.model.Location;
import io.todo.validator.model.ValidatorException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes admission CEL environment: the variables a ValidatingAdmissionPolicy sees, the
 * standard macros, optionals, cel-java's strings and sets extensions and {@link KubeCelLibrary}.
 * Built once per process, only when a repository has admission policies.
 *
 * <p>Compiler and runtime are built separately and only when needed, because a cold start pays for
 * each: the compiler only when an expression is not in the on-disk {@link CelCache}, and the
 * runtime of a policy set with only the standard functions its expressions call (the checked
 * ASTs name their overloads; the standard library's ~160 bindings are as many lambdas to link).
 * An expression that meets a missing overload anyway is evaluated again on the whole library, so
 * the narrowing never changes a result.
 */
public final class CelEnvironment {
  static final String[] VARIABLES = {"object", "oldObject", "params", "namespaceObject", "request", "variables"};
  /**
   * The sets extension's overload ids ({@code list_sets_contains_list}, ...). Only a hint: a runtime
   * made without the extension fails an expression that calls it with OVERLOAD_NOT_FOUND, which
   * evaluates it again on the whole library.
   */
  private static final String SETS_OVERLOAD_PREFIX = "list_sets_";
  private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");

  private static volatile CelEnvironment instance;

  private final CelOptions options =
      CelOptions.current().enableOptionalSyntax(true).comprehensionMaxIterations(1_000_000)
          // as Kubernetes configures cel-go: cel.CrossTypeNumericComparisons, and a map literal with a
          // key twice keeps the last value
          .enableHeterogeneousNumericComparisons(true)
          .errorOnDuplicateMapKeys(false)
          .build();
  private final KubeCelLibrary lib = new KubeCelLibrary();
  private final CelCache cache = CelCache.open();
  private volatile CelCompiler compiler;
  private volatile Programs whole;
  /** Checked expressions {@link #prepare} loaded or compiled, by source (not those that failed). */
  private final Map<String, CelAbstractSyntaxTree> prepared = new ConcurrentHashMap<>();
  /** Runtimes by the standard overloads they hold. */
  private final Map<Set<String>, Programs> narrowed = new ConcurrentHashMap<>();

  /** What the evaluator needs of a runtime: cel-java's, or the same without its eager descriptor pool. */
  interface Programs {
    CelRuntime.Program createProgram(CelAbstractSyntaxTree ast) throws CelEvaluationException;
  }

  private CelEnvironment() {}

  public static CelEnvironment get() {
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

  private synchronized CelCompiler compiler() {
    if (compiler == null) {
      compiler = compilerBuilder()
          .setStandardEnvironmentEnabled(false)
          .setStandardDeclarations(standardDeclarations(options))
          .build();
    }
    return compiler;
  }

  /**
   * The standard declarations cel-java's checker builds for every expression it checks when the
   * standard environment is enabled ({@code Env.standard}: the same functions, less the overloads its
   * options leave out), built once here: about a third of checking an expression on a cold start.
   * {@code CelEnvironmentTest} checks the corpora with both compilers and compares the ASTs.
   */
  static CelStandardDeclarations standardDeclarations(CelOptions options) {
    return CelStandardDeclarations.newBuilder().filterFunctions((function, overload) ->
            !(!options.enableUnsignedLongs() && overload == CelStandardDeclarations.StandardFunction.Overload.Conversions.INT64_TO_INT64)
            && !(!options.enableTimestampEpoch()
                && overload == CelStandardDeclarations.StandardFunction.Overload.Conversions.INT64_TO_TIMESTAMP)
            && !(!options.enableHeterogeneousNumericComparisons()
                && overload instanceof CelStandardDeclarations.StandardFunction.Overload.Comparison c
                && c.isHeterogeneousComparison()))
        .build();
  }

  /** The compiler's parts but the standard declarations (the checker's default: built per expression). */
  CelCompilerBuilder compilerBuilder() {
    CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addLibraries(extensions(dev.cel.compiler.CelCompilerLibrary.class))
        .addFunctionDeclarations(lib.declarations());
    for (String v : VARIABLES) {
      b.addVar(v, v.equals("variables") ? MapType.create(SimpleType.STRING, SimpleType.DYN) : SimpleType.DYN);
    }
    return b;
  }

  /**
   * cel-java's extensions as Kubernetes configures cel-go's (k8s.io/apiserver/pkg/cel/environment,
   * compatibility version 1.35): strings version 2 (so no {@code reverse()} on strings; our own
   * {@code format()}, {@code split()}, {@code indexOf()} and {@code lastIndexOf()}, see {@link GoStrings}), optionals, sets, lists version 3 and two-variable comprehensions.
   */
  private <T> java.util.List<T> extensions(Class<T> kind) {
    return extensions(kind, true);
  }

  /**
   * {@link #extensions}, without the sets extension unless {@code withSets}: cel-java's sets
   * library builds protobuf's well-known descriptors when it is made (its own message factory), so
   * a runtime for expressions that call none of its functions is made without it.
   */
  private <T> java.util.List<T> extensions(Class<T> kind, boolean withSets) {
    List<Object> libraries = new java.util.ArrayList<>();
    libraries.add(CelExtensions.strings(EnumSet.complementOf(EnumSet.of(CelStringExtensions.Function.REVERSE,
        CelStringExtensions.Function.SPLIT, CelStringExtensions.Function.INDEX_OF, CelStringExtensions.Function.LAST_INDEX_OF))));
    libraries.add(CelExtensions.optional());
    if (withSets) {
      libraries.add(CelExtensions.sets(options));
    }
    libraries.add(CelExtensions.lists());
    libraries.add(CelExtensions.comprehensions());
    return libraries.stream().map(kind::cast).toList();
  }

  /** Whether a runtime for the standard overloads {@code only} (null: all) needs the sets extension. */
  private static boolean needsSets(Set<String> only) {
    return only == null || only.stream().anyMatch(id -> id.startsWith(SETS_OVERLOAD_PREFIX));
  }

  synchronized Programs whole() {
    if (whole == null) {
      whole = runtime(null);
    }
    return whole;
  }

  /**
   * A runtime with every library binding and the standard functions that have an overload in
   * {@code only} (null: all): {@link LightRuntime}, or cel-java's builder if that cannot be made.
   */
  private Programs runtime(Set<String> only) {
    Optional<LightRuntime> light = LightRuntime.create(options, lib.bindings(),
        extensions(dev.cel.runtime.CelRuntimeLibrary.class, needsSets(only)), standardFunctions(only));
    return light.isPresent() ? light.get() : builderRuntime(only);
  }

  /** The runtime cel-java's builder makes of the same parts as {@link #runtime}. */
  Programs builderRuntime(Set<String> only) {
    CelStandardFunctions standard = standardFunctions(only);
    List<dev.cel.runtime.CelRuntimeLibrary> libraries = extensions(dev.cel.runtime.CelRuntimeLibrary.class, needsSets(only));
    CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
        .setOptions(options)
        .addLibraries(libraries)
        .addFunctionBindings(lib.bindings())
        .setStandardEnvironmentEnabled(false)
        .setStandardFunctions(standard)
        .build();
    return runtime::createProgram;
  }

  /**
   * The standard functions that have an overload in {@code only} (null: all), less those the
   * library binds itself.
   */
  private CelStandardFunctions standardFunctions(Set<String> only) {
    // the standard overloads the library binds itself (as cel-go computes them) are left out
    Set<String> replaced = lib.replacedStandardOverloads();
    Set<CelStandardFunctions.StandardFunction> used = EnumSet.allOf(CelStandardFunctions.StandardFunction.class);
    if (only != null) {
      // whole functions, as the full library has them: a function left with a single overload is
      // also bound by its name, which collides with the optional library's binding of _[_]
      used.clear();
      CelStandardFunctions.newBuilder().filterFunctions((function, overload) -> {
        if (only.contains(overloadId(overload))) {
          used.add(function);
        }
        return false;
      }).build();
    }
    return CelStandardFunctions.newBuilder()
        .filterFunctions((function, overload) -> used.contains(function) && !replaced.contains(overloadId(overload)))
        .build();
  }

  /**
   * The overload id a standard overload binds: cel-java names each overload constant after its id
   * ({@code ADD_INT64} binds {@code add_int64}; CelEnvironmentTest checks every one), so the
   * filter needs no binding, and so no lambda, of the overloads it leaves out.
   */
  static String overloadId(CelStandardOverload overload) {
    return ((Enum<?>) overload).name().toLowerCase(Locale.ROOT);
  }

  /**
   * Plans {@code expressions} (one policy set's) on a runtime with only the standard overloads
   * they call. An expression not planned here is planned on the whole library when first evaluated.
   */
  public void plan(Collection<Expression> expressions) {
    Set<String> ids = new HashSet<>();
    for (Expression e : expressions) {
      for (CelReference r : e.ast.getReferenceMap().values()) {
        ids.addAll(r.overloadIds());
      }
    }
    plan(expressions, ids);
  }

  /** Plans {@code expressions} on a runtime with the standard overloads {@code ids}. */
  void plan(Collection<Expression> expressions, Set<String> ids) {
    Programs runtime = narrowed.computeIfAbsent(Set.copyOf(ids), this::runtime);
    for (Expression e : expressions) {
      try {
        e.narrow = runtime.createProgram(e.ast);
      } catch (CelEvaluationException | RuntimeException x) {
        // left to the whole library, which reports what is wrong when the expression runs
      }
    }
  }

  /** A compiled expression, ready to evaluate; thread-safe. */
  public static final class Expression {
    public final String source;
    private final CelAbstractSyntaxTree ast;
    private final CelEnvironment env;
    private volatile CelRuntime.Program narrow;
    private volatile CelRuntime.Program whole;

    private Expression(CelEnvironment env, CelAbstractSyntaxTree ast, String source) {
      this.env = env;
      this.ast = NullSelects.rewrite(ast, source); // has() and ?. on a null: see NullSelects
      this.source = source;
    }

    /** The checked type of the result ({@code dyn} when the checker cannot tell). */
    public dev.cel.common.types.CelType resultType() {
      return ast.getResultType();
    }

    /** The variable this expression is, when it is exactly {@code variables.NAME}; else null. */
    public String variable() {
      dev.cel.common.ast.CelExpr e = ast.getExpr();
      if (e.getKind() == dev.cel.common.ast.CelExpr.ExprKind.Kind.SELECT && !e.select().testOnly()
          && e.select().operand().getKind() == dev.cel.common.ast.CelExpr.ExprKind.Kind.IDENT
          && e.select().operand().ident().name().equals("variables")) {
        return e.select().field();
      }
      return null;
    }

    /** Whether the expression reads {@code variables} anywhere. */
    public boolean readsVariables() {
      return dev.cel.common.navigation.CelNavigableAst.fromAst(ast).getRoot().allNodes()
          .anyMatch(n -> n.expr().getKind() == dev.cel.common.ast.CelExpr.ExprKind.Kind.IDENT
              && n.expr().ident().name().equals("variables"));
    }

    public Object eval(Map<String, ?> activation) throws CelEvaluationException {
      CelRuntime.Program p = narrow;
      if (p != null) {
        try {
          return run(p, activation);
        } catch (CelEvaluationException e) {
          if (e.getErrorCode() != CelErrorCode.OVERLOAD_NOT_FOUND) {
            throw e;
          }
          // a standard function the checked AST did not name: the whole library decides
        }
      }
      return run(whole(), activation);
    }

    /** Whether {@link CelEnvironment#plan} gave the expression a program on a narrowed runtime. */
    boolean narrowed() {
      return narrow != null;
    }

    private CelRuntime.Program whole() throws CelEvaluationException {
      CelRuntime.Program p = whole;
      if (p == null) {
        p = env.whole().createProgram(ast);
        whole = p;
      }
      return p;
    }

    private static Object run(CelRuntime.Program program, Map<String, ?> activation) throws CelEvaluationException {
      try {
        return program.eval(activation);
      } catch (CelEvaluationException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new CelEvaluationException(String.valueOf(e.getMessage()), e);
      }
    }
  }

  /** Parses and type-checks {@code source}, as {@link #compile} does before its own checks. */
  CelValidationResult check(String source) {
    return compiler().compile(source);
  }

  /**
   * Parses and type-checks {@code source}; the error names the unsupported function or variable and
   * points at the policy field that holds the expression.
   */
  public Expression compile(String source, Location where, String field) {
    CelAbstractSyntaxTree ready = prepared.get(source);
    if (ready != null) {
      return new Expression(this, ready, source);
    }
    return compile(source, where, field, cache);
  }

  /**
   * Loads or compiles {@code sources} ahead of {@link #compile}, the compiles on as many threads as
   * there are cores: on a first run (nothing in the on-disk cache) one thread compiled a
   * repository's policies one after the other, the last thing a cold validate waited for, with the
   * other core idle. An expression that does not compile is left to {@link #compile}, which reports it.
   */
  public void prepare(java.util.Collection<String> sources) {
    List<String> misses = new java.util.ArrayList<>();
    for (String s : new java.util.LinkedHashSet<>(sources)) {
      if (prepared.containsKey(s)) {
        continue;
      }
      CelAbstractSyntaxTree cached = cache == null ? null : cache.load(s);
      if (cached != null) {
        prepared.put(s, cached);
      } else {
        misses.add(s);
      }
    }
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), misses.size());
    if (threads < 2) {
      return; // compile() does it, in order
    }
    List<Thread> helpers = new java.util.ArrayList<>();
    for (int t = 1; t < threads; t++) {
      List<String> share = every(misses, t, threads);
      Thread helper = new Thread(() -> compileAhead(share), "cel-compile-" + t);
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    compileAhead(every(misses, 0, threads));
    for (Thread helper : helpers) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static List<String> every(List<String> all, int first, int step) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = first; i < all.size(); i += step) {
      out.add(all.get(i));
    }
    return out;
  }

  private void compileAhead(List<String> sources) {
    for (String s : sources) {
      try {
        prepared.put(s, checked(s, Location.of(""), "", cache));
      } catch (RuntimeException e) {
        // a ValidatorException or anything else: compile() meets it again and reports it where the policy holds the expression
      }
    }
  }

  /** {@link #compile} with a given on-disk cache (null: none). */
  Expression compile(String source, Location where, String field, CelCache cache) {
    CelAbstractSyntaxTree cached = cache == null ? null : cache.load(source);
    if (cached != null) {
      return new Expression(this, cached, source);
    }
    return new Expression(this, checked(source, where, field, cache), source);
  }

  /**
   * Parses, type-checks and validates {@code source} and keeps it in {@code cache}; an error names
   * {@code field} at {@code where}.
   */
  private CelAbstractSyntaxTree checked(String source, Location where, String field, CelCache cache) {
    CelValidationResult r = check(source);
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
      validate(ast, where, field);
      if (cache != null) {
        cache.store(source, ast);
      }
      return ast;
    } catch (CelValidationException e) {
      throw ValidatorException.input(where, field + ": compilation failed: " + e.getMessage());
    }
  }

  /** Kubernetes' AST validators (see {@link AstValidators}), reported as compile errors. */
  private void validate(CelAbstractSyntaxTree ast, Location where, String field) {
    var issues = new java.util.ArrayList<>(AstValidators.validate(ast, this::evaluates));
    issues.addAll(ListFunctionTypes.problems(ast));
    if (issues.isEmpty()) {
      return;
    }
    StringBuilder msg = new StringBuilder(field).append(": compilation failed: ");
    for (int i = 0; i < issues.size(); i++) {
      msg.append(i == 0 ? "" : "; ").append(issues.get(i).message());
      Integer offset = ast.getSource().getPositionsMap().get(issues.get(i).id());
      if (offset != null) {
        ast.getSource().getOffsetLocation(offset)
            .ifPresent(l -> msg.append(" (at column ").append(l.getColumn() + 1).append(')'));
      }
    }
    throw ValidatorException.input(where, msg.toString());
  }

  /**
   * Whether a literal call such as {@code duration('1x')} evaluates, on a runtime with only its
   * overloads (a compile should not pay for the whole library's runtime).
   */
  private boolean evaluates(CelAbstractSyntaxTree call) {
    Set<String> ids = Set.copyOf(call.getReference(call.getExpr().id())
        .map(CelReference::overloadIds).orElse(com.google.common.collect.ImmutableList.of()));
    try {
      try {
        narrowed.computeIfAbsent(ids, this::runtime).createProgram(call).eval(Map.of());
      } catch (CelEvaluationException e) {
        if (e.getErrorCode() != CelErrorCode.OVERLOAD_NOT_FOUND) {
          throw e;
        }
        whole().createProgram(call).eval(Map.of());
      }
      return true;
    } catch (CelEvaluationException | RuntimeException e) {
      return false;
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
