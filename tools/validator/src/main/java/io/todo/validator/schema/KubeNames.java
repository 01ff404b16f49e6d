package io.todo.validator.schema;

import static io.todo.validator.model.NameValidation.DNS1035_LABEL;
import static io.todo.validator.model.NameValidation.DNS1123_LABEL;
import static io.todo.validator.model.NameValidation.DNS1123_SUBDOMAIN;
import static io.todo.validator.model.NameValidation.LABEL_VALUE;
import static io.todo.validator.model.NameValidation.QUALIFIED_NAME;

/**
 * The API server's name rules (k8s.io/apimachinery/pkg/util/validation) that a JSON schema cannot
 * express. Each check returns null when the value is valid, else the reason. The patterns are
 * model.NameValidation's; the messages here are this checker's own, shorter wording.
 */
public final class KubeNames {
  private KubeNames() {}

  public static String dns1123Label(String v) {
    if (v.length() > 63) {
      return "must be no more than 63 characters";
    }
    if (!DNS1123_LABEL.matcher(v).matches()) {
      return "must be a lowercase RFC 1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit)";
    }
    return null;
  }

  public static String dns1123Subdomain(String v) {
    if (v.length() > 253) {
      return "must be no more than 253 characters";
    }
    if (!DNS1123_SUBDOMAIN.matcher(v).matches()) {
      return "must be a lowercase RFC 1123 subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)";
    }
    return null;
  }

  public static String dns1035Label(String v) {
    if (v.length() > 63) {
      return "must be no more than 63 characters";
    }
    if (!DNS1035_LABEL.matcher(v).matches()) {
      return "must be a lowercase RFC 1035 label (lowercase letters, digits and '-', starting with a letter and ending with a letter or digit)";
    }
    return null;
  }

  /** RBAC and a few other kinds only forbid what cannot appear in a URL path segment. */
  public static String pathSegment(String v) {
    if (v.equals(".") || v.equals("..")) {
      return "may not be '" + v + "'";
    }
    if (v.contains("/") || v.contains("%")) {
      return "may not contain '/' or '%'";
    }
    return null;
  }

  /** Label and annotation keys: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
  public static String qualifiedName(String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()) {
        return "prefix part must be non-empty";
      }
      String p = dns1123Subdomain(prefix);
      if (p != null) {
        return "prefix part " + p;
      }
    }
    if (name.isEmpty()) {
      return "name part must be non-empty";
    }
    if (name.length() > 63) {
      return "name part must be no more than 63 characters";
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    }
    return null;
  }

  public static String labelValue(String v) {
    if (v.length() > 63) {
      return "must be no more than 63 characters";
    }
    if (!LABEL_VALUE.matcher(v).matches()) {
      return "must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    }
    return null;
  }
}
