package io.todo.validator.admission.cel;

import io.todo.validator.model.GoText;
import io.todo.validator.model.NameValidation;
import java.util.List;
import java.util.Optional;

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

  /** The errors for {@code s} as Kubernetes words and orders them, none when it is valid. */
  List<String> errors(String s) {
    return switch (this) {
      case DNS1123_LABEL -> NameValidation.dns1123Label(GoText.bytesOf(s));
      case DNS1123_SUBDOMAIN -> NameValidation.dns1123Subdomain(GoText.bytesOf(s), "characters");
      case DNS1035_LABEL -> NameValidation.dns1035Label(GoText.bytesOf(s));
      case QUALIFIED_NAME -> NameValidation.qualifiedName(GoText.bytesOf(s));
      case DNS1123_LABEL_PREFIX -> NameValidation.dns1123Label(prefix(s));
      case DNS1123_SUBDOMAIN_PREFIX -> NameValidation.dns1123Subdomain(prefix(s), "characters");
      case DNS1035_LABEL_PREFIX -> NameValidation.dns1035Label(prefix(s));
      case LABEL_VALUE -> NameValidation.labelValue(GoText.bytesOf(s));
      case URI -> orNone(KubeUrl.requestUriError(s));
      case UUID -> StrFmt.isUuid(s) ? List.of() : List.of("does not match the UUID format");
      case BYTE -> StrFmt.isBase64(s) ? List.of() : List.of("invalid base64");
      case DATE -> StrFmt.isDate(s) ? List.of() : List.of("invalid date");
      case DATETIME -> StrFmt.isDateTime(s) ? List.of() : List.of("invalid datetime");
    };
  }

  /** A generateName prefix is checked with its trailing '-' masked (Kubernetes' NameIs*(s, true)). */
  private static String prefix(String s) {
    return NameValidation.maskTrailingDash(GoText.bytesOf(s));
  }

  private static List<String> orNone(String error) {
    return error == null ? List.of() : List.of(error);
  }
}
