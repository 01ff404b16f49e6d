package io.todo.validator.seal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.todo.validator.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seal and unseal commands: behaviour and every error path, never printing a secret. */
class SealCommandTest {
  static final String PLAIN = "S3CRET-PLAINTEXT-VALUE";
  static final String PLAIN_B64 = Base64.getEncoder().encodeToString(PLAIN.getBytes(StandardCharsets.UTF_8));
  static final String SECRET =
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: todo\ntype: Opaque\ndata:\n  password: " + PLAIN_B64 + "\n";
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir static Path dir;
  static TestKeys a;
  static TestKeys b;
  static Path certA;
  static Path keyA;
  static Path keyB;

  @BeforeAll
  static void keys() throws IOException {
    a = TestKeys.generate(2048);
    b = TestKeys.generate(2048);
    certA = a.writeCert(dir, "a.crt");
    keyA = a.writeKey(dir, "a.key");
    keyB = b.writeKey(dir, "b.key");
  }

  static void assertNoSecret(CliRunner.Result r) {
    assertThat(r.out() + r.err()).doesNotContain(PLAIN).doesNotContain(PLAIN_B64);
  }

  static String seal(String secret, String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "seal";
    args[1] = "--cert";
    args[2] = certA.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    CliRunner.Result r = CliRunner.runWithStdin(secret, args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertNoSecret(r);
    return r.out();
  }

  @Test
  void sealsAndUnsealsPrintingOnlyStatusUnlessAsked() {
    String sealed = seal(SECRET);
    CliRunner.Result status = CliRunner.runWithStdin(sealed, "unseal", "--private-key", keyA.toString());
    assertThat(status.exitCode()).isZero();
    assertThat(status.out()).isEqualTo("SealedSecret/todo/db: password: OK\n");
    assertNoSecret(status);
    CliRunner.Result yaml = CliRunner.runWithStdin(sealed, "unseal", "--private-key", keyA.toString(), "-o", "yaml");
    assertThat(yaml.out()).isEqualTo(
        "---\napiVersion: v1\ndata:\n  password: " + PLAIN_B64 + "\nkind: Secret\nmetadata:\n  name: db\n  namespace: todo\ntype: Opaque\n");
    assertThat(yaml.err()).contains("password: OK").doesNotContain(PLAIN_B64);
  }

  /** Regression: seal and unseal read and wrote relative to the JVM's directory, not to -C DIR. */
  @Test
  void relativeFilesAreRelativeToTheDirectoryOption(@TempDir Path repo) throws IOException {
    Files.copy(certA, repo.resolve("cert.pem"));
    Files.copy(keyA, repo.resolve("key.pem"));
    Files.writeString(repo.resolve("secret.yaml"), SECRET);
    CliRunner.Result sealed = CliRunner.run("-C", repo.toString(), "seal", "--cert", "cert.pem", "-f", "secret.yaml",
        "-w", "sealed.yaml");
    assertThat(sealed.exitCode()).as(sealed.err()).isZero();
    assertThat(repo.resolve("sealed.yaml")).exists();
    CliRunner.Result status = CliRunner.run("-C", repo.toString(), "unseal", "--private-key", "key.pem", "-f",
        "sealed.yaml");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).isEqualTo("SealedSecret/todo/db: password: OK\n");
    assertNoSecret(sealed);
    assertNoSecret(status);
  }

  @Test
  void wrongCertificateFailsWithoutPrintingTheSecret() {
    String sealed = seal(SECRET);
    CliRunner.Result r = CliRunner.runWithStdin(sealed, "unseal", "--private-key", keyB.toString(), "-o", "yaml");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("password: FAIL: no private key decrypts").contains("nothing written");
    assertThat(r.out()).isEmpty();
    assertNoSecret(r);
  }

  @Test
  void severalKeysAsAfterRotation() throws IOException {
    Path pkcs1 = Files.writeString(dir.resolve("a-pkcs1.key"), a.pkcs1PrivateKeyPem());
    CliRunner.Result r = CliRunner.runWithStdin(seal(SECRET), "unseal", "--private-key", keyB.toString(), "--private-key", pkcs1.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("password: OK");
  }

  @Test
  void wrongScopeRenamedOrMovedDoesNotDecrypt() {
    String strict = seal(SECRET);
    CliRunner.Result renamed = CliRunner.runWithStdin(strict.replace("  name: db\n  namespace: todo\nspec", "  name: prod-db\n  namespace: todo\nspec"),
        "unseal", "--private-key", keyA.toString());
    assertThat(renamed.exitCode()).isEqualTo(1);
    assertThat(renamed.out()).contains("SealedSecret/todo/prod-db: password: FAIL");
    String nsWide = seal(SECRET, "--scope", "namespace-wide");
    assertThat(nsWide).contains("sealedsecrets.bitnami.com/namespace-wide: \"true\"");
    CliRunner.Result renamedOk = CliRunner.runWithStdin(nsWide.replace("  name: db\n  namespace: todo\nspec", "  name: other\n  namespace: todo\nspec"),
        "unseal", "--private-key", keyA.toString());
    assertThat(renamedOk.exitCode()).isZero();
    CliRunner.Result moved = CliRunner.runWithStdin(nsWide.replace("  name: db\n  namespace: todo\nspec", "  name: db\n  namespace: elsewhere\nspec"),
        "unseal", "--private-key", keyA.toString());
    assertThat(moved.exitCode()).isEqualTo(1);
    // a strict value under a cluster-wide annotation: the label differs
    CliRunner.Result rescoped = CliRunner.runWithStdin(strict.replace("metadata:\n  name: db", "metadata:\n  annotations:\n    sealedsecrets.bitnami.com/cluster-wide: \"true\"\n  name: db"),
        "unseal", "--private-key", keyA.toString());
    assertThat(rescoped.exitCode()).isEqualTo(1);
    assertNoSecret(rescoped);
  }

  @Test
  void tamperedAndTruncatedCiphertexts() throws IOException {
    String sealed = seal(SECRET, "-o", "json");
    JsonNode n = new ObjectMapper().readTree(sealed);
    String value = n.path("spec").path("encryptedData").path("password").asText();
    byte[] bytes = Base64.getDecoder().decode(value);
    bytes[bytes.length - 20] ^= 1; // inside the AES-GCM part
    String tampered = sealed.replace(value, Base64.getEncoder().encodeToString(bytes));
    CliRunner.Result t = CliRunner.runWithStdin(tampered, "unseal", "--private-key", keyA.toString());
    assertThat(t.exitCode()).isEqualTo(1);
    assertThat(t.out()).contains("FAIL: AES-GCM authentication failed: the ciphertext was modified");
    byte[] rsaFlip = Base64.getDecoder().decode(value);
    rsaFlip[10] ^= 1; // inside the RSA part
    CliRunner.Result t2 = CliRunner.runWithStdin(sealed.replace(value, Base64.getEncoder().encodeToString(rsaFlip)), "unseal", "--private-key", keyA.toString());
    assertThat(t2.out()).contains("FAIL: no private key decrypts");
    byte[] cut = java.util.Arrays.copyOf(Base64.getDecoder().decode(value), 100);
    CliRunner.Result tr = CliRunner.runWithStdin(sealed.replace(value, Base64.getEncoder().encodeToString(cut)), "unseal", "--private-key", keyA.toString());
    assertThat(tr.out()).contains("FAIL: sealed value is truncated: header announces 256 bytes of RSA ciphertext, 98 bytes follow");
    CliRunner.Result one = CliRunner.runWithStdin(sealed.replace(value, "AQ=="), "unseal", "--private-key", keyA.toString());
    assertThat(one.out()).contains("FAIL: sealed value is too short (1 bytes)");
    CliRunner.Result notB64 = CliRunner.runWithStdin(sealed.replace(value, value.substring(0, 41)), "unseal", "--private-key", keyA.toString());
    assertThat(notB64.out()).contains("FAIL: value is not valid base64");
    for (CliRunner.Result r : new CliRunner.Result[] {t, t2, tr, one, notB64}) {
      assertThat(r.exitCode()).isEqualTo(1);
      assertNoSecret(r);
    }
  }

  @Test
  void truncatedOrBrokenInputIsAnInputError() {
    CliRunner.Result yaml = CliRunner.runWithStdin(SECRET.substring(0, SECRET.length() - 10) + "\n  x: [", "seal", "--cert", certA.toString());
    assertThat(yaml.exitCode()).isEqualTo(2);
    assertThat(yaml.err()).startsWith("<stdin>:");
    assertNoSecret(yaml);
    CliRunner.Result badB64 = CliRunner.runWithStdin(SECRET.replace(PLAIN_B64, PLAIN + "!"), "seal", "--cert", certA.toString());
    assertThat(badB64.exitCode()).isEqualTo(2);
    assertThat(badB64.err()).isEqualTo("<stdin>:8:3: error: data.password is not valid base64 (use stringData for plain text)\n");
    assertNoSecret(badB64);
    CliRunner.Result number = CliRunner.runWithStdin("apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n  namespace: b\nstringData:\n  port: 5432\n",
        "seal", "--cert", certA.toString());
    assertThat(number.err()).isEqualTo("<stdin>:7:3: error: stringData.port must be a string (quote it)\n");
    assertThat(number.err()).doesNotContain("5432");
    CliRunner.Result yes = CliRunner.runWithStdin("apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n  namespace: b\nstringData:\n  enabled: yes\n",
        "seal", "--cert", certA.toString());
    assertThat(yes.err()).isEqualTo("<stdin>:7:3: error: stringData.enabled must be a string (quote it)\n");
    CliRunner.Result typo = CliRunner.runWithStdin(SECRET.replace("\ndata:", "\ndat:"), "seal", "--cert", certA.toString());
    assertThat(typo.err()).contains("unknown Secret field \"dat\"");
    assertNoSecret(typo);
    CliRunner.Result two = CliRunner.runWithStdin(SECRET + "---\n" + SECRET, "seal", "--cert", certA.toString());
    assertThat(two.err()).contains("expected one document, found 2");
    CliRunner.Result noNs = CliRunner.runWithStdin(SECRET.replace("  namespace: todo\n", ""), "seal", "--cert", certA.toString());
    assertThat(noNs.exitCode()).isEqualTo(2);
    assertThat(noNs.err()).contains("secret must declare a namespace for the strict scope");
    CliRunner.Result empty = CliRunner.runWithStdin("apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n  namespace: b\n", "seal", "--cert", certA.toString());
    assertThat(empty.err()).contains("secret.data is empty");
    CliRunner.Result notSecret = CliRunner.runWithStdin("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n", "seal", "--cert", certA.toString());
    assertThat(notSecret.err()).contains("expected a v1 Secret, found v1 ConfigMap");
  }

  @Test
  void certificateProblems() throws IOException {
    CliRunner.Result none = CliRunner.runWithStdin(SECRET, "seal");
    assertThat(none.exitCode()).isEqualTo(2);
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
    CliRunner.Result g = CliRunner.runWithStdin(SECRET, "seal", "--cert", garbage.toString());
    assertThat(g.err()).contains("no PEM certificate or public key found");
    TestKeys expired = TestKeys.generate(2048, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));
    Path exp = expired.writeCert(dir, "expired.crt");
    CliRunner.Result e = CliRunner.runWithStdin(SECRET, "seal", "--cert", exp.toString());
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.err()).contains("expired certificate (expired 2021-01-01T00:00:00Z)");
    assertThat(e.out()).isEmpty();
    TestKeys future = TestKeys.generate(2048, Instant.now().plusSeconds(86400), Instant.parse("2099-01-01T00:00:00Z"));
    CliRunner.Result f = CliRunner.runWithStdin(SECRET, "seal", "--cert", future.writeCert(dir, "future.crt").toString());
    assertThat(f.exitCode()).isZero();
    assertThat(f.err()).contains("warning: certificate is not valid before");
    Path pub = Files.writeString(dir.resolve("a.pub"), a.publicKeyPem());
    CliRunner.Result p = CliRunner.runWithStdin(SECRET, "seal", "--cert", pub.toString());
    assertThat(p.exitCode()).isZero();
    assertThat(CliRunner.runWithStdin(p.out(), "unseal", "--private-key", keyA.toString()).exitCode()).isZero();
  }

  @Test
  void overlayPicksCertificateAndNamespace() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repo.resolve("overlays/prod"));
    Files.writeString(repo.resolve("overlays/prod/kustomization.yaml"), "namespace: todo-prod\nresources: []\n");
    Files.writeString(repo.resolve("overlays/prod/sealed-secrets.pem"), a.certPem());
    Files.writeString(repo.resolve("validator.yaml"),
        "overlays:\n  - path: overlays/prod\n    environment: prod\n    sealingCert: overlays/prod/sealed-secrets.pem\n");
    CliRunner.Result r = CliRunner.runWithStdin(SECRET.replace("  namespace: todo\n", ""),
        "seal", "--overlay", "prod", "--config", repo.resolve("validator.yaml").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("  namespace: todo-prod\n");
    assertThat(CliRunner.runWithStdin(r.out(), "unseal", "--private-key", keyA.toString()).out()).contains("SealedSecret/todo-prod/db: password: OK");
    CliRunner.Result unknown = CliRunner.runWithStdin(SECRET, "seal", "--overlay", "staging", "--config", repo.resolve("validator.yaml").toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no overlay \"staging\"").contains("[prod]");
  }

  @Test
  void outputFileIsWrittenWholeOrNotAtAll() throws IOException {
    Path out = dir.resolve("out.yaml");
    Files.writeString(out, "previous\n");
    CliRunner.Result bad = CliRunner.runWithStdin(SECRET.replace(PLAIN_B64, "%%%"), "seal", "--cert", certA.toString(), "-w", out.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(Files.readString(out)).isEqualTo("previous\n");
    CliRunner.Result ok = CliRunner.runWithStdin(SECRET, "seal", "--cert", certA.toString(), "-w", out.toString());
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).isEmpty();
    assertThat(Files.readString(out)).startsWith("---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\n");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void mergeIntoKeepsOtherKeysAndRefusesAnotherScope() throws IOException {
    Path file = dir.resolve("merge.yaml");
    Files.writeString(file, seal(SECRET));
    String before = YAML.readTree(file.toFile()).path("spec").path("encryptedData").path("password").asText();
    CliRunner.Result m = CliRunner.runWithStdin("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ignored\nstringData:\n  token: TOKEN-PLAINTEXT\n",
        "seal", "--cert", certA.toString(), "--merge-into", file.toString());
    assertThat(m.exitCode()).as(m.err()).isZero();
    assertThat(m.err()).contains("merged keys [token]").doesNotContain("TOKEN-PLAINTEXT");
    JsonNode merged = YAML.readTree(file.toFile());
    assertThat(merged.path("spec").path("encryptedData").path("password").asText()).isEqualTo(before);
    assertThat(merged.path("metadata").path("name").asText()).isEqualTo("db");
    CliRunner.Result un = CliRunner.run("unseal", "--private-key", keyA.toString(), "-f", file.toString());
    assertThat(un.out()).isEqualTo("SealedSecret/todo/db: password: OK\nSealedSecret/todo/db: token: OK\n");
    CliRunner.Result other = CliRunner.runWithStdin(SECRET, "seal", "--cert", certA.toString(), "--merge-into", file.toString(), "--scope", "cluster-wide");
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("--scope cluster-wide differs from the scope");
    // JSON files stay JSON
    Path json = dir.resolve("merge.json");
    Files.writeString(json, seal(SECRET, "-o", "json"));
    CliRunner.Result mj = CliRunner.runWithStdin(SECRET, "seal", "--cert", certA.toString(), "--merge-into", json.toString());
    assertThat(mj.exitCode()).isZero();
    assertThat(Files.readString(json)).startsWith("{\n  \"kind\": \"SealedSecret\",");
  }

  @Test
  void rawNeedsNameAndNamespacePerScope() throws IOException {
    CliRunner.Result noName = CliRunner.runWithStdin(PLAIN, "seal", "--raw", "--cert", certA.toString(), "--namespace", "todo");
    assertThat(noName.exitCode()).isEqualTo(2);
    assertThat(noName.err()).contains("must provide the --name flag with --raw and --scope strict");
    CliRunner.Result noNs = CliRunner.runWithStdin(PLAIN, "seal", "--raw", "--cert", certA.toString(), "--scope", "namespace-wide");
    assertThat(noNs.err()).contains("--namespace");
    Path value = Files.writeString(dir.resolve("value.txt"), PLAIN);
    CliRunner.Result ok = CliRunner.run("seal", "--raw", "--cert", certA.toString(), "--scope", "cluster-wide", "--from-file", "password=" + value);
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertNoSecret(ok);
    String wrapped = KubesealInteropTest.wrap(Scope.CLUSTER_WIDE, ok.out());
    assertThat(CliRunner.runWithStdin(wrapped, "unseal", "--private-key", keyA.toString()).out()).contains("password: OK");
  }

  @Test
  void unsealRejectsNonSealedSecretsAndBadKeys() throws IOException {
    CliRunner.Result notSealed = CliRunner.runWithStdin(SECRET, "unseal", "--private-key", keyA.toString());
    assertThat(notSealed.exitCode()).isEqualTo(2);
    assertThat(notSealed.err()).contains("expected a bitnami.com SealedSecret");
    assertNoSecret(notSealed);
    CliRunner.Result certAsKey = CliRunner.runWithStdin(seal(SECRET), "unseal", "--private-key", certA.toString());
    assertThat(certAsKey.exitCode()).isEqualTo(2);
    assertThat(certAsKey.err()).contains("no RSA private key found");
    Path backup = Files.writeString(dir.resolve("keys.yaml"), "apiVersion: v1\nkind: List\nitems:\n"
        + "- " + b.keySecretYaml().replace("\n", "\n  ").trim() + "\n- " + a.keySecretYaml().replace("\n", "\n  ").trim() + "\n");
    CliRunner.Result list = CliRunner.runWithStdin(seal(SECRET), "unseal", "--private-key", backup.toString());
    assertThat(list.exitCode()).as(list.err()).isZero();
  }
}
