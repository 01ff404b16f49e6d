package io.todo.validator.admission.cel;

import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes CEL extension libraries that cel-java does not ship: lists, regex, URLs, quantity,
 * IP/CIDR, format, and the string {@code format()} function. Names, receivers and results follow
 * k8s.io/apiserver/pkg/cel/library so that a policy that compiles here compiles in the cluster.
 */
public final class KubeCelLibrary {
  static final CelType QUANTITY = OpaqueType.create("kubernetes.Quantity");
  static final CelType URL = OpaqueType.create("kubernetes.URL");
  static final CelType IP = OpaqueType.create("net.IP");
  static final CelType CIDR = OpaqueType.create("net.CIDR");
  static final CelType FORMAT = OpaqueType.create("kubernetes.NamedFormat");
  static final CelType SEMVER = OpaqueType.create("kubernetes.Semver");

  private static final CelType STRING = SimpleType.STRING;
  private static final CelType BOOL = SimpleType.BOOL;
  private static final CelType INT = SimpleType.INT;
  private static final CelType DOUBLE = SimpleType.DOUBLE;
  private static final CelType DYN = SimpleType.DYN;
  private static final CelType LIST = ListType.create(DYN);
  private static final CelType STRINGS = ListType.create(STRING);

  private final List<CelFunctionDecl> decls = new ArrayList<>();
  private final List<CelFunctionBinding> bindings = new ArrayList<>();

  KubeCelLibrary() {
    goConversions();
    lists();
    regex();
    strings();
    urls();
    quantity();
    semver();
    ip();
    cidr();
    format();
  }

  List<CelFunctionDecl> declarations() {
    return decls;
  }

  List<CelFunctionBinding> bindings() {
    return bindings;
  }

  private void fn(String name, CelOverloadDecl... overloads) {
    decls.add(CelFunctionDecl.newFunctionDeclaration(name, overloads));
  }

  private <T> void bind1(String id, Class<T> a, Fn1<T> f) {
    bindings.add(CelFunctionBinding.from(id, a, x -> call(() -> f.apply(x))));
  }

  private <T, U> void bind2(String id, Class<T> a, Class<U> b, Fn2<T, U> f) {
    bindings.add(CelFunctionBinding.from(id, a, b, (x, y) -> call(() -> f.apply(x, y))));
  }

  interface Fn1<T> {
    Object apply(T t) throws Exception;
  }

  interface Fn2<T, U> {
    Object apply(T t, U u) throws Exception;
  }

  interface Body {
    Object run() throws Exception;
  }

  /** Library failures become CEL evaluation errors (subject to the policy's failurePolicy). */
  private static Object call(Body b) throws CelEvaluationException {
    try {
      return b.run();
    } catch (CelEvaluationException e) {
      throw e;
    } catch (Exception e) {
      throw new CelEvaluationException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  // ---- standard functions whose cel-java results differ from cel-go's: bound under the standard
  // overload ids, so they replace cel-java's (CelPeerDiffTest checks both the value and that the
  // replacement is the one used)

  private static final java.util.Set<String> REPLACED = java.util.Set.of(
      "double_to_string", "string_to_double", "duration_to_string", "duration_to_milliseconds",
      "string_to_int64", "string_to_uint64", "modulo_int64", "modulo_uint64", "string_to_bool", "matches", "matches_string", "string_to_timestamp", "timestamp_to_string", "string_to_duration",
      "duration_to_hours", "duration_to_minutes", "duration_to_seconds",
      "add_duration_duration", "subtract_duration_duration", "subtract_timestamp_duration",
      "subtract_timestamp_timestamp",
      "timestamp_to_year_with_tz", "timestamp_to_month_with_tz", "timestamp_to_day_of_year_with_tz",
      "timestamp_to_day_of_month_with_tz", "timestamp_to_day_of_month_1_based_with_tz",
      "timestamp_to_day_of_week_with_tz", "timestamp_to_hours_with_tz", "timestamp_to_minutes_with_tz",
      "timestamp_to_seconds_with_tz", "timestamp_to_milliseconds_with_tz",
      "less_double", "less_int64_double", "less_double_int64", "less_uint64_double", "less_double_uint64",
      "less_equals_double", "less_equals_int64_double", "less_equals_double_int64", "less_equals_uint64_double",
      "less_equals_double_uint64", "greater_double", "greater_int64_double", "greater_double_int64",
      "greater_uint64_double", "greater_double_uint64", "greater_equals_double", "greater_equals_int64_double",
      "greater_equals_double_int64", "greater_equals_uint64_double", "greater_equals_double_uint64");

  /** The standard overload ids this library binds instead of cel-java. */
  java.util.Set<String> replacedStandardOverloads() {
    return REPLACED;
  }

  private void goConversions() {
    bind1("double_to_string", Double.class, io.todo.validator.render.GoValues::formatFloat);
    bind1("string_to_double", String.class, GoNumbers::parseFloat);
    bind1("duration_to_string", java.time.Duration.class, GoNumbers::formatDuration);
    bind1("duration_to_milliseconds", java.time.Duration.class, java.time.Duration::toMillis); // total, as Go
    bind1("string_to_int64", String.class, GoNumbers::parseInt);
    bind1("string_to_uint64", String.class, GoNumbers::parseUint);
    bind2("modulo_int64", Long.class, Long.class, GoNumbers::modulo);
    bind2("modulo_uint64", com.google.common.primitives.UnsignedLong.class, com.google.common.primitives.UnsignedLong.class,
        GoNumbers::modulo);
    bind1("string_to_bool", String.class, GoNumbers::parseBool);
    // matches() with Go's reading of a literal '{' (see GoRegex)
    bind2("matches", String.class, String.class, (s, re) -> GoRegex.compile(re).matcher(s).find());
    bind2("matches_string", String.class, String.class, (s, re) -> GoRegex.compile(re).matcher(s).find());
    bind1("string_to_timestamp", String.class, GoTime::parseTimestamp);
    bind1("timestamp_to_string", Instant.class, GoTime::formatTimestamp);
    bind1("string_to_duration", String.class, GoTime::parseDuration);
    bind1("duration_to_hours", Duration.class, d -> GoTime.truncatedUnits(d, 3_600_000_000_000L));
    bind1("duration_to_minutes", Duration.class, d -> GoTime.truncatedUnits(d, 60_000_000_000L));
    bind1("duration_to_seconds", Duration.class, d -> GoTime.truncatedUnits(d, 1_000_000_000L));
    bind2("add_duration_duration", Duration.class, Duration.class, GoTime::add);
    bind2("subtract_duration_duration", Duration.class, Duration.class, GoTime::subtract);
    bind2("subtract_timestamp_duration", Instant.class, Duration.class, GoTime::subtract);
    bind2("subtract_timestamp_timestamp", Instant.class, Instant.class, GoTime::subtract);
    withZone("timestamp_to_year_with_tz", LocalDateTime::getYear);
    withZone("timestamp_to_month_with_tz", t -> t.getMonthValue() - 1);
    withZone("timestamp_to_day_of_year_with_tz", t -> t.getDayOfYear() - 1);
    withZone("timestamp_to_day_of_month_with_tz", t -> t.getDayOfMonth() - 1);
    withZone("timestamp_to_day_of_month_1_based_with_tz", LocalDateTime::getDayOfMonth);
    withZone("timestamp_to_day_of_week_with_tz", t -> t.getDayOfWeek().getValue() % 7); // Sunday 0
    withZone("timestamp_to_hours_with_tz", LocalDateTime::getHour);
    withZone("timestamp_to_minutes_with_tz", LocalDateTime::getMinute);
    withZone("timestamp_to_seconds_with_tz", LocalDateTime::getSecond);
    withZone("timestamp_to_milliseconds_with_tz", t -> t.getNano() / 1_000_000);
    // orderings with a double: NaN is an error in cel-go (cel-java says false, or true across types)
    orderings("less", c -> c < 0);
    orderings("less_equals", c -> c <= 0);
    orderings("greater", c -> c > 0);
    orderings("greater_equals", c -> c >= 0);
    // int(duration): nanoseconds (cel-go has it, cel-java does not)
    fn("int", newGlobalOverload("k8s_duration_to_int", INT, SimpleType.DURATION));
    bind1("k8s_duration_to_int", Duration.class, GoTime::nanos);
  }

  private void orderings(String op, java.util.function.IntPredicate holds) {
    Class<?> u = com.google.common.primitives.UnsignedLong.class;
    Object[][] pairs = {{"double", Double.class, Double.class}, {"int64_double", Long.class, Double.class},
        {"double_int64", Double.class, Long.class}, {"uint64_double", u, Double.class},
        {"double_uint64", Double.class, u}};
    for (Object[] p : pairs) {
      bind2(op + "_" + p[0], (Class<?>) p[1], (Class<?>) p[2],
          (a, b) -> holds.test(GoNumbers.compareNumbers(a, b)));
    }
  }

  /** A timestamp getter with cel-go's time zone argument (see {@link GoTime#in}). */
  private void withZone(String id, java.util.function.ToIntFunction<LocalDateTime> field) {
    bind2(id, Instant.class, String.class, (t, tz) -> (long) field.applyAsInt(GoTime.in(t, tz)));
  }

  // ---- lists: isSorted, sum, min, max, indexOf, lastIndexOf

  /**
   * One dynamic overload per function. Kubernetes declares one per element type, but several
   * bindings that all take a List are ambiguous to cel-java on a dynamic list, so the element types
   * are checked after type-checking instead ({@link ListFunctionTypes}), and one binding decides by
   * the elements at run time, as cel-go does on a dynamic list.
   */
  private void lists() {
    fn("isSorted", newMemberOverload("k8s_list_is_sorted", BOOL, LIST));
    fn("sum", newMemberOverload("k8s_list_sum", DYN, LIST));
    fn("min", newMemberOverload("k8s_list_min", DYN, LIST));
    fn("max", newMemberOverload("k8s_list_max", DYN, LIST));
    // the strings extension's indexOf/lastIndexOf are declared here too, as cel-go computes them
    fn("indexOf", newMemberOverload("k8s_list_index_of", INT, LIST, DYN),
        newMemberOverload("k8s_string_index_of", INT, STRING, STRING),
        newMemberOverload("k8s_string_index_of_offset", INT, STRING, STRING, INT));
    fn("lastIndexOf", newMemberOverload("k8s_list_last_index_of", INT, LIST, DYN),
        newMemberOverload("k8s_string_last_index_of", INT, STRING, STRING),
        newMemberOverload("k8s_string_last_index_of_offset", INT, STRING, STRING, INT));
    bind2("k8s_string_index_of", String.class, String.class, GoStrings::indexOf);
    bind2("k8s_string_last_index_of", String.class, String.class, GoStrings::lastIndexOf);
    bindings.add(CelFunctionBinding.from("k8s_string_index_of_offset", List.of(String.class, String.class, Long.class),
        args -> call(() -> GoStrings.indexOf((String) args[0], (String) args[1], (Long) args[2]))));
    bindings.add(CelFunctionBinding.from("k8s_string_last_index_of_offset",
        List.of(String.class, String.class, Long.class),
        args -> call(() -> GoStrings.lastIndexOf((String) args[0], (String) args[1], (Long) args[2]))));
    bind1("k8s_list_is_sorted", List.class, l -> {
      for (Object o : l) {
        requireOrderable(o); // as cel-go, for each element
      }
      for (int i = 1; i < l.size(); i++) {
        if (compare(l.get(i - 1), l.get(i)) == 1) {
          return false;
        }
      }
      return true;
    });
    bind1("k8s_list_sum", List.class, KubeCelLibrary::sum);
    bind1("k8s_list_min", List.class, l -> extreme(l, 1, "min"));
    bind1("k8s_list_max", List.class, l -> extreme(l, -1, "max"));
    bind2("k8s_list_index_of", List.class, Object.class, (l, x) -> {
      for (int i = 0; i < l.size(); i++) {
        if (same(l.get(i), x)) {
          return (long) i;
        }
      }
      return -1L;
    });
    bind2("k8s_list_last_index_of", List.class, Object.class, (l, x) -> {
      for (int i = l.size() - 1; i >= 0; i--) {
        if (same(l.get(i), x)) {
          return (long) i;
        }
      }
      return -1L;
    });
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a.equals(b);
  }

  /** cel-go's sum: the zero of the element type for an empty list (int), Adder semantics otherwise. */
  private static Object sum(List<?> l) {
    Object acc = 0L;
    for (int i = 0; i < l.size(); i++) {
      Object o = l.get(i);
      if (i == 0) {
        if (!(o instanceof Long || o instanceof Double || o instanceof com.google.common.primitives.UnsignedLong
            || o instanceof java.time.Duration || o instanceof com.google.protobuf.Duration)) {
          throw new IllegalArgumentException("no such overload: sum(list)");
        }
        acc = o;
      } else if (acc instanceof Long x && o instanceof Long y) {
        try {
          acc = Math.addExact(x, y);
        } catch (ArithmeticException e) {
          throw new IllegalArgumentException("integer overflow");
        }
      } else if (acc instanceof Double x && o instanceof Double y) {
        acc = x + y;
      } else if (acc instanceof com.google.common.primitives.UnsignedLong x
          && o instanceof com.google.common.primitives.UnsignedLong y) {
        if (Long.compareUnsigned(x.longValue() + y.longValue(), x.longValue()) < 0) {
          throw new IllegalArgumentException("unsigned integer overflow");
        }
        acc = x.plus(y);
      } else if (acc instanceof java.time.Duration x && o instanceof java.time.Duration y) {
        acc = x.plus(y);
      } else {
        throw new IllegalArgumentException("no such overload: " + typeName(acc) + " + " + typeName(o));
      }
    }
    return acc;
  }

  /**
   * cel-go's min/max: the first element, replaced by each later one that compares the preferred way
   * ({@code prefer} 1 for min: the kept one is greater); NaN compares no way, so it is kept or skipped.
   */
  private static Object extreme(List<?> l, int prefer, String name) {
    Object best = null;
    for (Object o : l) {
      if (best == null) {
        requireOrderable(o);
        best = o;
      } else if (compare(best, o) == prefer) {
        best = o;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(name + " called on empty list");
    }
    return best;
  }

  /** CEL ordering: -1, 0 or 1, or 2 when either is NaN (cel-go's comparison then is an error value). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if (x instanceof Double dx && dx.isNaN() || y instanceof Double dy && dy.isNaN()) {
        return 2;
      }
      if (x instanceof Double || y instanceof Double) {
        return GoNumbers.compareNumbers(x, y); // cel-go's ordering of a double with an int or uint
      }
      // int and uint, exactly
      long lx = x.longValue();
      long ly = y.longValue();
      boolean ux = x instanceof com.google.common.primitives.UnsignedLong;
      boolean uy = y instanceof com.google.common.primitives.UnsignedLong;
      if (ux == uy) {
        return ux ? Integer.signum(Long.compareUnsigned(lx, ly)) : Long.compare(lx, ly);
      }
      return ux ? (ly < 0 ? 1 : Integer.signum(Long.compareUnsigned(lx, ly)))
          : (lx < 0 ? -1 : Integer.signum(Long.compareUnsigned(lx, ly)));
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(io.todo.validator.model.GoText.compareUtf8(x, y));
    }
    if (a instanceof dev.cel.common.values.CelByteString x && b instanceof dev.cel.common.values.CelByteString y) {
      return Integer.signum(java.util.Arrays.compareUnsigned(x.toByteArray(), y.toByteArray()));
    }
    if (a instanceof Comparable ca && a.getClass() == b.getClass() && !(a instanceof List) && !(a instanceof Map)) {
      return Integer.signum(ca.compareTo(b));
    }
    if (orderable(a) && a.getClass() != b.getClass()) {
      return 2; // cel-go's Compare gives an error value, which is neither 1 nor -1
    }
    throw new IllegalArgumentException("no such overload: cannot compare " + typeName(a) + " and " + typeName(b));
  }

  private static void requireOrderable(Object o) {
    if (!orderable(o)) {
      throw new IllegalArgumentException("no such overload: cannot compare " + typeName(o));
    }
  }

  private static boolean orderable(Object a) {
    return a instanceof Number || a instanceof String || a instanceof Boolean || a instanceof java.time.Duration
        || a instanceof java.time.Instant || a instanceof dev.cel.common.values.CelByteString;
  }

  /** cel-go's type name of a runtime value, for messages. */
  public static String typeName(Object o) {
    if (o instanceof com.google.common.primitives.UnsignedLong) {
      return "uint";
    } else if (o instanceof java.util.Optional<?>) {
      return "optional_type";
    } else if (o instanceof Instant || o instanceof com.google.protobuf.Timestamp) {
      return "google.protobuf.Timestamp";
    } else if (o instanceof Duration || o instanceof com.google.protobuf.Duration) {
      return "google.protobuf.Duration";
    } else if (FormatString.bytes(o) != null) {
      return "bytes";
    } else if (o instanceof CelType) {
      return "type";
    }
    if (o instanceof String) {
      return "string";
    }
    if (o instanceof Long) {
      return "int";
    }
    if (o instanceof Double) {
      return "double";
    }
    if (o instanceof Boolean) {
      return "bool";
    }
    if (o instanceof List) {
      return "list";
    }
    if (o instanceof Map) {
      return "map";
    }
    if (o instanceof NullValue) {
      return "null_type";
    }
    return o.getClass().getSimpleName();
  }

  // ---- regex: find, findAll

  private void regex() {
    fn("find", newMemberOverload("k8s_string_find", STRING, STRING, STRING));
    fn("findAll",
        newMemberOverload("k8s_string_find_all", STRINGS, STRING, STRING),
        newMemberOverload("k8s_string_find_all_n", STRINGS, STRING, STRING, INT));
    bind2("k8s_string_find", String.class, String.class, (s, re) -> {
      Matcher m = GoRegex.compile(re).matcher(s);
      return m.find() ? m.group() : "";
    });
    bind2("k8s_string_find_all", String.class, String.class, (s, re) -> findAll(s, re, -1));
    bindings.add(CelFunctionBinding.from("k8s_string_find_all_n", List.of(String.class, String.class, Long.class),
        args -> call(() -> findAll((String) args[0], (String) args[1], (Long) args[2]))));
  }

  /**
   * Go's {@code FindAllString}: at most {@code n} matches (all when negative), and an empty match
   * right after the previous match is skipped ({@code 'aaa'.findAll('a|')} is three "a", no "").
   * The pattern is compiled first, so a bad one is an error even for {@code n == 0}.
   */
  private static List<String> findAll(String s, String re, long n) {
    Matcher m = GoRegex.compile(re).matcher(s);
    List<String> out = new ArrayList<>();
    int pos = 0;
    int prevEnd = -1;
    while ((n < 0 || out.size() < n) && pos <= s.length() && m.find(pos)) {
      boolean accept = true;
      if (m.end() == pos) {
        accept = m.start() != prevEnd;
        pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
      } else {
        pos = m.end();
      }
      prevEnd = m.end();
      if (accept) {
        out.add(m.group());
      }
    }
    return out;
  }

  // ---- strings: "%s".format([...]) (cel-go strings v1+); the rest comes from cel-java's strings ext

  private void strings() {
    fn("format", newMemberOverload("k8s_string_format", STRING, STRING, LIST));
    bind2("k8s_string_format", String.class, List.class, StringFormat::format);
    // the strings extension's split, as Go's strings.SplitN (see GoStrings)
    fn("split", newMemberOverload("k8s_string_split", STRINGS, STRING, STRING),
        newMemberOverload("k8s_string_split_int", STRINGS, STRING, STRING, INT));
    bind2("k8s_string_split", String.class, String.class, GoStrings::split);
    bindings.add(CelFunctionBinding.from("k8s_string_split_int", List.of(String.class, String.class, Long.class),
        args -> call(() -> GoStrings.split((String) args[0], (String) args[1], (Long) args[2]))));
  }

  // ---- URLs

  private void urls() {
    fn("url", newGlobalOverload("k8s_string_to_url", URL, STRING));
    fn("isURL", newGlobalOverload("k8s_is_url", BOOL, STRING));
    fn("getScheme", newMemberOverload("k8s_url_get_scheme", STRING, URL));
    fn("getHost", newMemberOverload("k8s_url_get_host", STRING, URL));
    fn("getHostname", newMemberOverload("k8s_url_get_hostname", STRING, URL));
    fn("getPort", newMemberOverload("k8s_url_get_port", STRING, URL));
    fn("getEscapedPath", newMemberOverload("k8s_url_get_escaped_path", STRING, URL));
    fn("getQuery", newMemberOverload("k8s_url_get_query", MapType.create(STRING, STRINGS), URL));
    bind1("k8s_string_to_url", String.class, KubeUrl::parse);
    bind1("k8s_is_url", String.class, s -> KubeUrl.requestUriError(s) == null);
    bind1("k8s_url_get_scheme", KubeUrl.class, KubeUrl::scheme);
    bind1("k8s_url_get_host", KubeUrl.class, KubeUrl::host);
    bind1("k8s_url_get_hostname", KubeUrl.class, KubeUrl::hostname);
    bind1("k8s_url_get_port", KubeUrl.class, KubeUrl::port);
    bind1("k8s_url_get_escaped_path", KubeUrl.class, KubeUrl::escapedPath);
    bind1("k8s_url_get_query", KubeUrl.class, KubeUrl::query);
  }

  // ---- semver (SemverVersion 1: with the normalizing two-argument forms); its isLessThan,
  // isGreaterThan and compareTo are declared with the quantity's

  private void semver() {
    fn("semver", newGlobalOverload("k8s_string_to_semver", SEMVER, STRING),
        newGlobalOverload("k8s_string_bool_to_semver", SEMVER, STRING, BOOL));
    fn("isSemver", newGlobalOverload("k8s_is_semver", BOOL, STRING),
        newGlobalOverload("k8s_is_semver_normalize", BOOL, STRING, BOOL));
    fn("major", newMemberOverload("k8s_semver_major", INT, SEMVER));
    fn("minor", newMemberOverload("k8s_semver_minor", INT, SEMVER));
    fn("patch", newMemberOverload("k8s_semver_patch", INT, SEMVER));
    bind1("k8s_string_to_semver", String.class, x -> Semver.parse(x, false));
    bind2("k8s_string_bool_to_semver", String.class, Boolean.class, Semver::parse);
    bind1("k8s_is_semver", String.class, x -> Semver.isSemver(x, false));
    bind2("k8s_is_semver_normalize", String.class, Boolean.class, Semver::isSemver);
    bind1("k8s_semver_major", Semver.class, Semver::major);
    bind1("k8s_semver_minor", Semver.class, Semver::minor);
    bind1("k8s_semver_patch", Semver.class, Semver::patch);
    bind2("k8s_semver_less", Semver.class, Semver.class, (a, b) -> a.compareTo(b) < 0);
    bind2("k8s_semver_greater", Semver.class, Semver.class, (a, b) -> a.compareTo(b) > 0);
    bind2("k8s_semver_compare", Semver.class, Semver.class, (a, b) -> (long) a.compareTo(b));
  }

  // ---- quantity

  private void quantity() {
    fn("quantity", newGlobalOverload("k8s_string_to_quantity", QUANTITY, STRING));
    fn("isQuantity", newGlobalOverload("k8s_is_quantity", BOOL, STRING));
    fn("sign", newGlobalOverload("k8s_quantity_sign", INT, QUANTITY)); // sign(q), not q.sign(), as in Kubernetes
    fn("isInteger", newMemberOverload("k8s_quantity_is_integer", BOOL, QUANTITY));
    fn("asInteger", newMemberOverload("k8s_quantity_as_integer", INT, QUANTITY));
    fn("asApproximateFloat", newMemberOverload("k8s_quantity_as_float", DOUBLE, QUANTITY));
    // one declaration each for the quantity and the semver overloads
    fn("isLessThan", newMemberOverload("k8s_quantity_less", BOOL, QUANTITY, QUANTITY),
        newMemberOverload("k8s_semver_less", BOOL, SEMVER, SEMVER));
    fn("isGreaterThan", newMemberOverload("k8s_quantity_greater", BOOL, QUANTITY, QUANTITY),
        newMemberOverload("k8s_semver_greater", BOOL, SEMVER, SEMVER));
    fn("compareTo", newMemberOverload("k8s_quantity_compare", INT, QUANTITY, QUANTITY),
        newMemberOverload("k8s_semver_compare", INT, SEMVER, SEMVER));
    fn("add",
        newMemberOverload("k8s_quantity_add", QUANTITY, QUANTITY, QUANTITY),
        newMemberOverload("k8s_quantity_add_int", QUANTITY, QUANTITY, INT));
    fn("sub",
        newMemberOverload("k8s_quantity_sub", QUANTITY, QUANTITY, QUANTITY),
        newMemberOverload("k8s_quantity_sub_int", QUANTITY, QUANTITY, INT));
    bind1("k8s_string_to_quantity", String.class, Quantity::parse);
    bind1("k8s_is_quantity", String.class, Quantity::isQuantity);
    bind1("k8s_quantity_sign", Quantity.class, Quantity::sign);
    bind1("k8s_quantity_is_integer", Quantity.class, Quantity::isInteger);
    bind1("k8s_quantity_as_integer", Quantity.class, Quantity::asInteger);
    bind1("k8s_quantity_as_float", Quantity.class, Quantity::asApproximateFloat);
    bind2("k8s_quantity_less", Quantity.class, Quantity.class, (a, b) -> a.compareTo(b) < 0);
    bind2("k8s_quantity_greater", Quantity.class, Quantity.class, (a, b) -> a.compareTo(b) > 0);
    bind2("k8s_quantity_compare", Quantity.class, Quantity.class, (a, b) -> (long) Integer.signum(a.compareTo(b)));
    bind2("k8s_quantity_add", Quantity.class, Quantity.class, Quantity::add);
    bind2("k8s_quantity_add_int", Quantity.class, Long.class, Quantity::add);
    bind2("k8s_quantity_sub", Quantity.class, Quantity.class, Quantity::sub);
    bind2("k8s_quantity_sub_int", Quantity.class, Long.class, Quantity::sub);
  }

  // ---- IP

  private void ip() {
    fn("ip", newGlobalOverload("k8s_string_to_ip", IP, STRING),
        newMemberOverload("k8s_cidr_ip", IP, CIDR));
    fn("isIP", newGlobalOverload("k8s_is_ip", BOOL, STRING));
    fn("ip.isCanonical", newGlobalOverload("k8s_ip_is_canonical", BOOL, STRING));
    fn("family", newMemberOverload("k8s_ip_family", INT, IP));
    fn("isUnspecified", newMemberOverload("k8s_ip_is_unspecified", BOOL, IP));
    fn("isLoopback", newMemberOverload("k8s_ip_is_loopback", BOOL, IP));
    fn("isLinkLocalMulticast", newMemberOverload("k8s_ip_is_ll_multicast", BOOL, IP));
    fn("isLinkLocalUnicast", newMemberOverload("k8s_ip_is_ll_unicast", BOOL, IP));
    fn("isGlobalUnicast", newMemberOverload("k8s_ip_is_global_unicast", BOOL, IP));
    fn("string", newGlobalOverload("k8s_ip_to_string", STRING, IP),
        newGlobalOverload("k8s_cidr_to_string", STRING, CIDR));
    bind1("k8s_string_to_ip", String.class, IpAddress::parse);
    bind1("k8s_cidr_ip", IpAddress.Cidr.class, c -> c.ip);
    bind1("k8s_is_ip", String.class, s -> IpAddress.parseOrNull(s) != null);
    bind1("k8s_ip_is_canonical", String.class, IpAddress::isCanonical);
    bind1("k8s_ip_family", IpAddress.class, IpAddress::family);
    bind1("k8s_ip_is_unspecified", IpAddress.class, IpAddress::isUnspecified);
    bind1("k8s_ip_is_loopback", IpAddress.class, IpAddress::isLoopback);
    bind1("k8s_ip_is_ll_multicast", IpAddress.class, IpAddress::isLinkLocalMulticast);
    bind1("k8s_ip_is_ll_unicast", IpAddress.class, IpAddress::isLinkLocalUnicast);
    bind1("k8s_ip_is_global_unicast", IpAddress.class, IpAddress::isGlobalUnicast);
    bind1("k8s_ip_to_string", IpAddress.class, IpAddress::toString);
    bind1("k8s_cidr_to_string", IpAddress.Cidr.class, IpAddress.Cidr::toString);
  }

  // ---- CIDR

  private void cidr() {
    fn("cidr", newGlobalOverload("k8s_string_to_cidr", CIDR, STRING));
    fn("isCIDR", newGlobalOverload("k8s_is_cidr", BOOL, STRING));
    fn("containsIP",
        newMemberOverload("k8s_cidr_contains_ip", BOOL, CIDR, IP),
        newMemberOverload("k8s_cidr_contains_ip_string", BOOL, CIDR, STRING));
    fn("containsCIDR",
        newMemberOverload("k8s_cidr_contains_cidr", BOOL, CIDR, CIDR),
        newMemberOverload("k8s_cidr_contains_cidr_string", BOOL, CIDR, STRING));
    fn("masked", newMemberOverload("k8s_cidr_masked", CIDR, CIDR));
    fn("prefixLength", newMemberOverload("k8s_cidr_prefix_length", INT, CIDR));
    bind1("k8s_string_to_cidr", String.class, IpAddress.Cidr::parse);
    bind1("k8s_is_cidr", String.class, s -> IpAddress.Cidr.parseOrNull(s) != null);
    bind2("k8s_cidr_contains_ip", IpAddress.Cidr.class, IpAddress.class, IpAddress.Cidr::containsIp);
    bind2("k8s_cidr_contains_ip_string", IpAddress.Cidr.class, String.class,
        (c, s) -> c.containsIp(IpAddress.parse(s)));
    bind2("k8s_cidr_contains_cidr", IpAddress.Cidr.class, IpAddress.Cidr.class, IpAddress.Cidr::containsCidr);
    bind2("k8s_cidr_contains_cidr_string", IpAddress.Cidr.class, String.class,
        (c, s) -> c.containsCidr(IpAddress.Cidr.parse(s)));
    bind1("k8s_cidr_masked", IpAddress.Cidr.class, IpAddress.Cidr::masked);
    bind1("k8s_cidr_prefix_length", IpAddress.Cidr.class, c -> (long) c.prefix);
  }

  // ---- format: format.dns1123Label().validate(s) -> optional<list<string>>

  private void format() {
    for (NameFormat f : NameFormat.values()) {
      String id = "k8s_format_" + f.celName;
      fn("format." + f.celName, newGlobalOverload(id, FORMAT));
      bindings.add(CelFunctionBinding.from(id, List.of(), args -> f));
    }
    fn("format.named", newGlobalOverload("k8s_format_named", OptionalType.create(FORMAT), STRING));
    fn("validate", newMemberOverload("k8s_format_validate", OptionalType.create(STRINGS), FORMAT, STRING));
    bind1("k8s_format_named", String.class, s -> NameFormat.named(s).map(Object.class::cast));
    bind2("k8s_format_validate", NameFormat.class, String.class, (f, s) -> {
      List<String> errors = f.errors(s);
      return errors.isEmpty() ? Optional.empty() : Optional.of(errors);
    });
  }
}
