package io.todo.validator.admission.cel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * apimachinery's name checks with their exact messages: util/validation's IsDNS1123Label, IsDNS1123Subdomain,
 * IsDNS1035Label (lengths reported in "characters"), api/validation's NameIs* (the generateName prefix form), and
 * api/validate/content's IsLabelKey and IsLabelValue (lengths in "bytes"). Go measures and slices strings in UTF-8
 * bytes, so every check runs on a byte string: one char per UTF-8 byte, which no (ASCII) pattern here matches
 * when it is not ASCII.
 */
final class NameValidation {
  private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
  private static final String DNS1035_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String VALUE_FMT = "(" + KEY_FMT + ")?";
  private static final Pattern LABEL = Pattern.compile(LABEL_FMT);
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);
  private static final Pattern DNS1035 = Pattern.compile(DNS1035_FMT);
  private static final Pattern KEY = Pattern.compile(KEY_FMT);
  private static final Pattern VALUE = Pattern.compile(VALUE_FMT);

  private static final String LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric"
      + " characters or '-', and must start and end with an alphanumeric character";
  private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case"
      + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  private static final String DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters"
      + " or '-', start with an alphabetic character, and end with an alphanumeric character";
  private static final String KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start"
      + " and end with an alphanumeric character";
  private static final String VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric"
      + " characters, '-', '_' or '.', and must start and end with an alphanumeric character";

  private NameValidation() {}

  /**
   * api/validation's maskTrailingDash, as written: a trailing '-' of a name longer than one byte replaces
   * the last two bytes with "a" ("ab-" is checked as "aa").
   */
  static String maskTrailingDash(String b) {
    return b.length() > 1 && b.endsWith("-") ? b.substring(0, b.length() - 2) + "a" : b;
  }

  static List<String> dns1123Label(String b) {
    List<String> errs = new ArrayList<>();
    if (b.length() > 63) {
      errs.add(maxLen(63, "characters"));
    }
    if (!LABEL.matcher(b).matches()) {
      // a valid subdomain of no more than 63 bytes fails the label pattern only by its dots
      errs.add(SUBDOMAIN.matcher(b).matches() ? "must not contain dots"
          : regexError(LABEL_MSG, LABEL_FMT, "my-name", "123-abc"));
    }
    return errs;
  }

  static List<String> dns1123Subdomain(String b, String unit) {
    List<String> errs = new ArrayList<>();
    if (b.length() > 253) {
      errs.add(maxLen(253, unit));
    }
    if (!SUBDOMAIN.matcher(b).matches()) {
      errs.add(regexError(SUBDOMAIN_MSG, SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  static List<String> dns1035Label(String b) {
    List<String> errs = new ArrayList<>();
    if (b.length() > 63) {
      errs.add(maxLen(63, "characters"));
    }
    if (!DNS1035.matcher(b).matches()) {
      errs.add(regexError(DNS1035_MSG, DNS1035_FMT, "my-name", "abc-123"));
    }
    return errs;
  }

  /** content.IsLabelKey (validation.IsQualifiedName): an optional subdomain prefix and '/', then a name. */
  static List<String> qualifiedName(String b) {
    List<String> errs = new ArrayList<>();
    String[] parts = b.split("/", -1);
    if (parts.length > 2) {
      errs.add("a valid label key " + regexError(KEY_MSG, KEY_FMT, "MyName", "my.name", "123-abc")
          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2) {
      if (parts[0].isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        dns1123Subdomain(parts[0], "bytes").forEach(m -> errs.add("prefix part " + m));
      }
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (name.length() > 63) {
      errs.add("name part " + maxLen(63, "bytes"));
    }
    // an empty name fails the pattern too: Kubernetes reports both
    if (!KEY.matcher(name).matches()) {
      errs.add("name part " + regexError(KEY_MSG, KEY_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  static List<String> labelValue(String b) {
    List<String> errs = new ArrayList<>();
    if (b.length() > 63) {
      errs.add(maxLen(63, "bytes"));
    }
    if (!VALUE.matcher(b).matches()) {
      errs.add(regexError(VALUE_MSG, VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  private static String maxLen(int max, String unit) {
    return "must be no more than " + max + " " + unit;
  }

  /** validation.RegexError, with its doubled space after each example's comma but the last. */
  private static String regexError(String msg, String fmt, String... examples) {
    StringBuilder b = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      b.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return b.append("regex used for validation is '").append(fmt).append("')").toString();
  }
}
