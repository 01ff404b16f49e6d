package io.todo.validator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * apimachinery's name checks with their exact messages: util/validation's IsDNS1123Label, IsDNS1123Subdomain,
 * IsDNS1035Label (lengths reported in "characters"), api/validation's NameIs* (the generateName prefix form), and
 * api/validate/content's IsLabelKey and IsLabelValue (lengths in "bytes"). Go measures and slices strings in UTF-8
 * bytes, so the admission (CEL) checks run on a byte string: one char per UTF-8 byte, which no (ASCII) pattern here
 * matches when it is not ASCII.
 *
 * <p>The patterns, {@link #regexError} and the parameterized {@link #qualifiedName(String, String, String, String)}
 * are shared with schema.KubeNames and render.Selector, which word some of their messages differently on purpose.
 */
public final class NameValidation {
  public static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  public static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  public static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  public static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  public static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  public static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
  public static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
  public static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);
  public static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
  public static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);

  private static final String LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric"
      + " characters or '-', and must start and end with an alphanumeric character";
  private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case"
      + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  private static final String DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters"
      + " or '-', start with an alphabetic character, and end with an alphanumeric character";
  public static final String QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and"
      + " must start and end with an alphanumeric character";
  public static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric"
      + " characters, '-', '_' or '.', and must start and end with an alphanumeric character";

  private NameValidation() {}

  /**
   * api/validation's maskTrailingDash, as written: a trailing '-' of a name longer than one byte replaces
   * the last two bytes with "a" ("ab-" is checked as "aa").
   */
  public static String maskTrailingDash(String b) {
    return b.length() > 1 && b.endsWith("-") ? b.substring(0, b.length() - 2) + "a" : b;
  }

  public static List<String> dns1123Label(String b) {
    List<String> errs = new ArrayList<>();
    if (b.length() > 63) {
      errs.add(maxLen(63, "characters"));
    }
    if (!DNS1123_LABEL.matcher(b).matches()) {
      // a valid subdomain of no more than 63 bytes fails the label pattern only by its dots
      errs.add(DNS1123_SUBDOMAIN.matcher(b).matches() ? "must not contain dots"
          : regexError(LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
    }
    return errs;
  }

  public static List<String> dns1123Subdomain(String b, String unit) {
    return dns1123Subdomain(b, unit, SUBDOMAIN_MSG);
  }

  private static List<String> dns1123Subdomain(String b, String unit, String msg) {
    List<String> errs = new ArrayList<>();
    if (b.length() > 253) {
      errs.add(maxLen(253, unit));
    }
    if (!DNS1123_SUBDOMAIN.matcher(b).matches()) {
      errs.add(regexError(msg, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  public static List<String> dns1035Label(String b) {
    List<String> errs = new ArrayList<>();
    if (b.length() > 63) {
      errs.add(maxLen(63, "characters"));
    }
    if (!DNS1035_LABEL.matcher(b).matches()) {
      errs.add(regexError(DNS1035_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }
    return errs;
  }

  /** content.IsLabelKey (validation.IsQualifiedName): an optional subdomain prefix and '/', then a name. */
  public static List<String> qualifiedName(String b) {
    return qualifiedName(b, "a valid label key", SUBDOMAIN_MSG, "bytes");
  }

  /**
   * validation.IsQualifiedName with the caller's wording: {@code noun} leads the too-many-'/' message,
   * {@code subdomainMsg} describes a bad prefix, and {@code unit} names the length unit of both parts.
   */
  public static List<String> qualifiedName(String b, String noun, String subdomainMsg, String unit) {
    List<String> errs = new ArrayList<>();
    String[] parts = b.split("/", -1);
    if (parts.length > 2) {
      errs.add(noun + " " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2) {
      if (parts[0].isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        dns1123Subdomain(parts[0], unit, subdomainMsg).forEach(m -> errs.add("prefix part " + m));
      }
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (name.length() > 63) {
      errs.add("name part " + maxLen(63, unit));
    }
    // an empty name fails the pattern too: Kubernetes reports both
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add("name part " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  public static List<String> labelValue(String b) {
    List<String> errs = new ArrayList<>();
    if (b.length() > 63) {
      errs.add(maxLen(63, "bytes"));
    }
    if (!LABEL_VALUE.matcher(b).matches()) {
      errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  private static String maxLen(int max, String unit) {
    return "must be no more than " + max + " " + unit;
  }

  /** validation.RegexError, with its doubled space after each example's comma but the last. */
  public static String regexError(String msg, String fmt, String... examples) {
    StringBuilder b = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      b.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return b.append("regex used for validation is '").append(fmt).append("')").toString();
  }
}
