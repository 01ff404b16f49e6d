package io.todo.validator.admission.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cache's AST format against the protobuf {@code CheckedExpr} it replaced: every expression of
 * the CEL corpora that type-checks, written and read back, is what the protobuf round trip made of
 * it (so a cached expression evaluates as before), and a damaged entry is an {@link IOException}.
 */
class CelAstFormatTest {

  private static CelAbstractSyntaxTree viaFormat(CelAbstractSyntaxTree ast) throws IOException {
    return CelAstFormat.read(new DataInputStream(new ByteArrayInputStream(CelAstFormat.write(ast))));
  }

  private static CelAbstractSyntaxTree viaProto(CelAbstractSyntaxTree ast) {
    return CelProtoAbstractSyntaxTree.fromCheckedExpr(CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr()).getAst();
  }

  private static List<CelAbstractSyntaxTree> checkedCorpus() throws Exception {
    List<CelAbstractSyntaxTree> out = new ArrayList<>();
    for (String e : CelPeerDiffTest.corpus()) {
      CelValidationResult r = CelEnvironment.get().check(e);
      if (!r.hasError()) {
        out.add(r.getAst());
      }
    }
    return out;
  }

  @Test
  void everyCheckedExpressionOfTheCorporaReadsBackAsTheProtobufRoundTripDid() throws Exception {
    List<CelAbstractSyntaxTree> asts = checkedCorpus();
    assertThat(asts).hasSizeGreaterThan(500);
    List<String> problems = new ArrayList<>();
    for (CelAbstractSyntaxTree ast : asts) {
      CelAbstractSyntaxTree ours = viaFormat(ast);
      CelAbstractSyntaxTree proto = viaProto(ast);
      String what = ast.getExpr().toString();
      if (!ours.getExpr().equals(proto.getExpr())) {
        problems.add("expression: " + what);
      } else if (!ours.getReferenceMap().equals(proto.getReferenceMap())) {
        problems.add("references: " + what);
      } else if (!ours.getTypeMap().equals(proto.getTypeMap())) {
        problems.add("types: " + what + "\n" + ours.getTypeMap() + "\n" + proto.getTypeMap());
      } else if (!ours.getSource().getPositionsMap().equals(proto.getSource().getPositionsMap())
          || !ours.getSource().getLineOffsets().equals(proto.getSource().getLineOffsets())
          || !ours.getSource().getMacroCalls().equals(proto.getSource().getMacroCalls())
          || !ours.getSource().getDescription().equals(proto.getSource().getDescription())) {
        problems.add("source: " + what);
      } else if (!CelProtoAbstractSyntaxTree.fromCelAst(ours).toCheckedExpr()
          .equals(CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr())) {
        problems.add("CheckedExpr: " + what);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aDamagedEntryIsAnIoExceptionNeverAnotherFailure() throws Exception {
    CelAbstractSyntaxTree ast = CelEnvironment.get()
        .check("object.spec.containers.all(c, c.?image.orValue('').startsWith('ghcr.io/') && size(c.name) < 64)").getAst();
    byte[] good = CelAstFormat.write(ast);
    Random random = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      byte[] bad = good.clone();
      if (i % 2 == 0) {
        bad = java.util.Arrays.copyOf(bad, random.nextInt(bad.length));
      } else {
        for (int k = random.nextInt(4); k >= 0; k--) {
          bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      byte[] input = bad;
      Throwable t = catchThrowable(() -> CelAstFormat.read(new DataInputStream(new ByteArrayInputStream(input))));
      assertThat(t == null || t instanceof IOException).as("damage %d: %s", i, t).isTrue();
    }
  }

  @Test
  void theDeepestExpressionTheParserAcceptsReadsBack() throws Exception {
    // nested macros: about two AST levels per parser level, the deepest ASTs cel-java makes
    int n = 248;
    String src = "[1].all(x0, " + "[1].all(x, ".repeat(n) + "true" + ")".repeat(n) + ")";
    CelValidationResult r = CelEnvironment.get().check(src);
    assertThat(r.hasError()).as(r.getErrorString()).isFalse();
    assertThat(viaFormat(r.getAst()).getExpr()).isEqualTo(viaProto(r.getAst()).getExpr());
    assertThat(CelEnvironment.get().check("[1].all(x0, " + "[1].all(x, ".repeat(n + 1) + "true" + ")".repeat(n + 1) + ")")
        .hasError()).as("one more level is refused by the parser").isTrue();
  }

  @Test
  void aStringLiteralLongerThanWriteUtfAllowsReadsBack() throws Exception {
    String literal = "\u00e9".repeat(40_000) + "\ud83d\ude00"; // 80 KB as modified UTF-8, a surrogate pair
    CelValidationResult r = CelEnvironment.get().check("'" + literal + "' != ''");
    assertThat(r.hasError()).as(r.getErrorString()).isFalse();
    assertThat(viaFormat(r.getAst()).getExpr()).isEqualTo(r.getAst().getExpr());
  }

  @Test
  void aForgedEntryNestedTooDeepIsAnIoExceptionNotAStackOverflow() {
    dev.cel.common.ast.CelExpr e = dev.cel.common.ast.CelExpr.ofIdent(1, "object");
    for (int i = 2; i < 3_000; i++) {
      e = dev.cel.common.ast.CelExpr.ofSelect(i, e, "f", false);
    }
    CelAbstractSyntaxTree deep = CelAbstractSyntaxTree.newCheckedAst(e, dev.cel.common.CelSource.newBuilder().build(),
        java.util.Map.of(), java.util.Map.of(1L, dev.cel.common.types.SimpleType.DYN));
    byte[] bytes = CelAstFormat.write(deep);
    assertThat(catchThrowable(() -> CelAstFormat.read(new DataInputStream(new ByteArrayInputStream(bytes)))))
        .isInstanceOf(IOException.class).hasMessageContaining("nested deeper");
  }

  @Test
  void whatTheFormatCannotHoldIsRefusedNotMisread() {
    CelAbstractSyntaxTree parsedOnly = CelAbstractSyntaxTree.newParsedAst(
        dev.cel.common.ast.CelExpr.ofIdent(1, "object"), dev.cel.common.CelSource.newBuilder().build());
    assertThat(catchThrowable(() -> CelAstFormat.write(parsedOnly))).isInstanceOf(CelAstFormat.Unsupported.class);
  }
}
