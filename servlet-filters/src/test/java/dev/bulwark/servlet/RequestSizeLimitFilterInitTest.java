package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RequestSizeLimitFilter} validates its one init-param at init(). */
class RequestSizeLimitFilterInitTest {

  @Test
  void init_validLimit_starts() {
    assertThatCode(() -> new RequestSizeLimitFilter().init(
        InitConfig.of("size", "max-body-bytes", "1048576"))).doesNotThrowAnyException();
  }

  @Test
  void init_missingLimit_failsNamingSetting() {
    assertThatThrownBy(() -> new RequestSizeLimitFilter().init(InitConfig.of("size")))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("size: invalid configuration")
        .hasMessageContaining("max-body-bytes is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "abc", "1e3", "1 MB", "99999999999999999999", ""})
  void init_badLimit_failsNamingValueAndFix(String value) {
    assertThatThrownBy(() -> new RequestSizeLimitFilter().init(
        InitConfig.of("size", "max-body-bytes", value)))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("max-body-bytes is '" + value + "'")
        .hasMessageContaining("positive number of bytes");
  }

  @Test
  void init_unknownParam_failsNamingIt() {
    assertThatThrownBy(() -> new RequestSizeLimitFilter().init(
        InitConfig.of("size", "max-bytes", "10")))
        .isInstanceOf(ServletException.class).hasMessageContaining("'max-bytes'");
  }

  @Test
  void constructor_nonPositiveLimit_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RequestSizeLimitFilter(0))
        .withMessageContaining("max-body-bytes is 0");
  }

  @Test
  void doFilter_beforeInit_failsLoudly() {
    assertThatThrownBy(() -> new RequestSizeLimitFilter().doFilter(null, null, null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("before init()");
  }
}
