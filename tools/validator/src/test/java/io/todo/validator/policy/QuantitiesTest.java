package io.todo.validator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {
  @ParameterizedTest
  @CsvSource({
    "500m, 0.5",
    "1Gi, 1073741824",
    "1e3, 1000",
    "1E3, 1000",
    "2.5k, 2500",
    "1E, 1000000000000000000",
    // regression: "Ei" was read as an exponent, and "9Ei" crashed the policy stage (NumberFormatException)
    "9Ei, 10376293541461622784",
    "1Ei, 1152921504606846976",
  })
  void parses(String text, String value) {
    assertThat(Quantities.parse(text)).isEqualByComparingTo(new BigDecimal(value));
  }

  @ParameterizedTest
  @CsvSource({"1e99999999999", "1e-99999999999", "1e31", "lots", "1GB", "1Ei3", "''"})
  void refusesWithoutThrowing(String text) {
    assertThat(Quantities.parse(text)).isNull();
  }
}
