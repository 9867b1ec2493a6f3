package dev.bulwark.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.http.Origin;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

  private static CorsPolicy.Builder app() {
    return CorsPolicy.builder().allowOrigins("https://app.example.com");
  }

  @Test
  void build_nothingAllowed_failsNamingTheSetting() {
    assertThatThrownBy(() -> CorsPolicy.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed-origins").hasMessageContaining("allowAnyOrigin()");
  }

  @Test
  void build_anyOriginWithCredentials_fails() {
    assertThatThrownBy(() -> CorsPolicy.builder().allowAnyOrigin().allowCredentials().build())
        .hasMessageContaining("allow-credentials").hasMessageContaining("list the allowed origins");
  }

  @Test
  void build_nullOriginWithCredentials_fails() {
    assertThatThrownBy(() -> app().allowNullOrigin().allowCredentials().build())
        .hasMessageContaining("allowNullOrigin()");
  }

  @Test
  void build_anyOriginWithPrivateNetwork_fails() {
    assertThatThrownBy(() -> CorsPolicy.builder().allowAnyOrigin().allowPrivateNetwork().build())
        .hasMessageContaining("allow-private-network");
  }

  @Test
  void build_anyOriginAndListedOrigins_fails() {
    assertThatThrownBy(() -> app().allowAnyOrigin().build()).hasMessageContaining("contradictory");
  }

  @Test
  void build_starAsOrigin_pointsToAllowAnyOrigin() {
    assertThatThrownBy(() -> CorsPolicy.builder().allowOrigins("*").build())
        .hasMessageContaining("allowAnyOrigin()");
  }

  @Test
  void build_nullAsListedOrigin_pointsToAllowNullOrigin() {
    assertThatThrownBy(() -> CorsPolicy.builder().allowOrigins("null").build())
        .hasMessageContaining("allowNullOrigin()");
  }

  @Test
  void build_originWithTrailingSlash_saysRemoveIt() {
    assertThatThrownBy(() -> CorsPolicy.builder().allowOrigins("https://app.example.com/").build())
        .hasMessageContaining("trailing slash");
  }

  @Test
  void build_originWithUserinfo_saysSo() {
    assertThatThrownBy(() -> CorsPolicy.builder().allowOrigins("https://u@app.example.com").build())
        .hasMessageContaining("no user name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://*example.com", "https://app*.example.com",
      "https://a.*.example.com", "https://*", "*.example.com", "https://ex*ample.com"})
  void build_wildcardWithoutLabelBoundary_fails(String pattern) {
    assertThatThrownBy(() -> CorsPolicy.builder().allowOrigins(pattern).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed-origins")
        .hasMessageContaining("https://*.example.com");
  }

  @Test
  void build_wildcardUnderTopLevelDomain_fails() {
    assertThatThrownBy(() -> CorsPolicy.builder().allowOrigins("https://*.com").build())
        .hasMessageContaining("every site under the top-level domain");
  }

  @Test
  void build_wildcardInFrontOfIp_fails() {
    assertThatThrownBy(() -> CorsPolicy.builder().allowOrigins("https://*.10.0.0.1").build())
        .hasMessageContaining("IP address");
  }

  @Test
  void build_twoWildcards_fails() {
    assertThatThrownBy(() -> CorsPolicy.builder().allowOrigins("https://*.*.example.com").build())
        .hasMessageContaining("more than one wildcard");
  }

  @Test
  void build_starMethod_fails() {
    assertThatThrownBy(() -> app().allowMethods("*").build()).hasMessageContaining("allowed-methods");
  }

  @Test
  void build_badMethodToken_fails() {
    assertThatThrownBy(() -> app().allowMethods("GE T").build()).hasMessageContaining("allowed-methods");
  }

  @Test
  void build_starHeader_pointsToAllowAnyHeader() {
    assertThatThrownBy(() -> app().allowHeaders("*").build()).hasMessageContaining("allowAnyHeader()");
  }

  @Test
  void build_badHeaderName_fails() {
    assertThatThrownBy(() -> app().allowHeaders("X Bad").build()).hasMessageContaining("allowed-headers");
    assertThatThrownBy(() -> app().exposeHeaders("X:Bad").build()).hasMessageContaining("exposed-headers");
  }

  @Test
  void build_exposeStarWithCredentials_fails() {
    assertThatThrownBy(() -> app().allowCredentials().exposeHeaders("*").build())
        .hasMessageContaining("exposed-headers");
    assertThat(app().exposeHeaders("*").build()).isNotNull();
  }

  @Test
  void build_maxAgeOutOfRange_fails() {
    assertThatThrownBy(() -> app().maxAge(Duration.ofSeconds(-1)).build()).hasMessageContaining("max-age");
    assertThatThrownBy(() -> app().maxAge(Duration.ofHours(25)).build()).hasMessageContaining("max-age");
    assertThatThrownBy(() -> app().maxAge(Duration.ofMillis(1500)).build()).hasMessageContaining("whole seconds");
  }

  @Test
  void defaults_areSafe() {
    CorsPolicy policy = app().build();
    assertThat(policy.allowsCredentials()).isFalse();
    assertThat(policy.maxAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.rejectsDisallowedRequests()).isFalse();
    assertThat(policy.methodsValue).isEqualTo("GET, HEAD, POST");
    assertThat(policy.headersValue).isNull();
    assertThat(policy.privateNetwork).isFalse();
  }

  @Test
  void allows_exactIsNormalised_andPatternIsLabelAware() {
    CorsPolicy policy = CorsPolicy.builder()
        .allowOrigins("HTTPS://App.Example.com:443", "https://*.example.org").build();
    assertThat(policy.allows(Origin.parse("https://app.example.com"))).isTrue();
    assertThat(policy.allows(Origin.parse("https://x.example.org"))).isTrue();
    assertThat(policy.allows(Origin.parse("https://x.y.example.org"))).isFalse();
    assertThat(policy.allows(Origin.parse("https://example.org"))).isFalse();
    assertThat(policy.allows(Origin.parse("https://xexample.org"))).isFalse();
    assertThat(policy.allows(Origin.parse("https://x.example.org:8443"))).isFalse();
  }

  @Test
  void toString_describesWithoutSurprises() {
    assertThat(app().allowCredentials().build().toString())
        .contains("https://app.example.com").contains("credentials=true");
  }

  @Test
  void settings_unknownName_isRejected() {
    assertThatThrownBy(() -> CorsSettings.of(Map.of("allowed-origin", "https://a.example")))
        .hasMessageContaining("unknown CORS setting 'allowed-origin'");
  }

  @Test
  void settings_badBoolean_andMaxAge_areRejected() {
    assertThatThrownBy(() -> CorsSettings.of(Map.of("allowed-origins", "https://a.example",
        "allow-credentials", "yes")).policy()).hasMessageContaining("allow-credentials");
    assertThatThrownBy(() -> CorsSettings.of(Map.of("allowed-origins", "https://a.example",
        "max-age", "10m")).policy()).hasMessageContaining("max-age");
  }

  @Test
  void settings_forwardedHeadersWithoutProxies_isRejected() {
    assertThatThrownBy(() -> CorsSettings.of(Map.of("forwarded-headers", "forwarded"))
        .trustedProxies()).hasMessageContaining("trusted-proxies");
    assertThatThrownBy(() -> CorsSettings.of(Map.of("trusted-proxies", "10.0.0.0/8",
        "forwarded-headers", "both")).trustedProxies()).hasMessageContaining("x-forwarded or forwarded");
  }

  @Test
  void settings_listsAcceptCommasAndWhitespace() {
    CorsPolicy policy = CorsSettings.of(Map.of("allowed-origins",
        " https://a.example ,https://b.example\n\thttps://*.c.example ",
        "allowed-methods", "GET,PUT")).policy();
    assertThat(policy.allows(Origin.parse("https://b.example"))).isTrue();
    assertThat(policy.allows(Origin.parse("https://x.c.example"))).isTrue();
    assertThat(policy.methodsValue).isEqualTo("GET, PUT");
  }
}
