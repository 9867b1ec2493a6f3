package dev.bulwark.fetchmetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FetchMetadataPolicy} and {@link FetchMetadataSettings}: defaults and refusals. */
class FetchMetadataPolicyTest {

  private static FetchMetadataSettings settings(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return FetchMetadataSettings.of(map);
  }

  @Test
  void build_defaults_areStrict() {
    FetchMetadataPolicy policy = FetchMetadataPolicy.builder().build();
    assertThat(policy.sameSite).isFalse();
    assertThat(policy.allowMissingSource).isFalse();
    assertThat(policy.reportOnly()).isFalse();
    assertThat(policy.origins).isEmpty();
    assertThat(policy.crossSitePaths.isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "null"})
  void build_wildcardOrNullOrigin_isRefused(String origin) {
    assertThatThrownBy(() -> FetchMetadataPolicy.builder().allowOrigins(origin).build())
        .hasMessageContaining("allowed-origins").hasMessageContaining("forged");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://partner.example.net/", "partner.example.net",
      "https://*.example.net"})
  void build_malformedOrigin_isRefused(String origin) {
    assertThatThrownBy(() -> FetchMetadataPolicy.builder().allowOrigins(origin).build())
        .hasMessageStartingWith("allowed-origins: ").hasMessageContaining("exact origins");
  }

  @Test
  void build_badPath_isRefusedNamingSetting() {
    assertThatThrownBy(() -> FetchMetadataPolicy.builder().allowCrossSitePaths("/*").build())
        .hasMessageStartingWith("allowed-paths: ");
  }

  @Test
  void settings_everyName_isApplied() {
    FetchMetadataSettings s = settings("allow-same-site", "true",
        "allowed-paths", "/webhooks/* /oauth/callback",
        "allowed-origins", "https://partner.example.net", "report-only", "true",
        "allow-without-origin-or-referer", "true", "trusted-proxies", "10.0.0.0/8",
        "forwarded-headers", "x-forwarded");
    FetchMetadataPolicy policy = s.policy();
    assertThat(policy.sameSite).isTrue();
    assertThat(policy.reportOnly()).isTrue();
    assertThat(policy.allowMissingSource).isTrue();
    assertThat(policy.crossSitePaths.matches("/webhooks/x")).isTrue();
    assertThat(policy.origins).hasSize(1);
    assertThat(s.trustedProxies().trusted()).hasSize(1);
    assertThat(policy.toString()).contains("https://partner.example.net", "report-only");
  }

  @Test
  void settings_unknownName_isRefused() {
    assertThatThrownBy(() -> settings("allow-samesite", "true"))
        .hasMessageContaining("unknown Fetch Metadata setting 'allow-samesite'");
  }

  @Test
  void settings_badBoolean_isRefused() {
    assertThatThrownBy(() -> settings("report-only", "on").policy())
        .hasMessageContaining("report-only must be true or false");
  }
}
