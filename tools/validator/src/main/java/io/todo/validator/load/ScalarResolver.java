package io.todo.validator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Types plain (unquoted, untagged) scalars the way the Go YAML libraries kustomize uses do. */
public final class ScalarResolver {
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  /** go-yaml's yamlStyleFloat, matched after the underscores are dropped. */
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
              + "([Tt ]|[ \\t]+)?([0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?)?"
              + "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?");

  private ScalarResolver() {}

  /**
   * The value yaml.v3 gives an untagged plain scalar with this text (YAML 1.2 core schema, timestamps
   * marked as such): how kustomize types a value written into a field it created.
   */
  public static JsonNode plainCore(String v) {
    return isTimestamp(v) ? new PlainTimestamp(v) : resolvePlain(v, ScalarSchema.CORE_1_2);
  }

  /** The typed value of a plain scalar. Timestamps stay strings; the renderer normalises them. */
  public static JsonNode resolvePlain(String v, ScalarSchema schema) {
    switch (v) {
      case "", "~", "null", "Null", "NULL":
        return F.nullNode();
      case "true", "True", "TRUE":
        return F.booleanNode(true);
      case "false", "False", "FALSE":
        return F.booleanNode(false);
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
        return F.numberNode(Double.POSITIVE_INFINITY);
      case "-.inf", "-.Inf", "-.INF":
        return F.numberNode(Double.NEGATIVE_INFINITY);
      case ".nan", ".NaN", ".NAN":
        return F.numberNode(Double.NaN);
      default:
        break;
    }
    if (schema == ScalarSchema.YAML_1_1) {
      switch (v) {
        case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
          return F.booleanNode(true);
        case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
          return F.booleanNode(false);
        default:
          break;
      }
    }
    char c = v.charAt(0);
    if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
      return F.textNode(v);
    }
    // go-yaml (v2 and v3 alike) drops the underscores, then tries strconv.ParseInt(plain, 0, 64),
    // ParseUint(plain, 0, 64) and, for yamlStyleFloat, ParseFloat (an overflow stays a string)
    String plain = v.replace("_", "");
    BigInteger i = goParseInt(plain);
    if (i != null && (i.bitLength() < 64 || i.signum() > 0 && i.bitLength() == 64 && plain.charAt(0) != '+')) {
      return number(i);
    }
    String f = c == '.' ? v : plain; // a leading '.' goes to ParseFloat as written
    if (FLOAT.matcher(f).matches()) {
      double d = Double.parseDouble(f);
      if (!Double.isInfinite(d)) {
        return F.numberNode(new BigDecimal(f));
      }
    }
    return F.textNode(v);
  }

  /** Go's strconv.ParseInt(s, 0, ...) without the range check: 0x/0o/0b prefixes, a leading 0 is octal. */
  private static BigInteger goParseInt(String s) {
    int at = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    String body = s.substring(at);
    int radix = 10;
    if (body.startsWith("0") && body.length() > 1) {
      char p = Character.toLowerCase(body.charAt(1));
      boolean prefixed = body.length() >= 3 && (p == 'b' || p == 'o' || p == 'x');
      radix = !prefixed ? 8 : p == 'b' ? 2 : p == 'o' ? 8 : 16;
      body = body.substring(prefixed ? 2 : 1);
    }
    for (int i = 0; i < body.length(); i++) {
      if (body.charAt(i) >= 128 || Character.digit(body.charAt(i), radix) < 0) {
        return null;
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    BigInteger b = new BigInteger(body, radix);
    return s.startsWith("-") ? b.negate() : b;
  }

  /** True if a plain scalar is a YAML timestamp (which Go decodes to time.Time). */
  static boolean isTimestamp(String v) {
    return !v.isEmpty() && Character.isDigit(v.charAt(0)) && TIMESTAMP.matcher(v).matches();
  }

  private static JsonNode number(BigInteger b) {
    if (b.bitLength() < 32) {
      return F.numberNode(b.intValue());
    }
    if (b.bitLength() < 64) {
      return F.numberNode(b.longValue());
    }
    return F.numberNode(b);
  }
}
