package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodsTest {

  @Test
  void parse_isoAndShortForms_giveTheSameDurations() {
    assertThat(Periods.parse("PT1M")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Periods.parse("pt0.5s")).isEqualTo(Duration.ofMillis(500));
    assertThat(Periods.parse("P1D")).isEqualTo(Duration.ofDays(1));
    assertThat(Periods.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Periods.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Periods.parse(" 1m ")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Periods.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Periods.parse("366d")).isEqualTo(Duration.ofDays(366));
  }

  @Test
  void parse_empty_isRefused() {
    assertThatThrownBy(() -> Periods.parse("  ")).hasMessageContaining("ISO-8601");
  }

  @Test
  void parse_tooLong_isRefused() {
    assertThatThrownBy(() -> Periods.parse("1".repeat(33) + "s"))
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void parse_malformedIso_isRefused() {
    assertThatThrownBy(() -> Periods.parse("PT1X")).hasMessageContaining("ISO-8601");
  }

  @ParameterizedTest
  @ValueSource(strings = {"m", "1", "1 m", "1y", "1M", "-1s", "1.5s", "1234567890s"})
  void parse_malformedShortForm_isRefused(String text) {
    assertThatThrownBy(() -> Periods.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("500ms, 30s, 1m, 2h, 1d");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "PT0S", "PT-1S", "367d", "P400D"})
  void parse_zeroNegativeOrOverAYear_isRefused(String text) {
    assertThatThrownBy(() -> Periods.parse(text)).hasMessageContaining("at most 366 days");
  }
}
