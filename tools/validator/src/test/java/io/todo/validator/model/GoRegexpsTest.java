package io.todo.validator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * Go's regexp syntax where re2j differs. The same function is checked against Go itself through
 * CEL's matches() (CelPeerDiffTest, admission-cel-peer/hunt2-strings.txt) and kustomize's target
 * selectors (render case patch-target-regex-literal-brace).
 */
class GoRegexpsTest {

  @Test
  void aBraceThatStartsNoRepetitionIsALiteralThatMayBeRepeated() {
    assertThat(GoRegexps.compile("^w{*eb$").matcher("w{{eb").matches()).isTrue();
    assertThat(GoRegexps.compile("^w{*eb$").matcher("web").matches()).isTrue();
    assertThat(GoRegexps.compile("^{{1,}$").matcher("{{").matches()).isTrue();
    assertThat(GoRegexps.compile("^a{,2}$").matcher("a{,2}").matches()).isTrue();
    assertThat(GoRegexps.compile("^a{01}$").matcher("a{01}").matches()).as("a leading zero starts no repetition").isTrue();
  }

  @Test
  void repetitionsClassesAndEscapesKeepTheirMeaning() {
    assertThat(GoRegexps.compile("^a{2}$").matcher("aa").matches()).isTrue();
    assertThat(GoRegexps.compile("^a{2}$").matcher("a{2}").matches()).isFalse();
    assertThat(GoRegexps.compile("^a{1,3}$").matcher("aaa").matches()).isTrue();
    assertThat(GoRegexps.compile("^[{]x$").matcher("{x").matches()).isTrue();
    assertThat(GoRegexps.compile("^\\{$").matcher("{").matches()).isTrue();
    assertThat(GoRegexps.compile("^\\p{L}+$").matcher("\u00e9t\u00e9").matches()).isTrue();
    assertThat(GoRegexps.compile("^\\Q{*\\E$").matcher("{*").matches()).isTrue();
  }

  @Test
  void syntaxErrorsAreWordedAsGoWordsThem() {
    GoRegexps.SyntaxError e = catchThrowableOfType(() -> GoRegexps.compile("a)"), GoRegexps.SyntaxError.class);
    assertThat(e.getMessage()).isEqualTo("error parsing regexp: unexpected ): `a)`");
    assertThat(e.description()).isEqualTo("unexpected )");
    e = catchThrowableOfType(() -> GoRegexps.compile("a**"), GoRegexps.SyntaxError.class);
    assertThat(e.getMessage()).isEqualTo("error parsing regexp: invalid nested repetition operator: `**`");
    e = catchThrowableOfType(() -> GoRegexps.compile("(?=a)"), GoRegexps.SyntaxError.class);
    assertThat(e.getMessage()).startsWith("error parsing regexp: invalid or unsupported Perl syntax");
  }
}
