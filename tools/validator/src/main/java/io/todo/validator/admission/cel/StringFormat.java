package io.todo.validator.admission.cel;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * cel-go's {@code string.format(list)} as Kubernetes has it (ext.Strings version 2, locale en_US,
 * ext/formatting.go): %s %d %f %e %x %X %o %b and %%, with an optional precision. %f and %e print
 * through golang.org/x/text's locale printer (1,234.500000 and 1.500000×10⁰⁰), the rest as Go's fmt.
 */
final class StringFormat {
  private StringFormat() {}

  /** What a clause does with its argument: formats it, or (the compile-time check) checks its type. */
  interface Clauses {
    String apply(char verb, Long precision, int argIndex);
  }

  static String format(String fmt, List<?> args) {
    return parse(fmt, args.size(), true, (verb, precision, i) -> clause(verb, precision, args.get(i)));
  }

  /**
   * cel-go's parseFormatString: walks {@code fmt}, asking {@code clauses} for each clause. At run time
   * the argument is fetched (and its index checked) before the end of the string is noticed; the
   * compile-time check fetches nothing, so it notices the end first.
   */
  static String parse(String fmt, int size, boolean runtime, Clauses clauses) {
    StringBuilder out = new StringBuilder();
    int argIndex = 0;
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') {
        out.append('%');
        i += 2;
        continue;
      }
      if (runtime && argIndex >= size) {
        throw new IllegalArgumentException("index " + argIndex + " out of range");
      }
      if (i + 1 >= fmt.length()) {
        throw new IllegalArgumentException("unexpected end of string");
      }
      if (argIndex >= size) {
        throw new IllegalArgumentException("index " + argIndex + " out of range");
      }
      i++;
      Long precision = null;
      if (fmt.charAt(i) == '.') {
        int start = ++i;
        while (i < fmt.length() && fmt.charAt(i) >= '0' && fmt.charAt(i) <= '9') {
          i++;
        }
        if (i >= fmt.length()) {
          throw clauseError("error while parsing precision: could not find end of precision specifier");
        }
        try {
          precision = Long.parseLong(fmt.substring(start, i));
        } catch (NumberFormatException e) {
          throw clauseError("error while parsing precision: error while converting precision to integer: strconv.Atoi: parsing \""
              + fmt.substring(start, i) + "\": " + (start == i ? "invalid syntax" : "value out of range"));
        }
      }
      char verb = fmt.charAt(i++);
      if ("sdfebxXo".indexOf(verb) < 0) {
        throw clauseError("unrecognized formatting clause \"" + verb + "\"");
      }
      out.append(clauses.apply(verb, precision, argIndex++));
    }
    return out.toString();
  }

  private static IllegalArgumentException clauseError(String msg) {
    return new IllegalArgumentException("could not parse formatting clause: " + msg);
  }

  /** cel-go's refusal of an argument {@code verb}'s clause cannot format (then ", was given <type>"). */
  static String refusal(char verb) {
    return switch (verb) {
      case 's' -> FormatString.STRING_TYPES;
      case 'd' -> "decimal clause can only be used on integers";
      case 'f' -> "fixed-point clause can only be used on doubles";
      case 'e' -> "scientific clause can only be used on doubles";
      case 'o' -> "octal clause can only be used on integers";
      case 'b' -> "only integers and bools can be formatted as binary";
      default -> "only integers, byte buffers, and strings can be formatted as hex";
    };
  }

  static IllegalArgumentException formatting(String msg) {
    return new IllegalArgumentException("error during formatting: " + msg);
  }

  private static String clause(char verb, Long precision, Object a) {
    return switch (verb) {
      case 's' -> FormatString.string(a);
      case 'd' -> decimal(a);
      case 'f' -> LocaleFloats.fixed(number(a, refusal('f')), precision == null ? 6 : precision);
      case 'e' -> LocaleFloats.scientific(number(a, refusal('e')), precision == null ? 6 : precision);
      case 'x', 'X' -> hex(a, verb == 'X');
      case 'o' -> radix(a, 8, refusal('o'));
      default -> a instanceof Boolean b ? (b ? "1" : "0")
          : radix(a, 2, refusal('b'));
    };
  }


  private static String decimal(Object a) {
    if (a instanceof Long || a instanceof UnsignedLong) {
      return a.toString();
    }
    throw formatting(refusal('d') + ", was given " + KubeCelLibrary.typeName(a));
  }

  /** A double, or one of the strings "NaN", "Infinity" and "-Infinity" that %f and %e also take. */
  private static double number(Object a, String refusal) {
    if (a instanceof Double d) {
      return d;
    }
    if (a instanceof String s) {
      switch (s) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default: break;
      }
    }
    throw formatting(refusal + ", was given " + KubeCelLibrary.typeName(a));
  }

  /** Go's %x/%X: strings and bytes byte by byte, integers with a sign and their magnitude. */
  private static String hex(Object a, boolean upper) {
    String h;
    byte[] b = a instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : FormatString.bytes(a);
    if (b != null) {
      h = java.util.HexFormat.of().formatHex(b);
    } else {
      h = radix(a, 16, refusal('x'));
    }
    return upper ? h.toUpperCase(Locale.ROOT) : h;
  }

  private static String radix(Object a, int radix, String refusal) {
    if (a instanceof Long l) {
      return BigInteger.valueOf(l).toString(radix);
    }
    if (a instanceof UnsignedLong u) {
      return u.bigIntegerValue().toString(radix);
    }
    throw formatting(refusal + ", was given " + KubeCelLibrary.typeName(a));
  }
}
