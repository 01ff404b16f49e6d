package io.todo.validator.schema;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kubeconform-compatible {@code --schema-location}s: "default" (our built-in bundle), a local
 * directory in kubeconform's layout, or a path template using {@code {{ .ResourceKind }}} and
 * friends. A location that does not end in "json" is a directory and gets kubeconform's default
 * layout appended.
 */
public final class SchemaLocations {
  public static final String DEFAULT = "default";
  /** kubeconform's layout below a schema directory; {@code schema-export} writes it. */
  public static final String LAYOUT =
      "{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{-?\\s*\\.(\\w+)\\s*-?}}");
  private static final List<String> KNOWN =
      List.of("NormalizedKubernetesVersion", "StrictSuffix", "ResourceKind", "ResourceAPIVersion", "Group", "KindSuffix");

  /** One location: the built-in bundle or a template for local files. */
  public record Location(boolean builtin, String template) {}

  private SchemaLocations() {}

  public static List<Location> parse(List<String> locations, Path cwd) {
    List<Location> out = new ArrayList<>();
    for (String raw : locations) {
      if (raw.equals(DEFAULT)) {
        out.add(new Location(true, null));
        continue;
      }
      if (raw.startsWith("http://") || raw.startsWith("https://")) {
        throw new ValidatorException(ExitCodes.USAGE, "--schema-location " + raw
            + ": remote locations are not supported (the validator works offline); download the schemas and give their directory");
      }
      Matcher m = VARIABLE.matcher(raw);
      while (m.find()) {
        if (!KNOWN.contains(m.group(1))) {
          throw new ValidatorException(ExitCodes.USAGE, "--schema-location " + raw + ": unknown template variable ."
              + m.group(1) + " (known: " + String.join(", ", KNOWN) + ")");
        }
      }
      if (raw.contains("{{") && !VARIABLE.matcher(raw).find()) {
        throw new ValidatorException(ExitCodes.USAGE, "--schema-location " + raw + ": malformed template");
      }
      String template = raw.endsWith("json") ? raw : trimSlash(raw) + "/" + LAYOUT;
      if (!Path.of(template.replaceAll("\\{\\{[^}]*}}", "x")).isAbsolute()) {
        template = cwd.resolve(".").normalize() + "/" + template;
      }
      out.add(new Location(false, template));
    }
    return out;
  }

  /** The file a template names for a resource, like kubeconform computes it. */
  public static String expand(String template, String kubernetesVersion, boolean strict, String apiVersion, String kind) {
    Map<String, String> vars = variables(kubernetesVersion, strict, apiVersion, kind);
    Matcher m = VARIABLE.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(vars.get(m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static Map<String, String> variables(String kubernetesVersion, boolean strict, String apiVersion, String kind) {
    String[] gv = apiVersion.split("/", 2);
    String group = gv.length > 1 ? gv[0] : "";
    String version = gv.length > 1 ? gv[1] : gv[0];
    String kindSuffix = "-" + (group.isEmpty() ? "" : group.split("\\.")[0].toLowerCase(Locale.ROOT) + "-")
        + version.toLowerCase(Locale.ROOT);
    return Map.of(
        "NormalizedKubernetesVersion", normalizedVersion(kubernetesVersion),
        "StrictSuffix", strict ? "-strict" : "",
        "ResourceKind", kind.toLowerCase(Locale.ROOT),
        "ResourceAPIVersion", version,
        "Group", group,
        "KindSuffix", kindSuffix);
  }

  /** "1.33" becomes kubeconform's "v1.33.0". */
  public static String normalizedVersion(String kubernetesVersion) {
    String v = kubernetesVersion.chars().filter(c -> c == '.').count() == 1 ? kubernetesVersion + ".0" : kubernetesVersion;
    return "v" + v;
  }

  private static String trimSlash(String s) {
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
