package dev.bulwark.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PlainDecimal}, run by Hibernate Validator. */
class PlainDecimalTest {

  private static final Validator validator = HibernateValidation.VALIDATOR;

  record Order(@PlainDecimal(min = "0.01", max = "10000", maxScale = 2) String amount) {}

  record Custom(@PlainDecimal(min = "-5", max = "5", message = "pick -5 to 5") String level) {}

  record BadBound(@PlainDecimal(min = "zero", max = "10") String value) {}

  record Reversed(@PlainDecimal(min = "10", max = "1") String value) {}

  record BadScale(@PlainDecimal(min = "0", max = "1", maxScale = 101) String value) {}

  private static List<String> messages(Object bean) {
    return validator.validate(bean).stream().map(ConstraintViolation::getMessage).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.01", "12", "12.5", "12.50", "10000", "10000.00", "0009.99"})
  void plainDecimal_inRange_passes(String amount) {
    assertThat(messages(new Order(amount))).isEmpty();
  }

  @Test
  void plainDecimal_null_isValid() {
    assertThat(messages(new Order(null))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1e3", "1E+2", "+5", " 5", "5 ", ".5", "5.", "1,5", "0x10",
      "١٢", "NaN", "--1", "1.2.3"})
  void plainDecimal_notPlainDecimal_failsWithSyntaxMessage(String amount) {
    assertThat(messages(new Order(amount))).containsExactly(
        "must be a plain decimal number such as -12.50 (digits, an optional minus and point,"
            + " no exponent)");
  }

  @Test
  void plainDecimal_tooManyDecimals_saysHowMany() {
    assertThat(messages(new Order("1.005"))).containsExactly(
        "must have at most 2 digits after the point");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.00", "-1", "10000.01", "99999"})
  void plainDecimal_outOfRange_namesTheRange(String amount) {
    assertThat(messages(new Order(amount))).containsExactly("must be between 0.01 and 10000");
  }

  @Test
  void plainDecimal_hugeExponentOrLongValue_isRefusedWithoutParsing() {
    assertThat(messages(new Order("1e999999999"))).hasSize(1);
    assertThat(messages(new Order("1".repeat(100_000)))).containsExactly(
        "must be at most 17 characters");
  }

  @Test
  void plainDecimal_customMessage_isKept() {
    assertThat(messages(new Custom("6"))).containsExactly("pick -5 to 5");
    assertThat(messages(new Custom("0.5"))).containsExactly("pick -5 to 5");
    assertThat(messages(new Custom("-5"))).isEmpty();
  }

  @Test
  void plainDecimal_boundNotANumber_failsNamingTheSetting() {
    assertThatThrownBy(() -> validator.validate(new BadBound("1")))
        .isInstanceOf(ValidationException.class)
        .hasStackTraceContaining("@PlainDecimal(min = \"zero\")");
  }

  @Test
  void plainDecimal_maxBelowMin_failsNamingTheFix() {
    assertThatThrownBy(() -> validator.validate(new Reversed("1")))
        .isInstanceOf(ValidationException.class)
        .hasStackTraceContaining("need min <= max");
  }

  @Test
  void plainDecimal_scaleOutOfRange_fails() {
    assertThatThrownBy(() -> validator.validate(new BadScale("1")))
        .isInstanceOf(ValidationException.class)
        .hasStackTraceContaining("maxScale=101");
  }
}
