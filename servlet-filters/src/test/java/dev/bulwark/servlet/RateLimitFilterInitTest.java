package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

/** {@link RateLimitFilter#init(FilterConfig)} validates its init-params at start-up. */
class RateLimitFilterInitTest {

  private static RateLimitFilter init(String... pairs) throws ServletException {
    RateLimitFilter filter = new RateLimitFilter();
    filter.init(InitConfig.of("rate-limit", pairs));
    return filter;
  }

  @Test
  void init_validConfig_startsAndDescribesItsRule() throws ServletException {
    assertThat(init("limit", "5", "period", "PT1M", "name", "login", "key", "principal",
        "paths", "/login", "methods", "POST", "charge-statuses", "401",
        "trusted-proxies", "10.0.0.0/8", "max-keys", "1000").toString())
        .contains("login: 5 per PT1M").contains("/login").contains("charging only [401]");
  }

  @Test
  void init_unknownParam_failsNamingIt() {
    assertThatThrownBy(() -> init("limit", "5", "period", "1m", "perod", "1m"))
        .isInstanceOf(ServletException.class).hasMessageContaining("rate-limit")
        .hasMessageContaining("'perod'");
  }

  @Test
  void init_missingLimit_fails() {
    assertThatThrownBy(() -> init("period", "1m"))
        .isInstanceOf(ServletException.class).hasMessageContaining("limit and period");
  }

  @Test
  void init_badPeriod_failsShowingTheForms() {
    assertThatThrownBy(() -> init("limit", "5", "period", "1 minute"))
        .isInstanceOf(ServletException.class).hasMessageContaining("PT1M");
  }

  @Test
  void init_zeroMaxKeys_fails() {
    assertThatThrownBy(() -> init("limit", "5", "period", "1m", "max-keys", "0"))
        .isInstanceOf(ServletException.class).hasMessageContaining("max-keys");
  }

  @Test
  void doFilter_beforeInit_failsLoudly() {
    assertThatThrownBy(() -> new RateLimitFilter().doFilter(null, null, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("before init()");
  }
}
