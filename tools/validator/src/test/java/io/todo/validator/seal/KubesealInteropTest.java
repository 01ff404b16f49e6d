package io.todo.validator.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.todo.validator.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the real kubeseal (v0.36.6), both ways, all three scopes: what we seal,
 * kubeseal --recovery-unseal decrypts; what kubeseal --cert seals, we decrypt; --raw and
 * --merge-into too; and our output is byte-identical to kubeseal's apart from the ciphertexts.
 */
class KubesealInteropTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String PASSWORD = "pa55-PLAINTEXT-db-password";
  static final String CONFIG = "line one PLAINTEXT\nline two\n";
  static final Path FORMAT_DIR = Path.of("src/test/resources/seal/format");

  @TempDir static Path dir;
  static TestKeys keys;
  static Path cert;
  static Path key;

  @BeforeAll
  static void keys() throws IOException {
    keys = TestKeys.generate(2048);
    cert = keys.writeCert(dir, "cert.pem");
    key = keys.writeKey(dir, "key.pem");
  }

  static String secret(Scope scope) {
    String ann = switch (scope) {
      case STRICT -> "";
      case NAMESPACE_WIDE -> "  annotations:\n    sealedsecrets.bitnami.com/namespace-wide: \"true\"\n";
      case CLUSTER_WIDE -> "  annotations:\n    sealedsecrets.bitnami.com/cluster-wide: \"true\"\n";
    };
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: todo\n" + ann
        + "type: Opaque\ndata:\n  password: " + b64(PASSWORD) + "\nstringData:\n  config: |\n    line one PLAINTEXT\n    line two\n";
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String unb64(JsonNode n) {
    return new String(Base64.getDecoder().decode(n.asText()), StandardCharsets.UTF_8);
  }

  @TestFactory
  Stream<DynamicTest> oursDecryptedByKubeseal() {
    return Stream.of(Scope.values()).map(scope -> dynamicTest(scope.flag(), () -> {
      CliRunner.Result sealed = CliRunner.runWithStdin(secret(scope), "seal", "--cert", cert.toString());
      assertThat(sealed.exitCode()).as(sealed.err()).isZero();
      assertThat(sealed.out()).doesNotContain("PLAINTEXT").doesNotContain(b64(PASSWORD));
      Peers.Run r = Peers.run(dir, sealed.out().getBytes(StandardCharsets.UTF_8),
          "--recovery-unseal", "--recovery-private-key", key.toString(), "-o", "yaml");
      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode s = YAML.readTree(r.out());
      assertThat(unb64(s.path("data").path("password"))).isEqualTo(PASSWORD);
      assertThat(unb64(s.path("data").path("config"))).isEqualTo(CONFIG);
    }));
  }

  @TestFactory
  Stream<DynamicTest> kubesealDecryptedByUs() {
    return Stream.of(Scope.values()).map(scope -> dynamicTest(scope.flag(), () -> {
      Peers.Run sealed = Peers.run(dir, secret(scope).getBytes(StandardCharsets.UTF_8),
          "--cert", cert.toString(), "--scope", scope.flag(), "-o", "yaml");
      assertThat(sealed.exitCode()).as(sealed.err()).isZero();
      CliRunner.Result status = CliRunner.runWithStdin(sealed.out(), "unseal", "--private-key", key.toString());
      assertThat(status.exitCode()).as(status.err()).isZero();
      assertThat(status.out()).contains("password: OK", "config: OK").doesNotContain("PLAINTEXT");
      CliRunner.Result un = CliRunner.runWithStdin(sealed.out(), "unseal", "--private-key", key.toString(), "-o", "json");
      JsonNode s = new ObjectMapper().readTree(un.out());
      assertThat(unb64(s.path("data").path("password"))).isEqualTo(PASSWORD);
      assertThat(unb64(s.path("data").path("config"))).isEqualTo(CONFIG);
    }));
  }

  @TestFactory
  Stream<DynamicTest> rawBothWays() {
    return Stream.of(Scope.values()).map(scope -> dynamicTest(scope.flag(), () -> {
      List<String> target = new ArrayList<>(List.of("--scope", scope.flag()));
      if (scope != Scope.CLUSTER_WIDE) {
        target.addAll(List.of("--namespace", "todo"));
      }
      if (scope == Scope.STRICT) {
        target.addAll(List.of("--name", "db"));
      }
      // ours -> kubeseal: wrap our raw value in a SealedSecret and recovery-unseal it
      List<String> args = new ArrayList<>(List.of("seal", "--raw", "--cert", cert.toString()));
      args.addAll(target);
      CliRunner.Result raw = CliRunner.runWithStdin(PASSWORD, args.toArray(String[]::new));
      assertThat(raw.exitCode()).as(raw.err()).isZero();
      assertThat(raw.out()).matches("[A-Za-z0-9+/]+=*"); // no newline, as kubeseal
      Peers.Run r = Peers.run(dir, wrap(scope, raw.out()).getBytes(StandardCharsets.UTF_8),
          "--recovery-unseal", "--recovery-private-key", key.toString(), "-o", "json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(unb64(new ObjectMapper().readTree(r.out()).path("data").path("password"))).isEqualTo(PASSWORD);
      // kubeseal -> ours
      List<String> kargs = new ArrayList<>(List.of("--raw", "--cert", cert.toString()));
      kargs.addAll(target);
      Peers.Run k = Peers.run(dir, PASSWORD.getBytes(StandardCharsets.UTF_8), kargs.toArray(String[]::new));
      assertThat(k.exitCode()).as(k.err()).isZero();
      CliRunner.Result un = CliRunner.runWithStdin(wrap(scope, k.out().trim()), "unseal", "--private-key", key.toString(), "-o", "json");
      assertThat(un.exitCode()).as(un.err()).isZero();
      assertThat(unb64(new ObjectMapper().readTree(un.out()).path("data").path("password"))).isEqualTo(PASSWORD);
      // the same sizes: 2-byte header + RSA block + 32? no: plaintext + 16-byte tag
      assertThat(Base64.getDecoder().decode(k.out().trim())).hasSameSizeAs(Base64.getDecoder().decode(raw.out()));
    }));
  }

  static String wrap(Scope scope, String value) {
    String ann = scope == Scope.STRICT ? "" : "  annotations:\n    " + (scope == Scope.CLUSTER_WIDE
        ? Scope.CLUSTER_WIDE_ANNOTATION : Scope.NAMESPACE_WIDE_ANNOTATION) + ": \"true\"\n";
    return "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\n  namespace: todo\n" + ann
        + "spec:\n  encryptedData:\n    password: " + value + "\n";
  }

  @TestFactory
  Stream<DynamicTest> mergeIntoBothWays() {
    return Stream.of(Scope.values()).map(scope -> dynamicTest(scope.flag(), () -> {
      String update = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: todo\n  labels:\n    rotated: \"yes\"\n"
          + "stringData:\n  password: NEW-PLAINTEXT\n  token: TOKEN-PLAINTEXT\n";
      // ours into a kubeseal file
      Path file = dir.resolve("merge-" + scope.flag() + ".yaml");
      Peers.Run k = Peers.run(dir, secret(scope).getBytes(StandardCharsets.UTF_8), "--cert", cert.toString(), "-o", "yaml");
      Files.writeString(file, k.out());
      CliRunner.Result m = CliRunner.runWithStdin(update, "seal", "--cert", cert.toString(), "--merge-into", file.toString());
      assertThat(m.exitCode()).as(m.err()).isZero();
      assertThat(m.out() + m.err()).doesNotContain("PLAINTEXT");
      Peers.Run r = Peers.run(dir, Files.readAllBytes(file), "--recovery-unseal", "--recovery-private-key", key.toString(), "-o", "json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode s = new ObjectMapper().readTree(r.out());
      assertThat(unb64(s.path("data").path("password"))).isEqualTo("NEW-PLAINTEXT");
      assertThat(unb64(s.path("data").path("token"))).isEqualTo("TOKEN-PLAINTEXT");
      assertThat(unb64(s.path("data").path("config"))).isEqualTo(CONFIG);
      assertThat(s.path("metadata").path("labels").path("rotated").asText()).isEqualTo("yes");
      // kubeseal into our file
      Path ours = dir.resolve("merge-ours-" + scope.flag() + ".yaml");
      CliRunner.Result o = CliRunner.runWithStdin(secret(scope), "seal", "--cert", cert.toString(), "-w", ours.toString());
      assertThat(o.exitCode()).as(o.err()).isZero();
      // without labels: kubeseal 0.36.6 panics (nil map) merging labels into a SealedSecret without any
      String plain = update.replace("  labels:\n    rotated: \"yes\"\n", "");
      String scoped = scope == Scope.STRICT ? plain : plain.replace("stringData:", "  annotations:\n    "
          + (scope == Scope.CLUSTER_WIDE ? Scope.CLUSTER_WIDE_ANNOTATION : Scope.NAMESPACE_WIDE_ANNOTATION) + ": \"true\"\nstringData:");
      Peers.Run km = Peers.run(dir, scoped.getBytes(StandardCharsets.UTF_8), "--cert", cert.toString(), "--merge-into", ours.toString(), "-o", "yaml");
      assertThat(km.exitCode()).as(km.err()).isZero();
      CliRunner.Result un = CliRunner.run("unseal", "--private-key", key.toString(), "-f", ours.toString(), "-o", "json");
      assertThat(un.exitCode()).as(un.err()).isZero();
      JsonNode u = new ObjectMapper().readTree(un.out());
      assertThat(unb64(u.path("data").path("password"))).isEqualTo("NEW-PLAINTEXT");
      assertThat(unb64(u.path("data").path("config"))).isEqualTo(CONFIG);
    }));
  }

  /** Byte-identical output apart from the (random) ciphertexts, for every fixture and both formats. */
  @TestFactory
  Stream<DynamicTest> sameBytesAsKubeseal() throws IOException {
    List<Path> inputs;
    try (Stream<Path> s = Files.list(FORMAT_DIR)) {
      inputs = s.sorted().toList();
    }
    assertThat(inputs).isNotEmpty();
    return inputs.stream().flatMap(in -> Stream.of("yaml", "json").map(fmt -> dynamicTest(in.getFileName() + " -o " + fmt, () -> {
      byte[] input = Files.readAllBytes(in);
      Peers.Run k = Peers.run(dir, input, "--cert", cert.toString(), "-o", fmt);
      assertThat(k.exitCode()).as(k.err()).isZero();
      CliRunner.Result o = CliRunner.run("seal", "--cert", cert.toString(), "-f", in.toAbsolutePath().toString(), "-o", fmt);
      assertThat(o.exitCode()).as(o.err()).isZero();
      assertThat(masked(o.out())).isEqualTo(masked(k.out()));
    })));
  }

  static String masked(String s) {
    return s.replaceAll("[A-Za-z0-9+/]{200,}=*", "<sealed>");
  }

  @Test
  void controllerKeySecretBackupUnseals() throws Exception {
    Path backup = Files.writeString(dir.resolve("main.key.yaml"), keys.keySecretYaml());
    Peers.Run k = Peers.run(dir, secret(Scope.STRICT).getBytes(StandardCharsets.UTF_8), "--cert", cert.toString(), "-o", "yaml");
    CliRunner.Result un = CliRunner.runWithStdin(k.out(), "unseal", "--private-key", backup.toString());
    assertThat(un.exitCode()).as(un.err()).isZero();
    assertThat(un.out()).isEqualTo("SealedSecret/todo/db: config: OK\nSealedSecret/todo/db: password: OK\n");
    assertThat(Map.of()).isEmpty();
  }
}
