package dev.bulwark.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityHeadersPolicyTest {

  @Test
  void recommended_sendsNoHstsAndNoCoep() {
    SecurityHeadersPolicy policy = SecurityHeadersPolicies.recommended();

    assertThat(policy.headers()).doesNotContainKeys(
        "Strict-Transport-Security", "Cross-Origin-Embedder-Policy");
    assertThat(policy.suppresses("X-POWERED-BY")).isTrue();
    assertThat(policy.contentSecurityPolicy()).isNotNull();
    assertThat(policy.toString()).contains("Referrer-Policy");
  }

  @Test
  void crossOriginEmbedderPolicy_optIn_isSent() {
    SecurityHeadersPolicy policy = SecurityHeadersPolicies.recommended().toBuilder()
        .crossOriginEmbedderPolicy("require-corp").build();

    assertThat(policy.headers()).containsEntry("Cross-Origin-Embedder-Policy", "require-corp");
  }

  @Test
  void crossOriginEmbedderPolicy_unknownValue_isRefused() {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder()
        .crossOriginEmbedderPolicy("unsafe-none").build())
        .hasMessageContaining("require-corp or credentialless");
  }

  @Test
  void withoutHeader_dropsAPresetHeader() {
    SecurityHeadersPolicy policy = SecurityHeadersPolicies.recommended().toBuilder()
        .withoutHeader("x-dns-prefetch-control").withoutContentSecurityPolicy().build();

    assertThat(policy.headers()).doesNotContainKey("X-DNS-Prefetch-Control");
    assertThat(policy.contentSecurityPolicy()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad Name", "", "X:Y", "N\u00e4me"})
  void header_invalidName_isRefused(String name) {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder().header(name, "v").build())
        .hasMessageContaining("not a header name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a\r\nSet-Cookie: x=1", "a\u0000", " padded", "caf\u00e9"})
  void header_invalidValue_isRefused(String value) {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder().header("X-A", value).build())
        .hasMessageContaining("visible ASCII");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Security-Policy", "cache-control", "Clear-Site-Data",
      "Reporting-Endpoints", "Content-Security-Policy-Report-Only"})
  void header_withItsOwnSetting_isRefused(String name) {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder().header(name, "x").build())
        .hasMessageContaining("has its own setting");
  }

  @Test
  void reportTo_undeclaredEndpoint_isRefused() {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder().contentSecurityPolicy(
        SecurityHeadersPolicies.strictCsp().toBuilder().reportTo("csp").build()).build())
        .hasMessageContaining("reportingEndpoint(\"csp\", url)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://reports.example", "//reports.example/x", "https://",
      "/a b", "/a\"b", "relative"})
  void reportingEndpoint_badUrl_isRefused(String url) {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder().reportingEndpoint("r", url).build())
        .hasMessageContaining("URL must be");
  }

  @Test
  void reportingEndpoint_badName_isRefused() {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder()
        .reportingEndpoint("a=b", "/r").build()).hasMessageContaining("must be a token");
  }

  @Test
  void overwrite_badName_isRefused() {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder().overwrite("a b").build())
        .hasMessageContaining("overwrite");
  }

  @Test
  void remove_headerAlsoSent_isRefused() {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder().header("X-A", "1").remove("x-a")
        .build()).hasMessageContaining("drop one of the two");
  }

  @Test
  void remove_badName_isRefused() {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder().remove("a:b").build())
        .hasMessageContaining("remove");
  }

  @ParameterizedTest
  @ValueSource(strings = {"account", "/a b", "/a;b", "/a?b", "/*/x", "/a*", "/a/*/"})
  void noStore_badPath_isRefused(String path) {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder().noStore(path))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noStore");
  }

  @Test
  void clearSiteData_unknownType_isRefused() {
    assertThatThrownBy(() -> SecurityHeadersPolicy.builder().clearSiteData("/logout", "Cookies")
        .build()).hasMessageContaining("unknown type 'Cookies'");
  }

  @Test
  void toBuilder_keepsEverySetting() {
    SecurityHeadersPolicy policy = SecurityHeadersPolicies.recommended().toBuilder()
        .noStore("/a/*").clearSiteData("/logout").overwrite("X-Frame-Options")
        .reportingEndpoint("csp", "/csp").build();
    SecurityHeadersPolicy copy = policy.toBuilder().build();

    assertThat(copy.headers()).isEqualTo(policy.headers());
    assertThat(copy.overwrites("x-frame-options")).isTrue();
    assertThat(copy.noStorePaths()).isEqualTo(policy.noStorePaths());
    assertThat(copy.clearSiteDataPaths()).isEqualTo(policy.clearSiteDataPaths());
  }
}
