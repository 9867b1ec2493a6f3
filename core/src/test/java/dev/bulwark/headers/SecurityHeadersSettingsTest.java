package dev.bulwark.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SecurityHeadersSettings}: one test per setting, and a named negative test for each. */
class SecurityHeadersSettingsTest {

  private static SecurityHeadersPolicy policy(String... pairs) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      settings.put(pairs[i], pairs[i + 1]);
    }
    return SecurityHeadersSettings.of(settings).policy();
  }

  private static String csp(SecurityHeadersPolicy policy) {
    return Objects.requireNonNull(policy.contentSecurityPolicy()).template();
  }

  @Test
  void none_isTheRecommendedPreset() {
    SecurityHeadersPolicy policy = policy();

    assertThat(policy.headers()).isEqualTo(SecurityHeadersPolicies.recommended().headers());
    assertThat(csp(policy)).isEqualTo(SecurityHeadersPolicies.strictCsp().template());
    assertThat(policy.suppresses("X-Powered-By")).isTrue();
  }

  @Test
  void unknownSetting_failsListingTheKnownOnes() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("frame-option", "DENY"))
        .withMessageContaining("'frame-option'").withMessageContaining("frame-options");
  }

  @Test
  void preset_none_sendsOnlyWhatIsConfiguredAndStillRemovesPoweredBy() {
    SecurityHeadersPolicy policy = policy("preset", "none", "frame-options", "deny");

    assertThat(policy.headers()).containsExactly(Map.entry("X-Frame-Options", "DENY"));
    assertThat(policy.contentSecurityPolicy()).isNull();
    assertThat(policy.suppresses("x-powered-by")).isTrue();
  }

  @Test
  void preset_unknown_failsNamingTheChoices() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("preset", "strict"))
        .withMessageStartingWith("preset: 'strict'").withMessageContaining("recommended or none");
  }

  @Test
  void csp_wholePolicy_isParsedValidatedAndRendered() {
    SecurityHeadersPolicy policy = policy("csp",
        "default-src 'self';  img-src 'self' data: https://img.example.com ; object-src 'none';"
            + " upgrade-insecure-requests;");

    assertThat(csp(policy)).isEqualTo("default-src 'self'; img-src 'self' data:"
        + " https://img.example.com; object-src 'none'; upgrade-insecure-requests");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "default-src 'Self'|Self",
      "default-src 'self'; script-scr 'self'|unknown directive 'script-scr'",
      "default-src 'self'; default-src https:|appears twice",
      "default-src 'self', img-src *|without ','",
      "default-src 'self'; script-src 'nonce-abc'|script-src",
      "img-src|has no source",
      "default-src 'self'; report-to|report-to takes one endpoint name",
      "'self'|unknown directive"})
  void csp_invalid_failsNamingTheSetting(String value, String problem) {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("csp", value))
        .withMessageStartingWith("csp: ").withMessageContaining(problem);
  }

  @Test
  void csp_controlCharacter_fails() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("csp", "default-src 'self'\n"
        + "x")).withMessageStartingWith("csp: ");
  }

  @Test
  void csp_off_sendsNoPolicy() {
    assertThat(policy("csp", "off").contentSecurityPolicy()).isNull();
  }

  @Test
  void cspOff_withNonce_failsAsMeaningless() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("csp", "off", "csp-nonce",
        "true")).withMessageStartingWith("csp: ").withMessageContaining("csp-nonce");
  }

  @Test
  void cspNonce_onThePreset_isTheNonceCsp() {
    assertThat(csp(policy("csp-nonce", "true")))
        .isEqualTo(SecurityHeadersPolicies.nonceCsp().template());
  }

  @Test
  void cspNonce_onAGivenPolicy_addsTheNonceToScriptSrc() {
    assertThat(csp(policy("csp", "default-src 'self'", "csp-nonce", "true")))
        .isEqualTo("default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic'");
  }

  @Test
  void cspNonce_notABoolean_fails() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("csp-nonce", "yes"))
        .withMessageContaining("csp-nonce must be true or false");
  }

  @Test
  void cspReportOnly_sendsTheReportOnlyHeader() {
    ContentSecurityPolicy csp = Objects.requireNonNull(
        policy("csp-report-only", "true").contentSecurityPolicy());

    assertThat(csp.headerName()).isEqualTo("Content-Security-Policy-Report-Only");
  }

  @Test
  void cspReportOnly_notABoolean_fails() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("csp-report-only", "on"))
        .withMessageContaining("csp-report-only must be true or false");
  }

  @Test
  void reportTo_withItsEndpoint_isInTheCspAndReportingEndpoints() {
    SecurityHeadersPolicy policy = policy("reporting-endpoints",
        "csp=https://reports.example.com/csp, default=/reports", "report-to", "csp");

    assertThat(csp(policy)).endsWith("; report-to csp");
    assertThat(policy.headers().get("Reporting-Endpoints"))
        .isEqualTo("csp=\"https://reports.example.com/csp\", default=\"/reports\"");
  }

  @Test
  void reportTo_unknownEndpoint_failsNamingTheFix() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("report-to", "csp"))
        .withMessageStartingWith("report-to: 'csp'")
        .withMessageContaining("add csp=https://... there");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "csp|is not name=url",
      "csp=http://reports.example.com|must be https://",
      "c p=https://x.example|is not name=url",
      "bad@name=https://x.example|must be a token"})
  void reportingEndpoints_invalid_fail(String value, String problem) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> policy("reporting-endpoints", value))
        .withMessageStartingWith("reporting-endpoints: ").withMessageContaining(problem);
  }

  @Test
  void frameOptions_caseInsensitive_isCanonical() {
    assertThat(policy("frame-options", "deny").headers().get("X-Frame-Options"))
        .isEqualTo("DENY");
    assertThat(policy("frame-options", "off").headers()).doesNotContainKey("X-Frame-Options");
  }

  @Test
  void frameOptions_allowFrom_failsAsObsolete() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> policy("frame-options", "ALLOW-FROM https://x.example"))
        .withMessageStartingWith("frame-options: ").withMessageContaining("DENY, SAMEORIGIN");
  }

  @Test
  void referrerPolicy_tokenOrFallbackList_isSent() {
    assertThat(policy("referrer-policy", "no-referrer, strict-origin-when-cross-origin")
        .headers().get("Referrer-Policy")).isEqualTo("no-referrer, strict-origin-when-cross-origin");
    assertThat(policy("referrer-policy", "off").headers()).doesNotContainKey("Referrer-Policy");
  }

  @Test
  void referrerPolicy_unknownToken_failsListingTheTokens() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("referrer-policy", "never"))
        .withMessageStartingWith("referrer-policy: 'never'")
        .withMessageContaining("strict-origin-when-cross-origin");
  }

  @Test
  void permissionsPolicy_structuredValue_isSent() {
    String value = "camera=(), geolocation=(self \"https://maps.example.com\"), fullscreen=*";

    assertThat(policy("permissions-policy", value).headers().get("Permissions-Policy"))
        .isEqualTo(value);
    assertThat(policy("permissions-policy", "off").headers())
        .doesNotContainKey("Permissions-Policy");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"camera=none", "camera 'none'", "geolocation=(maps.com)",
      "Camera=()", "camera=(), ", "camera=(\"javascript:x\")"})
  void permissionsPolicy_malformed_fails(String value) {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("permissions-policy", value))
        .withMessageStartingWith("permissions-policy: ");
  }

  @Test
  void coep_requireCorp_isSentAndOffIsTheDefault() {
    assertThat(policy("coep", "require-corp").headers().get("Cross-Origin-Embedder-Policy"))
        .isEqualTo("require-corp");
    assertThat(policy().headers()).doesNotContainKey("Cross-Origin-Embedder-Policy");
    assertThat(policy("coep", "off").headers()).doesNotContainKey("Cross-Origin-Embedder-Policy");
  }

  @Test
  void coep_unknownValue_fails() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("coep", "unsafe-none"))
        .withMessageStartingWith("coep: 'unsafe-none'");
  }

  @Test
  void noStorePaths_areSentNoStore() {
    SecurityHeadersEngine engine = SecurityHeadersEngine.of(
        policy("no-store-paths", "/account/*, /login"), new FixedRandom());
    MapHeaders headers = new MapHeaders();

    engine.decide("/account/x").applyTo(headers);

    assertThat(headers.one("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void noStorePaths_relative_failsNamingTheSetting() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("no-store-paths", "account/*"))
        .withMessageStartingWith("no-store-paths: path 'account/*' must start with '/'");
  }

  @Test
  void clearSiteDataPaths_areSentClearSiteData() {
    MapHeaders headers = new MapHeaders();
    SecurityHeadersEngine.of(policy("clear-site-data-paths", "/logout"), new FixedRandom())
        .decide("/logout").applyTo(headers);

    assertThat(headers.one("Clear-Site-Data")).isEqualTo("\"cache\", \"cookies\", \"storage\"");
  }

  @Test
  void clearSiteDataPaths_interiorWildcard_fails() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> policy("clear-site-data-paths", "/a/*/logout"))
        .withMessageStartingWith("clear-site-data-paths: ");
  }

  @Test
  void overwrite_true_replacesEverySentHeader() {
    SecurityHeadersPolicy policy = policy("overwrite", "true");

    assertThat(policy.overwrites("X-Frame-Options")).isTrue();
    assertThat(policy.overwrites("Content-Security-Policy")).isTrue();
    assertThat(policy.overwrites("Cache-Control")).isTrue();
    assertThat(policy().overwrites("X-Frame-Options")).isFalse();
  }

  @Test
  void overwrite_names_replaceOnlyThose() {
    SecurityHeadersPolicy policy = policy("overwrite", "X-Frame-Options Referrer-Policy");

    assertThat(policy.overwrites("x-frame-options")).isTrue();
    assertThat(policy.overwrites("Referrer-Policy")).isTrue();
    assertThat(policy.overwrites("Content-Security-Policy")).isFalse();
  }

  @Test
  void overwrite_notAHeaderName_fails() {
    assertThatIllegalArgumentException().isThrownBy(() -> policy("overwrite", "X-Frame:Options"))
        .withMessageStartingWith("overwrite: ");
  }

  @Test
  void removeHeaders_addToPoweredBy() {
    SecurityHeadersPolicy policy = policy("remove-headers", "Server");

    assertThat(policy.strippedHeaders()).containsExactly("x-powered-by", "server");
  }

  @Test
  void removeHeaders_aSentHeader_failsNamingBoth() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> policy("remove-headers", "X-Frame-Options"))
        .withMessageStartingWith("remove-headers: ").withMessageContaining("also sent");
  }
}
