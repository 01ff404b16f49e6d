package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The patterns of a kustomization are Go regular expressions. Each expected message is what Go's
 * regexp.Compile (go1.26) prints for the same pattern; RE2/J must accept and reject exactly what
 * Go does, including what Java's own engine would accept (lookaround, backreferences, \Z).
 */
class GoRegexpTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "^(?:Conf)gMap)$ | error parsing regexp: unexpected ): `^(?:Conf)gMap)$`",
      "(?=C)x          | error parsing regexp: invalid or unsupported Perl syntax: `(?=`",
      "(?<!a)b         | error parsing regexp: invalid named capture: `(?<!a)b`",
      "a(              | error parsing regexp: missing closing ): `a(`",
      "[a              | error parsing regexp: missing closing ]: `[a`",
      "a**             | error parsing regexp: invalid nested repetition operator: `**`",
      "a++             | error parsing regexp: invalid nested repetition operator: `++`",
      "x{1001}         | error parsing regexp: invalid repeat count: `{1001}`",
      "(a)\\1          | error parsing regexp: invalid escape sequence: `\\1`",
      "\\Z             | error parsing regexp: invalid escape sequence: `\\Z`",
      "[z-a]           | error parsing regexp: invalid character class range: `z-a`",
      "\\p{Foo}        | error parsing regexp: invalid character class range: `\\p{Foo}`",
  })
  void rejectsWhatGoRejectsWithGosMessage(String pattern, String message) {
    assertThatThrownBy(() -> GoRegexp.compile(pattern)).isInstanceOf(RenderException.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"(?P<n>a)", "(?<n>a)", "\\Q(\\E", "a{,3}", "(?i)a", "\\z"})
  void acceptsWhatGoAccepts(String pattern) {
    assertThat(GoRegexp.compile(pattern)).isNotNull();
  }

  @org.junit.jupiter.api.Test
  void anchorsTheWholeValueAndMatchesInLinearTime() {
    assertThat(GoRegexp.whole("Config|Secret").matcher("ConfigMap").find()).isFalse();
    assertThat(GoRegexp.whole("Config.*|Secret").matcher("ConfigMap").find()).isTrue();
    // exponential for a backtracking engine; RE2 answers at once
    assertThat(GoRegexp.whole("(a+)+b").matcher("a".repeat(10_000)).find()).isFalse();
  }
}
