package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

/** {@link HttpsRedirectFilter} and {@link FetchMetadataFilter} validate init-params at init(). */
class HttpsAndFetchMetadataFilterInitTest {

  private static void init(Filter filter, String name, String... pairs) throws ServletException {
    filter.init(InitConfig.of(name, pairs));
  }

  @Test
  void https_validConfig_starts() {
    assertThatCode(() -> init(new HttpsRedirectFilter(), "https",
        "allowed-hosts", "example.com www.example.com", "https-port", "443",
        "port-map", "8080:8443", "status", "301", "exclude-paths", "/healthz",
        "hsts", "true", "hsts-max-age", "31536000", "hsts-include-subdomains", "true",
        "hsts-preload", "true", "trusted-proxies", "10.0.0.0/8", "forwarded-headers",
        "x-forwarded")).doesNotThrowAnyException();
  }

  @Test
  void https_missingAllowedHosts_failsNamingFilterAndSetting() {
    assertThatThrownBy(() -> init(new HttpsRedirectFilter(), "https"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("https: invalid configuration")
        .hasMessageContaining("allowed-hosts is required");
  }

  @Test
  void https_unknownParam_failsNamingIt() {
    assertThatThrownBy(() -> init(new HttpsRedirectFilter(), "https",
        "allowed-hosts", "example.com", "hsts-maxage", "1"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("'hsts-maxage'").hasMessageContaining("hsts-max-age");
  }

  @Test
  void https_preloadWithoutSubdomains_fails() {
    assertThatThrownBy(() -> init(new HttpsRedirectFilter(), "https",
        "allowed-hosts", "example.com", "hsts-preload", "true",
        "hsts-include-subdomains", "false"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("hsts-preload requires");
  }

  @Test
  void fetchMetadata_defaults_start() {
    assertThatCode(() -> init(new FetchMetadataFilter(), "csrf")).doesNotThrowAnyException();
  }

  @Test
  void fetchMetadata_wildcardOrigin_fails() {
    assertThatThrownBy(() -> init(new FetchMetadataFilter(), "csrf", "allowed-origins", "*"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("csrf: invalid configuration")
        .hasMessageContaining("allowed-origins");
  }

  @Test
  void fetchMetadata_unknownParam_fails() {
    assertThatThrownBy(() -> init(new FetchMetadataFilter(), "csrf", "report_only", "true"))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("'report_only'");
  }

  @Test
  void doFilter_beforeInit_failsClearly() {
    assertThatThrownBy(() -> new HttpsRedirectFilter().doFilter(null, null, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("before init()");
    assertThatThrownBy(() -> new FetchMetadataFilter().doFilter(null, null, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("before init()");
  }
}
