package io.todo.validator.admission;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The named formats of the Kubernetes CEL format library ({@code format.dns1123Label()}...). */
enum NameFormat {
  DNS1123_LABEL("dns1123Label"),
  DNS1123_SUBDOMAIN("dns1123Subdomain"),
  DNS1035_LABEL("dns1035Label"),
  QUALIFIED_NAME("qualifiedName"),
  DNS1123_LABEL_PREFIX("dns1123LabelPrefix"),
  DNS1123_SUBDOMAIN_PREFIX("dns1123SubdomainPrefix"),
  DNS1035_LABEL_PREFIX("dns1035LabelPrefix"),
  LABEL_VALUE("labelValue"),
  URI("uri"),
  UUID("uuid"),
  BYTE("byte"),
  DATE("date"),
  DATETIME("datetime");

  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL_RE = Pattern.compile(LABEL);
  private static final Pattern DNS1123_SUBDOMAIN_RE = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
  private static final Pattern DNS1035_RE = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern QUALIFIED_RE = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern UUID_RE =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  final String celName;

  NameFormat(String celName) {
    this.celName = celName;
  }

  static Optional<NameFormat> named(String name) {
    for (NameFormat f : values()) {
      if (f.celName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The errors for {@code s}, none when it is valid. */
  List<String> errors(String s) {
    List<String> e = new ArrayList<>();
    switch (this) {
      case DNS1123_LABEL -> label(s, DNS1123_LABEL_RE, 63, "RFC 1123 label", e);
      case DNS1123_LABEL_PREFIX -> label(prefix(s), DNS1123_LABEL_RE, 63, "RFC 1123 label", e);
      case DNS1035_LABEL -> label(s, DNS1035_RE, 63, "RFC 1035 label", e);
      case DNS1035_LABEL_PREFIX -> label(prefix(s), DNS1035_RE, 63, "RFC 1035 label", e);
      case DNS1123_SUBDOMAIN -> label(s, DNS1123_SUBDOMAIN_RE, 253, "RFC 1123 subdomain", e);
      case DNS1123_SUBDOMAIN_PREFIX -> label(prefix(s), DNS1123_SUBDOMAIN_RE, 253, "RFC 1123 subdomain", e);
      case QUALIFIED_NAME -> qualifiedName(s, e);
      case LABEL_VALUE -> {
        if (!s.isEmpty()) {
          label(s, QUALIFIED_RE, 63, "valid label", e);
        }
      }
      case URI -> {
        if (KubeUrl.parseOrNull(s) == null) {
          e.add("invalid URI");
        }
      }
      case UUID -> {
        if (!UUID_RE.matcher(s).matches()) {
          e.add("does not match the UUID format");
        }
      }
      case BYTE -> {
        try {
          Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException x) {
          e.add("invalid base64");
        }
      }
      case DATE -> {
        try {
          LocalDate.parse(s);
        } catch (DateTimeParseException x) {
          e.add("invalid date");
        }
      }
      case DATETIME -> {
        try {
          OffsetDateTime.parse(s.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException x) {
          e.add("invalid datetime");
        }
      }
      default -> throw new IllegalStateException(name());
    }
    return e;
  }

  /** A prefix (generateName) is valid when it would be valid once a suffix is appended. */
  private static String prefix(String s) {
    return s.endsWith("-") ? s + "a" : s;
  }

  private static void label(String s, Pattern re, int max, String what, List<String> e) {
    if (s.length() > max) {
      e.add("must be no more than " + max + " characters");
    }
    if (!re.matcher(s).matches()) {
      e.add("a " + what + " must consist of " + (re == QUALIFIED_RE
          ? "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
          : "lower case alphanumeric characters" + (re == DNS1123_SUBDOMAIN_RE ? ", '-' or '.'" : " or '-'")
              + (re == DNS1035_RE ? ", start with an alphabetic character," : ", start with an alphanumeric character,")
              + " and end with an alphanumeric character"));
    }
  }

  private static void qualifiedName(String s, List<String> e) {
    String[] parts = s.split("/", -1);
    String name = s;
    if (parts.length == 2) {
      if (parts[0].isEmpty()) {
        e.add("prefix part must be non-empty");
      } else {
        label(parts[0], DNS1123_SUBDOMAIN_RE, 253, "RFC 1123 subdomain", e);
      }
      name = parts[1];
    } else if (parts.length > 2) {
      e.add("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
          + " with an alphanumeric character with an optional DNS subdomain prefix and '/'");
      return;
    }
    if (name.isEmpty()) {
      e.add("name part must be non-empty");
    } else {
      label(name, QUALIFIED_RE, 63, "valid name", e);
    }
  }
}
