package dev.bulwark.headers.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.headers.ContentSecurityPolicy;
import dev.bulwark.headers.SecurityHeadersEngine;
import dev.bulwark.headers.SecurityHeadersPolicies;
import dev.bulwark.headers.SecurityHeadersPolicy;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of {@code docs/headers.md}, compiled from outside the package so the guide
 * cannot drift from the public API.
 */
class HeadersGuideExamplesTest {

  @Test
  void quickStart_policy_builds() {
    SecurityHeadersPolicy policy = SecurityHeadersPolicies.recommended().toBuilder()
        .noStore("/account/*", "/login")
        .clearSiteData("/logout")
        .build();

    assertThat(policy.headers()).containsEntry("Referrer-Policy", "no-referrer");
  }

  @Test
  void buildingYourOwn_csp_rendersWithNonceAndReportTo() {
    ContentSecurityPolicy csp = ContentSecurityPolicy.builder()
        .directive("default-src", "'self'")
        .none("object-src")
        .directive("img-src", "'self'", "https://images.example.com", "data:")
        .scriptNonce()
        .reportTo("csp")
        .build();
    SecurityHeadersPolicy policy = SecurityHeadersPolicies.recommended().toBuilder()
        .contentSecurityPolicy(csp)
        .reportingEndpoint("csp", "https://reports.example.com/csp")
        .build();

    assertThat(csp.template()).isEqualTo("default-src 'self'; object-src 'none'; img-src 'self'"
        + " https://images.example.com data:; script-src 'nonce-{nonce}' 'strict-dynamic';"
        + " report-to csp");
    assertThat(policy.headers()).containsEntry(
        "Reporting-Endpoints", "csp=\"https://reports.example.com/csp\"");
    assertThat(SecurityHeadersEngine.of(policy, new SecureRandom()).decide("/").nonce())
        .hasSize(24);
  }
}
