package dev.bulwark.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HttpsPolicy.Builder#build()}: defaults, and one refusal per dangerous setting. */
class HttpsPolicyTest {

  private static HttpsPolicy.Builder base() {
    return HttpsPolicy.builder().allowHosts("example.com");
  }

  @Test
  void build_defaults_areOneYearIncludeSubDomainsAnd308() {
    HttpsPolicy policy = base().build();
    assertThat(policy.hstsHeaderValue()).isEqualTo("max-age=31536000; includeSubDomains");
    assertThat(policy.status()).isEqualTo(308);
    assertThat(policy.toString()).contains("example.com", "308");
  }

  @Test
  void build_preloadWithRequirements_addsPreload() {
    assertThat(base().hstsPreload().build().hstsHeaderValue())
        .isEqualTo("max-age=31536000; includeSubDomains; preload");
  }

  @Test
  void build_withoutHsts_sendsNone() {
    assertThat(base().withoutHsts().build().hstsHeaderValue()).isNull();
  }

  @Test
  void build_noSubdomains_omitsIncludeSubDomains() {
    assertThat(base().hstsIncludeSubDomains(false).hstsMaxAge(Duration.ofDays(1)).build()
        .hstsHeaderValue()).isEqualTo("max-age=86400");
  }

  @Test
  void build_noHosts_failsSayingHostsAreRequired() {
    assertThatThrownBy(() -> HttpsPolicy.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed-hosts is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com", "*.example.com", "example.com/", "",
      "user@example.com", "exa mple.com"})
  void build_malformedHost_failsNamingSetting(String host) {
    assertThatThrownBy(() -> HttpsPolicy.builder().allowHosts(host).build())
        .hasMessageStartingWith("allowed-hosts: ")
        .hasMessageContaining("host names such as example.com");
  }

  @Test
  void build_hostWithPort_failsPointingToPortSettings() {
    assertThatThrownBy(() -> HttpsPolicy.builder().allowHosts("example.com:8443").build())
        .hasMessageContaining("take no port").hasMessageContaining("https-port");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65536, -1})
  void build_badHttpsPort_fails(int port) {
    assertThatThrownBy(() -> base().httpsPort(port).build()).hasMessageContaining("https-port");
  }

  @Test
  void build_badMappedPort_fails() {
    assertThatThrownBy(() -> base().mapPort(8080, 70000).build())
        .hasMessageContaining("port-map");
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 302, 303, 400})
  void build_statusThatLosesMethodOrIsNoRedirect_fails(int status) {
    assertThatThrownBy(() -> base().status(status).build())
        .hasMessageContaining("status must be 308");
  }

  @Test
  void build_badExcludePath_failsNamingSetting() {
    assertThatThrownBy(() -> base().excludePaths("/a/../b").build())
        .hasMessageStartingWith("exclude-paths: ");
  }

  @Test
  void build_negativeMaxAge_fails() {
    assertThatThrownBy(() -> base().hstsMaxAge(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("hsts-max-age");
  }

  @Test
  void build_maxAgeOverTwoYears_fails() {
    assertThatThrownBy(() -> base().hstsMaxAge(Duration.ofDays(3 * 365)).build())
        .hasMessageContaining("hsts-max-age");
  }

  @Test
  void build_preloadWithoutIncludeSubDomains_fails() {
    assertThatThrownBy(() -> base().hstsPreload().hstsIncludeSubDomains(false).build())
        .hasMessageContaining("hsts-preload requires")
        .hasMessageContaining("hsts-include-subdomains=true");
  }

  @Test
  void build_preloadWithShortMaxAge_fails() {
    assertThatThrownBy(() -> base().hstsPreload().hstsMaxAge(Duration.ofDays(364)).build())
        .hasMessageContaining("hsts-preload requires").hasMessageContaining("31536000");
  }

  @Test
  void build_preloadWithoutHsts_fails() {
    assertThatThrownBy(() -> base().hstsPreload().withoutHsts().build())
        .hasMessageContaining("hsts-preload requires");
  }

  @Test
  void build_maxAgeZero_isAllowedToClearHsts() {
    assertThat(base().hstsMaxAge(Duration.ZERO).build().hstsHeaderValue())
        .isEqualTo("max-age=0; includeSubDomains");
  }
}
