package io.todo.validator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Types plain (unquoted, untagged) scalars the way the Go YAML libraries kustomize uses do. */
public final class ScalarResolver {
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private static final Pattern INT_12 = Pattern.compile("[-+]?(0|[1-9][0-9_]*|0[0-9_]+)");
  private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
  private static final Pattern OCT_12 = Pattern.compile("[-+]?0o[0-7_]+");
  private static final Pattern BIN = Pattern.compile("[-+]?0b[01_]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?");
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
  static JsonNode resolvePlain(String v, ScalarSchema schema) {
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
    try {
      if (HEX.matcher(v).matches()) {
        return integer(v, 16, v.indexOf('x') + 1);
      }
      if (OCT_12.matcher(v).matches()) {
        return integer(v, 8, v.indexOf('o') + 1);
      }
      if (BIN.matcher(v).matches()) {
        return integer(v, 2, v.indexOf('b') + 1);
      }
      if (INT_12.matcher(v).matches()) {
        String digits = v.replace("_", "");
        String unsigned = digits.replaceFirst("^[-+]", "");
        if (unsigned.length() > 1 && unsigned.startsWith("0")) {
          // yaml.v2 (1.1) reads a leading 0 as octal; yaml.v3 as decimal
          return schema == ScalarSchema.YAML_1_1 && unsigned.matches("[0-7]+")
              ? integer(v, 8, v.indexOf('0') + 1)
              : number(new BigInteger(digits));
        }
        return number(new BigInteger(digits));
      }
      if (FLOAT.matcher(v).matches() && !v.equals(".") && !v.equals("-") && !v.equals("+")) {
        return F.numberNode(new BigDecimal(v.replace("_", "")));
      }
    } catch (NumberFormatException e) {
      return F.textNode(v);
    }
    return F.textNode(v);
  }

  /** True if a plain scalar is a YAML timestamp (which Go decodes to time.Time). */
  static boolean isTimestamp(String v) {
    return !v.isEmpty() && Character.isDigit(v.charAt(0)) && TIMESTAMP.matcher(v).matches();
  }

  private static JsonNode integer(String v, int radix, int digitsFrom) {
    boolean negative = v.startsWith("-");
    BigInteger b = new BigInteger(v.substring(digitsFrom).replace("_", ""), radix);
    return number(negative ? b.negate() : b);
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
