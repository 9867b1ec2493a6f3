package dev.bulwark.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.http.WebRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HttpsSettings}: every setting read, and a named negative per malformed value. */
class HttpsSettingsTest {

  private static HttpsSettings of(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return HttpsSettings.of(map);
  }

  @Test
  void policy_allSettings_areApplied() {
    HttpsSettings settings = of("allowed-hosts", "example.com, www.example.com",
        "https-port", "9443", "port-map", "8080:8443 8000:8001", "status", "301",
        "exclude-paths", "/healthz /.well-known/acme-challenge/*", "hsts-max-age", "63072000",
        "hsts-include-subdomains", "true", "hsts-preload", "true",
        "trusted-proxies", "10.0.0.0/8", "forwarded-headers", "forwarded");
    HttpsPolicy policy = settings.policy();
    assertThat(policy.status()).isEqualTo(301);
    assertThat(policy.hstsHeaderValue()).isEqualTo("max-age=63072000; includeSubDomains; preload");
    assertThat(settings.trustedProxies().headerFamily())
        .isEqualTo(TrustedProxies.HeaderFamily.FORWARDED);
    HttpsEngine engine = HttpsEngine.of(policy, ClientResolver.direct());
    assertThat(engine.decide(WebRequest.http().host("www.example.com:8080")).location())
        .isEqualTo("https://www.example.com:8443/");
    assertThat(engine.decide(WebRequest.http().host("example.com:81")).location())
        .isEqualTo("https://example.com:9443/");
    assertThat(engine.decide(WebRequest.http().target("/healthz", null)).kind())
        .isEqualTo(RedirectDecision.Kind.EXCLUDED);
  }

  @Test
  void policy_hstsFalse_sendsNone() {
    assertThat(of("allowed-hosts", "example.com", "hsts", "false").policy().hstsHeaderValue())
        .isNull();
  }

  @Test
  void of_unknownSetting_failsNamingIt() {
    assertThatThrownBy(() -> of("allowed-host", "example.com"))
        .hasMessageContaining("unknown HTTPS setting 'allowed-host'")
        .hasMessageContaining("allowed-hosts");
  }

  @Test
  void policy_missingAllowedHosts_fails() {
    assertThatThrownBy(() -> of().policy()).hasMessageContaining("allowed-hosts is required");
  }

  @Test
  void policy_portMapWithoutColon_fails() {
    assertThatThrownBy(() -> of("allowed-hosts", "example.com", "port-map", "8080").policy())
        .hasMessageContaining("port-map entries are http:https");
  }

  @Test
  void policy_portMapNotNumeric_fails() {
    assertThatThrownBy(() -> of("allowed-hosts", "example.com", "port-map", "a:b").policy())
        .hasMessageContaining("port-map: ports are whole numbers");
  }

  @Test
  void policy_portMapOutOfRange_fails() {
    assertThatThrownBy(() -> of("allowed-hosts", "example.com", "port-map", "8080:99999")
        .policy()).hasMessageContaining("port-map");
  }

  @Test
  void policy_httpsPortNotNumeric_fails() {
    assertThatThrownBy(() -> of("allowed-hosts", "example.com", "https-port", "https").policy())
        .hasMessageContaining("https-port");
  }

  @Test
  void policy_status302_fails() {
    assertThatThrownBy(() -> of("allowed-hosts", "example.com", "status", "302").policy())
        .hasMessageContaining("turn a POST into a GET");
  }

  @Test
  void policy_statusNotNumeric_fails() {
    assertThatThrownBy(() -> of("allowed-hosts", "example.com", "status", "permanent").policy())
        .hasMessageContaining("status must be a whole number");
  }

  @Test
  void policy_maxAgeNotNumeric_fails() {
    assertThatThrownBy(() -> of("allowed-hosts", "example.com", "hsts-max-age", "1y").policy())
        .hasMessageContaining("hsts-max-age");
  }

  @Test
  void policy_preloadWithoutSubdomains_fails() {
    assertThatThrownBy(() -> of("allowed-hosts", "example.com", "hsts-preload", "true",
        "hsts-include-subdomains", "false").policy())
        .hasMessageContaining("hsts-preload requires");
  }

  @Test
  void policy_booleanNotTrueOrFalse_fails() {
    assertThatThrownBy(() -> of("allowed-hosts", "example.com", "hsts-preload", "yes").policy())
        .hasMessageContaining("hsts-preload must be true or false");
  }
}
