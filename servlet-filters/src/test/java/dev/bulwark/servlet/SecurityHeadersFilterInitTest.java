package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SecurityHeadersFilter#init(FilterConfig)}: the container form takes no init-param. */
class SecurityHeadersFilterInitTest {

  @Test
  void init_noParams_usesTheRecommendedPreset() throws ServletException {
    SecurityHeadersFilter filter = new SecurityHeadersFilter();
    filter.init(new InitConfig("security-headers", Map.of()));

    assertThat(filter.toString()).contains("Referrer-Policy").contains("script-src 'self'");
  }

  @Test
  void init_anyParam_failsNamingIt() {
    assertThatThrownBy(() -> new SecurityHeadersFilter().init(new InitConfig("security-headers", Map.of("csp", "x"))))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("security-headers: unknown init-param 'csp'");
  }

  @Test
  void doFilter_beforeInit_failsClearly() {
    assertThatThrownBy(() -> new SecurityHeadersFilter().doFilter(null, null, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("before init()");
  }
}
