package io.todo.validator.admission;

import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** cel-go's {@code string.format(list)}: %s %d %f %e %x %X %o %b and %%, with an optional precision. */
final class StringFormat {
  private StringFormat() {}

  static String format(String fmt, List<?> args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (++i >= fmt.length()) {
        throw new IllegalArgumentException("unexpected end of format string");
      }
      if (fmt.charAt(i) == '%') {
        out.append('%');
        continue;
      }
      Integer precision = null;
      if (fmt.charAt(i) == '.') {
        int start = ++i;
        while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
          i++;
        }
        if (start == i || i >= fmt.length()) {
          throw new IllegalArgumentException("malformed precision in format string");
        }
        precision = Integer.parseInt(fmt.substring(start, i));
      }
      if (next >= args.size()) {
        throw new IllegalArgumentException("index " + next + " out of range");
      }
      Object a = args.get(next++);
      char verb = fmt.charAt(i);
      out.append(switch (verb) {
        case 's' -> str(a);
        case 'd' -> integer(a, verb);
        case 'f' -> String.format(Locale.ROOT, "%." + (precision == null ? 6 : precision) + "f", number(a, verb));
        case 'e' -> String.format(Locale.ROOT, "%." + (precision == null ? 6 : precision) + "e", number(a, verb));
        case 'x' -> hex(a, false);
        case 'X' -> hex(a, true);
        case 'o' -> Long.toOctalString(integer(a, verb));
        case 'b' -> a instanceof Boolean b ? b.toString() : Long.toBinaryString(integer(a, verb));
        default -> throw new IllegalArgumentException("could not parse formatting clause: unrecognized formatting clause \"" + verb + "\"");
      });
    }
    return out.toString();
  }

  private static String str(Object a) {
    if (a instanceof NullValue) {
      return "null";
    }
    if (a instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (a instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(quoted(l.get(i)));
      }
      return sb.append(']').toString();
    }
    if (a instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "" : ", ").append(quoted(e.getKey())).append(": ").append(quoted(e.getValue()));
        first = false;
      }
      return sb.append('}').toString();
    }
    return String.valueOf(a);
  }

  private static String quoted(Object o) {
    return o instanceof String s ? "\"" + s + "\"" : str(o);
  }

  private static long integer(Object a, char verb) {
    if (a instanceof Long l) {
      return l;
    }
    if (a instanceof com.google.common.primitives.UnsignedLong u) {
      return u.longValue();
    }
    throw new IllegalArgumentException("error during formatting: integer clause can only be used on integers, was given " + KubeCelLibrary.typeName(a));
  }

  private static double number(Object a, char verb) {
    if (a instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("error during formatting: fixed-point clause can only be used on doubles, was given " + KubeCelLibrary.typeName(a));
  }

  private static String hex(Object a, boolean upper) {
    String h;
    if (a instanceof String s) {
      StringBuilder sb = new StringBuilder();
      for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
        sb.append(String.format("%02x", b & 0xff));
      }
      h = sb.toString();
    } else {
      long v = integer(a, 'x');
      h = v < 0 ? "-" + Long.toHexString(-v) : Long.toHexString(v);
    }
    return upper ? h.toUpperCase(Locale.ROOT) : h;
  }
}
