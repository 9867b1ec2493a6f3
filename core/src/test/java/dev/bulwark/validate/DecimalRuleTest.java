package dev.bulwark.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalRuleTest {

  private static final Rule PRICE =
      Rules.decimal(new BigDecimal("0"), new BigDecimal("99999.99"), 2);

  private static String code(Rule rule, String value) {
    return rule.check(value).map(Violation::code).orElse("ok");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.5", "12", "12.50", "99999.99", "00012.5"})
  void decimal_plainValueInRange_isAccepted(String value) {
    assertThat(code(PRICE, value)).isEqualTo("ok");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e3", "1E3", "1e999999999", "1e-999999999", "12.5e1"})
  void decimal_exponent_isRefusedBeforeParsing(String value) {
    assertThat(code(PRICE, value)).isEqualTo("not_decimal");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+1", " 1", "1 ", ".5", "5.", "1.2.3", "1,5", "--1", "1-",
      "0x10", "NaN", "Infinity", "\u0661\u0662", "\uff11", "1_000"})
  void decimal_malformed_isRefused(String value) {
    assertThat(code(PRICE, value)).isEqualTo("not_decimal");
  }

  @Test
  void decimal_tooManyFractionDigits_isRefused() {
    assertThat(code(PRICE, "1.005")).isEqualTo("too_many_decimals");
    assertThat(PRICE.check("1.005").orElseThrow().message()).contains("at most 2 digits");
    assertThat(code(Rules.decimal(BigDecimal.ZERO, BigDecimal.TEN, 0), "1.0"))
        .isEqualTo("too_many_decimals");
  }

  @Test
  void decimal_outOfRange_isRefusedWithBoundsInMessage() {
    assertThat(code(PRICE, "-0.01")).isEqualTo("out_of_range");
    assertThat(code(PRICE, "100000")).isEqualTo("out_of_range");
    assertThat(PRICE.check("100000").orElseThrow().message()).contains("0 and 99999.99");
  }

  @Test
  void decimal_negativeRange_acceptsMinus() {
    Rule offset = Rules.decimal(new BigDecimal("-12.5"), new BigDecimal("12.5"), 1);
    assertThat(code(offset, "-12.5")).isEqualTo("ok");
    assertThat(code(offset, "-12.6")).isEqualTo("out_of_range");
  }

  @Test
  void decimal_longerThanBoundsNeed_isRefusedBeforeParsing() {
    // 5 integer digits + 2 decimals + sign, point and 8 leading zeros at most: 17 characters
    assertThat(code(PRICE, "0".repeat(17))).isEqualTo("ok");
    assertThat(code(PRICE, "0".repeat(18))).isEqualTo("too_long");
    assertThat(code(PRICE, "1".repeat(1_000_000))).isEqualTo("too_long");
  }

  @Test
  void decimal_hugeExponentBound_isRefusedAtConfiguration() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rules.decimal(BigDecimal.ZERO, new BigDecimal("1E+999999999"), 2))
        .withMessageContaining("1000 integer digits");
  }

  @Test
  void decimal_badConfiguration_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rules.decimal(BigDecimal.TEN, BigDecimal.ONE, 2))
        .withMessageContaining("min <= max");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rules.decimal(BigDecimal.ZERO, BigDecimal.TEN, 101))
        .withMessageContaining("maxScale=101");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rules.decimal(BigDecimal.ZERO, BigDecimal.TEN, -1))
        .withMessageContaining("maxScale=-1");
  }

  /**
   * Property: on seeded random strings over digits, signs, points, exponents and junk, the rule
   * agrees with a reference built from a regular expression and {@link BigDecimal}. Each case
   * has its own seed, printed on failure; {@code -Dbulwark.decimal.seed=N} runs another series.
   */
  @Test
  void decimal_randomStrings_agreeWithReference() {
    long base = Long.getLong("bulwark.decimal.seed", 20261129L);
    String alphabet = "0123456789012345678900-..eE+ x";
    for (int i = 0; i < 50_000; i++) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(base + i);
      StringBuilder value = new StringBuilder();
      for (int n = random.nextInt(0, 21); n > 0; n--) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String v = value.toString();
      assertThat(code(PRICE, v)).as("seed %d: \"%s\"", base + i, v).isEqualTo(reference(v));
    }
  }

  private static String reference(String v) {
    if (v.length() > 17) {
      return "too_long";
    }
    if (!v.matches("-?[0-9]+(\\.[0-9]+)?")) {
      return "not_decimal";
    }
    BigDecimal d = new BigDecimal(v);
    if (d.scale() > 2) {
      return "too_many_decimals";
    }
    return d.compareTo(BigDecimal.ZERO) < 0 || d.compareTo(new BigDecimal("99999.99")) > 0
        ? "out_of_range" : "ok";
  }
}
