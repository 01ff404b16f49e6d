package io.todo.validator.schema;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus under {@code schema-cases/}: YAML streams whose leading comments say what the schema
 * stage must report. {@code # expect: LINE:COL Kind/ns/name: field: message} holds for every
 * version, {@code # expect@1.30-1.33: ...} for a range ({@code {version}} is replaced);
 * {@code # strict: false} runs without strict mode. A file without expectations must pass.
 */
record SchemaCases(Path file, boolean strict, List<String> expectLines) {

  static List<SchemaCases> all() throws IOException, URISyntaxException {
    Path root = Path.of(SchemaCases.class.getResource("/schema-cases").toURI());
    List<SchemaCases> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        boolean strict = lines.stream().noneMatch(l -> l.trim().equals("# strict: false"));
        out.add(new SchemaCases(f, strict, lines.stream().filter(l -> l.startsWith("# expect")).toList()));
      }
    }
    return out;
  }

  String name() {
    return file.getFileName().toString();
  }

  /** The expected findings for one Kubernetes version, in report order. */
  List<String> expected(String version) {
    List<String> out = new ArrayList<>();
    for (String l : expectLines) {
      String rest = l.substring("# expect".length());
      if (rest.startsWith("@")) {
        String range = rest.substring(1, rest.indexOf(':'));
        String[] ab = range.split("-");
        if (SchemaBundle.compareVersions(version, ab[0]) < 0 || SchemaBundle.compareVersions(version, ab[1]) > 0) {
          continue;
        }
        rest = rest.substring(rest.indexOf(':'));
      }
      out.add(rest.substring(1).trim().replace("{version}", version));
    }
    return out;
  }

  /** Resources (by Kind/ns/name) that some version expects a finding for. */
  boolean expectsAnyFindingFor(String ref) {
    return expectLines.stream().anyMatch(l -> l.contains(" " + ref + ": "));
  }
}
