package io.todo.validator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.todo.validator.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plaintext Secret's values, a generator literal and a secret-looking env value are reported
 * (that is the point) but never printed: not in any output format, on stdout, on stderr or in a
 * report file, neither in clear nor base64-encoded.
 */
class SecretLeakTest {
  private static final String DATA_VALUE = "data-value-9f8e7d6c5b4a";
  private static final String STRING_DATA_VALUE = "stringdata-value-1a2b3c4d5e";
  private static final String LITERAL = "generator-literal-0z9y8x7w6v";
  private static final String ENV_FILE_VALUE = "envfile-value-5u4t3s2r1q";
  private static final String ENV_VALUE = "sk-proj-T3stOnlyN0tARealKey0123456789abcd";
  private static final String HIGH_ENTROPY = "Zx9qP2vL7kM4wR8tY3nB6";
  private static final List<String> SECRETS =
      List.of(DATA_VALUE, STRING_DATA_VALUE, LITERAL, ENV_FILE_VALUE, ENV_VALUE, HIGH_ENTROPY);
  private static final List<String> FORMATS = List.of("text", "json", "junit", "sarif", "github");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> noOutputFormatPrintsASecret() throws IOException {
    Path dir = tmp.resolve("overlay");
    write(dir.resolve("kustomization.yaml"), """
        resources:
        - secret.yaml
        - deployment.yaml
        secretGenerator:
        - name: generated
          literals:
          - password=%s
          envs:
          - db.env
        """.formatted(LITERAL));
    write(dir.resolve("db.env"), "DB_PASSWORD=" + ENV_FILE_VALUE + "\n");
    write(dir.resolve("secret.yaml"), """
        apiVersion: v1
        kind: Secret
        metadata:
          name: plain
        type: Opaque
        data:
          token: %s
        stringData:
          password: %s
        """.formatted(base64(DATA_VALUE), STRING_DATA_VALUE));
    write(dir.resolve("deployment.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
              - name: api
                image: ghcr.io/todo/api:1.0.0
                env:
                - name: OPENAI_API_KEY
                  value: %s
                - name: DB_PASSWORD
                  value: %s
        """.formatted(ENV_VALUE, HIGH_ENTROPY));
    return FORMATS.stream().flatMap(format -> Stream.of(
        DynamicTest.dynamicTest(format + " on stdout", () -> check(dir, format, false)),
        DynamicTest.dynamicTest(format + " to a file", () -> check(dir, format, true))));
  }

  private void check(Path dir, String format, boolean toFile) throws IOException {
    Path report = tmp.resolve("report-" + format + (toFile ? ".out" : ".unused"));
    List<String> args = new ArrayList<>(List.of("validate", "--summary", "-o", toFile ? format + "=" + report : format));
    args.add("overlay");
    CliRunner.Result r = CliRunner.runIn(tmp, args.toArray(String[]::new));
    String all = r.out() + r.err() + (toFile ? Files.readString(report) : "");
    assertThat(r.exitCode()).as(all).isEqualTo(1);
    // the findings are there...
    assertThat(all).contains("SCR-001", "SCR-002", "SCR-003");
    // ...the values are not
    for (String s : SECRETS) {
      assertThat(all).as(format).doesNotContain(s, base64(s));
    }
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path p, String s) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }
}
