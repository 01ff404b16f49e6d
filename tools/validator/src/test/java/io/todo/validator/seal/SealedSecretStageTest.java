package io.todo.validator.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.todo.validator.load.Manifests;
import io.todo.validator.model.Finding;
import io.todo.validator.model.Resource;
import io.todo.validator.pipeline.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SealedSecret stage over rendered manifests (the renderer is tested elsewhere): each case
 * under src/test/resources/seal/stage/NAME has rendered.yaml, where {{seal KEY SCOPE NS NAME}} is
 * sealed at test time, and expected.txt, one "SEVERITY RULE resource field location message-prefix"
 * line per finding.
 */
class SealedSecretStageTest {
  static final Path CASES = Path.of("src/test/resources/seal/stage");
  static final Pattern SEAL = Pattern.compile("\\{\\{seal (\\w) (\\S+) (\\S+) (\\S+)}}");

  @TempDir static Path repo;
  static Map<String, TestKeys> keys;
  static Path overlay;

  @BeforeAll
  static void setUp() throws IOException {
    keys = Map.of("a", TestKeys.generate(2048), "b", TestKeys.generate(1024), "c", TestKeys.generate(2048));
    overlay = Files.createDirectories(repo.resolve("overlays/prod"));
    Files.writeString(overlay.resolve("sealed-secrets.pem"), keys.get("a").certPem());
    Files.writeString(repo.resolve("validator.yaml"),
        "overlays:\n  - path: overlays/prod\n    environment: prod\n    sealingCert: overlays/prod/sealed-secrets.pem\n");
  }

  static List<Resource> render(Path file) throws IOException {
    String text = Files.readString(file);
    Matcher m = SEAL.matcher(text);
    StringBuilder sb = new StringBuilder();
    int n = 0;
    while (m.find()) {
      Scope scope = Scope.parse(m.group(2));
      String value = new Sealer().sealRaw(("PLAINTEXT-" + n++).getBytes(StandardCharsets.UTF_8),
          new Certificates.SealingKey((RSAPublicKey) keys.get(m.group(1)).pair.getPublic(), null, "k"), scope, m.group(3), m.group(4));
      m.appendReplacement(sb, value);
    }
    m.appendTail(sb);
    Path rendered = Files.writeString(repo.resolve("rendered.yaml"), sb.toString());
    return new Manifests().readFile(rendered, "rendered.yaml");
  }

  static List<String> lines(List<Finding> findings) {
    return findings.stream().sorted(Finding.ORDER)
        .map(f -> f.severity() + " " + f.ruleId() + " " + f.resource() + " " + f.field() + " " + f.location() + " " + f.message())
        .sorted().toList();
  }

  static SealedSecretStage withKeyA() {
    return new SealedSecretStage(List.of((RSAPrivateKey) keys.get("a").pair.getPrivate()), Clock.systemUTC());
  }

  static Target target() {
    return new Target(overlay, "overlays/prod", "prod", null);
  }

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(CASES)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(dirs).isNotEmpty();
    return dirs.stream().map(d -> dynamicTest(d.getFileName().toString(), () -> {
      List<Finding> findings = withKeyA().check(target(), render(d.resolve("rendered.yaml")));
      List<String> actual = lines(findings);
      List<String> expected = Files.readAllLines(d.resolve("expected.txt")).stream().filter(l -> !l.isBlank()).sorted().toList();
      assertThat(actual).as(String.join("\n", actual)).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i)).startsWith(expected.get(i));
      }
      assertThat(String.join("\n", actual)).doesNotContain("PLAINTEXT");
    }));
  }

  @Test
  void structuralScopeCheckNeedsNoPrivateKey() throws IOException {
    List<Finding> f = new SealedSecretStage().check(target(), render(CASES.resolve("prefix-renamed/rendered.yaml")));
    assertThat(lines(f)).singleElement().asString().startsWith("ERROR SEAL-003 SealedSecret/todo/prod-db");
    List<Finding> wrongKey = new SealedSecretStage().check(target(), render(CASES.resolve("wrong-key/rendered.yaml")));
    assertThat(wrongKey).isEmpty(); // indistinguishable without the private key
  }

  @Test
  void certificateOutsideItsValidityWarns() throws IOException {
    Clock later = Clock.fixed(Instant.now().plusSeconds(400L * 24 * 3600), ZoneOffset.UTC);
    List<Finding> f = new SealedSecretStage(List.of(), later).check(target(), render(CASES.resolve("ok/rendered.yaml")));
    assertThat(lines(f)).singleElement().asString().startsWith("WARNING SEAL-006 null null").contains("sealing certificate: certificate expired on");
    Clock earlier = Clock.fixed(Instant.now().minusSeconds(400L * 24 * 3600), ZoneOffset.UTC);
    assertThat(lines(new SealedSecretStage(List.of(), earlier).check(target(), List.of()))).singleElement().asString().contains("not valid before");
  }

  @Test
  void unreadableCertificateIsAnError() throws IOException {
    Path other = Files.createDirectories(repo.resolve("overlays/dev"));
    Files.writeString(repo.resolve("validator.yaml"),
        "overlays:\n  - path: overlays/prod\n    sealingCert: overlays/prod/sealed-secrets.pem\n  - path: overlays/dev\n    sealingCert: overlays/dev/missing.pem\n");
    try {
      Target dev = new Target(other, "overlays/dev", "dev", null);
      assertThat(new SealedSecretStage().check(dev, new ArrayList<>())).isEmpty(); // nothing sealed yet
      List<Finding> f = new SealedSecretStage().check(dev, render(CASES.resolve("ok/rendered.yaml")));
      assertThat(lines(f)).singleElement().asString().startsWith("ERROR SEAL-007").contains("missing.pem").contains("no such file");
    } finally {
      Files.writeString(repo.resolve("validator.yaml"),
          "overlays:\n  - path: overlays/prod\n    environment: prod\n    sealingCert: overlays/prod/sealed-secrets.pem\n");
    }
  }

  @Test
  void stdinAndUnconfiguredTargetsAreCheckedStructurally() throws IOException {
    List<Resource> rs = render(CASES.resolve("malformed/rendered.yaml"));
    assertThat(new SealedSecretStage().check(new Target(null, "<stdin>", null, null), rs)).hasSize(4);
  }

  @Test
  void validateRunsTheStageWithItsPrivateKeyOption() throws IOException {
    render(CASES.resolve("wrong-key/rendered.yaml"));
    Path key = keys.get("a").writeKey(repo, "a.key");
    io.todo.validator.cli.CliRunner.Result r = io.todo.validator.cli.CliRunner.run(
        "validate", "--private-key", key.toString(), repo.resolve("rendered.yaml").toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("[SEAL-005] SealedSecret/todo/db: spec.encryptedData.password: does not decrypt").doesNotContain("PLAINTEXT");
    io.todo.validator.cli.CliRunner.Result noKey = io.todo.validator.cli.CliRunner.run("validate", repo.resolve("rendered.yaml").toString());
    assertThat(noKey.out()).doesNotContain("SEAL-");
  }
}
