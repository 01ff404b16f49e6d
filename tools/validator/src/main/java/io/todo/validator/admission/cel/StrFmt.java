package io.todo.validator.admission.cel;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** kube-openapi's strfmt checks behind format.uuid(), byte(), date() and datetime(). */
final class StrFmt {
  // strfmt.UUIDPattern: case-insensitive hex, each dash optional
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
  // govalidator's Base64: padded standard alphabet, at least one quantum (so not the empty string)
  private static final Pattern BASE64 = Pattern.compile(
      "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})");
  private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  // strfmt.DateTimePattern; its '.' is Go's, any rune but '\n' (Java's '.' also refuses \r, \u0085, \u2028...)
  private static final Pattern TIME = Pattern.compile(
      "([0-9]{2}):([0-9]{2}):([0-9]{2})([^\\n][0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))");

  private StrFmt() {}

  static boolean isUuid(String s) {
    return UUID.matcher(s).matches();
  }

  static boolean isBase64(String s) {
    return BASE64.matcher(s).matches();
  }

  /** time.Parse("2006-01-02", s): four-digit year, two-digit month 01-12, a day that exists in that month. */
  static boolean isDate(String s) {
    Matcher m = DATE.matcher(s);
    if (!m.matches()) {
      return false;
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
  }

  /**
   * strfmt.IsDateTime: at least 4 bytes; lower-cased and split at every 't', the first piece a date and the
   * second (only the second: "...Zt-anything" passes) a time whose hour is at most 23 and minute and second
   * at most 59 (string comparison), with any offset.
   */
  static boolean isDateTime(String s) {
    if (s.getBytes(StandardCharsets.UTF_8).length < 4) {
      return false;
    }
    // only 'T' and 'Z' matter to the checks; Go's per-rune ToLower maps no other rune to 't' or 'z'
    String[] parts = s.replace('T', 't').replace('Z', 'z').split("t", -1);
    if (parts.length < 2 || !isDate(parts[0])) {
      return false;
    }
    Matcher m = TIME.matcher(parts[1]);
    return m.matches() && m.group(1).compareTo("23") <= 0 && m.group(2).compareTo("59") <= 0
        && m.group(3).compareTo("59") <= 0;
  }
}
