package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.cors.CorsVectors;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CorsFilter#init(FilterConfig)} validates its init-params at start-up. */
class CorsFilterInitTest {

  private static void init(String... nameValuePairs) throws ServletException {
    new CorsFilter().init(InitConfig.of("cors", nameValuePairs));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.bulwark.testkit.cors.CorsVectors#invalidPolicies")
  void init_invalidPolicyVector_failsAtStartUp(CorsVectors.InvalidPolicy invalid) {
    assertThatThrownBy(() -> new CorsFilter().init(new InitConfig("cors", invalid.settings())))
        .isInstanceOf(ServletException.class)
        .satisfies(e -> invalid.messageContains()
            .forEach(text -> assertThat(e.getMessage()).contains(text)));
  }

  @Test
  void init_validConfig_starts() {
    assertThatCode(() -> init(
        "allowed-origins", "https://app.example.com https://*.example.com",
        "allowed-methods", "GET, POST, PUT",
        "allowed-headers", "Content-Type, Authorization",
        "exposed-headers", "X-Request-Id",
        "allow-credentials", "true",
        "max-age", "600",
        "allow-private-network", "false",
        "reject-disallowed", "true",
        "trusted-proxies", "10.0.0.0/8",
        "forwarded-headers", "forwarded"))
        .doesNotThrowAnyException();
  }

  @Test
  void init_unknownParam_failsNamingIt() {
    assertThatThrownBy(() -> init(
        "allowed-origins", "https://app.example.com", "allowed-orgins", "https://x.example.com"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("cors")
        .hasMessageContaining("'allowed-orgins'")
        .hasMessageContaining("allowed-origins");
  }

  @Test
  void init_allowedOriginsMissing_fails() {
    assertThatThrownBy(() -> init("allowed-methods", "GET"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("cors")
        .hasMessageContaining("allowed-origins");
  }

  @Test
  void init_allowedOriginsBlank_fails() {
    assertThatThrownBy(() -> init("allowed-origins", "  "))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("allowed-origins");
  }

  @Test
  void init_anyOriginWithCredentials_failsSayingHowToFix() {
    assertThatThrownBy(() -> init("allowed-origins", "*", "allow-credentials", "true"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("allow-credentials")
        .hasMessageContaining("list the allowed origins");
  }

  @Test
  void init_patternWithoutLabelBoundary_fails() {
    assertThatThrownBy(() -> init("allowed-origins", "https://*example.com"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("allowed-origins")
        .hasMessageContaining("https://*example.com")
        .hasMessageContaining("https://*.example.com");
  }

  @Test
  void init_maxAgeNotANumber_fails() {
    assertThatThrownBy(() -> init("allowed-origins", "https://app.example.com", "max-age", "abc"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("max-age");
  }

  @Test
  void init_maxAgeTooLong_fails() {
    assertThatThrownBy(
        () -> init("allowed-origins", "https://app.example.com", "max-age", "86401"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("max-age");
  }

  @Test
  void init_allowCredentialsNotBoolean_fails() {
    assertThatThrownBy(() -> init(
        "allowed-origins", "https://app.example.com", "allow-credentials", "yes"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("allow-credentials")
        .hasMessageContaining("true or false");
  }

  @Test
  void init_originWithPath_failsWithHint() {
    assertThatThrownBy(() -> init("allowed-origins", "https://app.example.com/"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("allowed-origins")
        .hasMessageContaining("trailing slash");
  }

  @Test
  void init_forwardedHeadersWithoutProxies_fails() {
    assertThatThrownBy(() -> init(
        "allowed-origins", "https://app.example.com", "forwarded-headers", "forwarded"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("forwarded-headers")
        .hasMessageContaining("trusted-proxies");
  }

  @Test
  void init_badTrustedProxy_fails() {
    assertThatThrownBy(() -> init(
        "allowed-origins", "https://app.example.com", "trusted-proxies", "not-a-cidr"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("cors");
  }

  @Test
  void doFilter_beforeInit_failsClearly() {
    assertThatThrownBy(() -> new CorsFilter().doFilter(null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("before init()");
  }
}
