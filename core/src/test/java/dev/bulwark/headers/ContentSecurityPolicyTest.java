package dev.bulwark.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

  private static final String NONCE = "AAECAwQFBgcICQoLDA0ODxAR";

  @Test
  void build_withoutNonce_rendersOneConstant() {
    ContentSecurityPolicy csp = ContentSecurityPolicy.builder()
        .directive("default-src", "'self'")
        .none("object-src")
        .directive("img-src", "'self'", "data:", "'self'")
        .flag("upgrade-insecure-requests")
        .build();

    assertThat(csp.usesNonce()).isFalse();
    assertThat(csp.render(NONCE)).isEqualTo("default-src 'self'; object-src 'none';"
        + " img-src 'self' data:; upgrade-insecure-requests");
    assertThat(csp.headerName()).isEqualTo("Content-Security-Policy");
  }

  @Test
  void build_scriptNonce_rendersNonceAndStrictDynamicInTheSlot() {
    ContentSecurityPolicy csp = ContentSecurityPolicy.builder()
        .directive("default-src", "'self'").scriptNonce().build();

    assertThat(csp.usesNonce()).isTrue();
    assertThat(csp.render(NONCE)).isEqualTo(
        "default-src 'self'; script-src 'nonce-" + NONCE + "' 'strict-dynamic'");
    assertThat(csp.template()).contains("'nonce-{nonce}'");
  }

  @Test
  void build_scriptAndStyleNonce_fillsEverySlot() {
    ContentSecurityPolicy csp = ContentSecurityPolicy.builder()
        .directive("script-src", "https:").scriptNonce().styleNonce().build();

    assertThat(csp.render("N")).isEqualTo(
        "script-src 'nonce-N' 'strict-dynamic' https:; style-src 'nonce-N'");
  }

  @Test
  void build_reportOnlyAndReportTo_changeHeaderAndAddDirective() {
    ContentSecurityPolicy csp = ContentSecurityPolicy.builder()
        .directive("default-src", "'self'").reportOnly().reportTo("csp").build();

    assertThat(csp.headerName()).isEqualTo("Content-Security-Policy-Report-Only");
    assertThat(csp.render("")).endsWith("; report-to csp");
  }

  @Test
  void build_empty_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder().build())
        .hasMessageContaining("no directive");
  }

  @Test
  void build_unknownDirective_isRefusedWithTheKnownList() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder().directive("script-scr", "'self'")
        .build()).hasMessageContaining("unknown directive 'script-scr'")
        .hasMessageContaining("script-src");
  }

  @Test
  void build_upperCaseDirective_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder().directive("Default-Src", "'self'")
        .build()).hasMessageContaining("lower case");
  }

  @Test
  void build_unsafeInlineBesideNonce_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder().scriptNonce()
        .directive("script-src", "'unsafe-inline'").build())
        .hasMessageContaining("allowUnsafeInlineFallback()");
  }

  @Test
  void build_unsafeInlineBesideNonce_whenAskedFor_isAccepted() {
    ContentSecurityPolicy csp = ContentSecurityPolicy.builder().scriptNonce()
        .directive("script-src", "'unsafe-inline'").allowUnsafeInlineFallback().build();

    assertThat(csp.render("N")).isEqualTo("script-src 'nonce-N' 'strict-dynamic' 'unsafe-inline'");
  }

  @Test
  void build_inexactKeyword_isRefusedNamingTheDirective() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder().directive("default-src", "'Self'")
        .build()).hasMessageContaining("default-src").hasMessageContaining("'Self'");
  }

  @Test
  void build_sourceListWithoutSources_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder().directive("img-src").build())
        .hasMessageContaining("none(\"img-src\")");
  }

  @Test
  void build_noneWithNonce_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder().none("script-src").scriptNonce()
        .build()).hasMessageContaining("'none' but also asked for a nonce");
  }

  @Test
  void build_noneWithOtherSources_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder()
        .directive("object-src", "'none'", "'self'").build()).hasMessageContaining("none()");
  }

  @Test
  void build_frameAncestorsKeyword_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder()
        .directive("frame-ancestors", "'unsafe-inline'").build())
        .hasMessageContaining("frame-ancestors accepts only");
  }

  @Test
  void build_flagWithValue_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder()
        .directive("upgrade-insecure-requests", "https:").build())
        .hasMessageContaining("takes no value");
  }

  @Test
  void build_unknownSandboxToken_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder().directive("sandbox", "allow-nope")
        .build()).hasMessageContaining("unknown token 'allow-nope'");
  }

  @Test
  void build_sandboxTokens_areRendered() {
    assertThat(ContentSecurityPolicy.builder().directive("sandbox", "allow-forms").build()
        .render("")).isEqualTo("sandbox allow-forms");
  }

  @Test
  void build_trustedTypesOtherThanScript_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder()
        .directive("require-trusted-types-for", "'style'").build())
        .hasMessageContaining("exactly 'script'");
  }

  @Test
  void build_reportToAsDirective_isRefusedPointingToReportTo() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder().directive("report-uri", "/r")
        .build()).hasMessageContaining("reportTo(endpoint)");
  }

  @Test
  void build_reportToNotAToken_isRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.builder().directive("default-src", "'self'")
        .reportTo("a b").build()).hasMessageContaining("endpoint name");
  }

  @Test
  void toBuilder_roundTrips() {
    ContentSecurityPolicy csp = SecurityHeadersPolicies.nonceCsp();

    assertThat(csp.toBuilder().build().template()).isEqualTo(csp.template());
    assertThat(csp.toString()).contains("{nonce}");
  }
}
