package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.headers.SecurityHeadersPolicies;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SecurityHeadersFilter#init(FilterConfig)}: init-params are read by
 * {@code SecurityHeadersSettings} (tested setting by setting in core); here, that the filter
 * reads them, and that every bad value fails {@code init()} naming the filter and the param.
 */
class SecurityHeadersFilterInitTest {

  private static SecurityHeadersFilter init(String... pairs) throws ServletException {
    SecurityHeadersFilter filter = new SecurityHeadersFilter();
    filter.init(InitConfig.of("security-headers", pairs));
    return filter;
  }

  @Test
  void init_noParams_usesTheRecommendedPreset() throws ServletException {
    SecurityHeadersFilter filter = new SecurityHeadersFilter();
    filter.init(new InitConfig("security-headers", Map.of()));

    assertThat(filter.toString()).contains("Referrer-Policy").contains("script-src 'self'");
  }

  @Test
  void init_everyParam_starts() throws ServletException {
    assertThat(init("preset", "recommended", "csp", "default-src 'self'; object-src 'none'",
        "csp-nonce", "true", "csp-report-only", "true",
        "reporting-endpoints", "csp=https://reports.example.com/csp", "report-to", "csp",
        "frame-options", "DENY", "referrer-policy", "strict-origin-when-cross-origin",
        "permissions-policy", "camera=(), geolocation=(self)", "coep", "require-corp",
        "no-store-paths", "/account/*", "clear-site-data-paths", "/logout",
        "overwrite", "true", "remove-headers", "Server").toString())
        .contains("default-src 'self'; object-src 'none'; script-src 'nonce-{nonce}'")
        .contains("report-to csp").contains("Cross-Origin-Embedder-Policy")
        .contains("noStore=1 paths, clearSiteData=1 paths");
  }

  @Test
  void init_codeConfigured_ignoresParams() throws ServletException {
    SecurityHeadersFilter filter =
        new SecurityHeadersFilter(SecurityHeadersPolicies.recommendedWithNonce());
    filter.init(InitConfig.of("security-headers", "csp", "nonsense"));

    assertThat(filter.toString()).contains("'nonce-{nonce}'");
  }

  @Test
  void init_unknownParam_failsNamingIt() {
    assertThatThrownBy(() -> init("hsts", "true"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("security-headers: unknown init-param 'hsts'")
        .hasMessageContaining("csp-nonce");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "preset|helmet|preset: 'helmet' is not a preset; use recommended or none",
      "csp|default-src 'self'; scirpt-src 'self'|csp: Content-Security-Policy: unknown directive 'scirpt-src'",
      "csp-nonce|on|csp-nonce must be true or false",
      "csp-report-only|1|csp-report-only must be true or false",
      "reporting-endpoints|csp|reporting-endpoints: 'csp' is not name=url",
      "report-to|csp|report-to: 'csp' is not named in reporting-endpoints",
      "frame-options|ALLOWALL|frame-options: 'ALLOWALL' is not DENY, SAMEORIGIN or off",
      "referrer-policy|none|referrer-policy: 'none' is not a referrer policy",
      "permissions-policy|camera=none|permissions-policy: 'camera=none' is not feature=()",
      "coep|require_corp|coep: 'require_corp' is not require-corp, credentialless or off",
      "no-store-paths|account|no-store-paths: path 'account' must start with '/'",
      "clear-site-data-paths|/lo*out|clear-site-data-paths: path '/lo*out' may use '*' only",
      "overwrite|X-Frame:Options|overwrite: ",
      "remove-headers|Referrer-Policy|remove-headers: remove: referrer-policy is also sent"})
  void init_badValue_failsNamingFilterAndParam(String param, String value, String message) {
    assertThatThrownBy(() -> init(param, value))
        .isInstanceOf(ServletException.class)
        .hasMessageStartingWith("security-headers: invalid configuration: ")
        .hasMessageContaining(message);
  }

  @Test
  void doFilter_beforeInit_failsClearly() {
    assertThatThrownBy(() -> new SecurityHeadersFilter().doFilter(null, null, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("before init()");
  }
}
