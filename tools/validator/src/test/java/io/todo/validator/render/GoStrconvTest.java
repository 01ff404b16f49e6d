package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expected values are what Go 1.26 prints (fmt %q, strconv.Atoi). */
class GoStrconvTest {
  @Test
  void quoteEscapesAsGoDoes() {
    assertThat(io.todo.validator.model.GoText.quote("a\\1")).isEqualTo("\"a\\\\1\"");
    assertThat(io.todo.validator.model.GoText.quote("q\"uote")).isEqualTo("\"q\\\"uote\"");
    assertThat(io.todo.validator.model.GoText.quote("tab\there\n")).isEqualTo("\"tab\\there\\n\"");
    assertThat(io.todo.validator.model.GoText.quote("bell\u0007\u000b")).isEqualTo("\"bell\\a\\v\"");
    assertThat(io.todo.validator.model.GoText.quote("del\u007f ctl\u0001")).isEqualTo("\"del\\x7f ctl\\x01\"");
    assertThat(io.todo.validator.model.GoText.quote("nbsp\u00a0 zw\u200b ls\u2028")).isEqualTo("\"nbsp\\u00a0 zw\\u200b ls\\u2028\"");
    assertThat(io.todo.validator.model.GoText.quote("é日本 😀")).isEqualTo("\"é日本 😀\"");
  }

  @Test
  void atoiAcceptsASignAndDecimalDigits() {
    assertThat(GoStrconv.atoi("+1")).isEqualTo(1);
    assertThat(GoStrconv.atoi("-0")).isZero();
    assertThat(GoStrconv.atoi("007")).isEqualTo(7);
    assertThat(GoStrconv.atoi("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(GoStrconv.atoi("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void atoiFailsWithGosNumError() {
    for (String bad : new String[] {"", "+", "-", "1_0", " 1", "١", "x"}) {
      assertThatThrownBy(() -> GoStrconv.atoi(bad)).isInstanceOf(RenderException.class)
          .hasMessage("strconv.Atoi: parsing " + io.todo.validator.model.GoText.quote(bad) + ": invalid syntax");
    }
    for (String big : new String[] {"9223372036854775808", "-9223372036854775809", "99999999999999999999x"}) {
      assertThatThrownBy(() -> GoStrconv.atoi(big)).isInstanceOf(RenderException.class)
          .hasMessage("strconv.Atoi: parsing \"" + big + "\": value out of range");
    }
  }
}
