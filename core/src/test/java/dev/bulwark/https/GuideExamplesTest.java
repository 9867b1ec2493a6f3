package dev.bulwark.https;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.fetchmetadata.FetchMetadataDecision;
import dev.bulwark.fetchmetadata.FetchMetadataEngine;
import dev.bulwark.fetchmetadata.FetchMetadataPolicy;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.http.WebRequest;
import org.junit.jupiter.api.Test;

/** The policy snippets of docs/https.md and docs/csrf.md, compiled and run. */
class GuideExamplesTest {

  private final TrustedProxies trustedProxies = TrustedProxies.builder().trust("10.0.0.0/8")
      .build();

  @Test
  void httpsGuide_quickStart_redirectsAndExcludes() {
    HttpsPolicy https = HttpsPolicy.builder()
        .allowHosts("example.com", "www.example.com")
        .excludePaths("/healthz", "/.well-known/acme-challenge/*")
        .build();
    HttpsEngine engine = HttpsEngine.of(https, ClientResolver.of(trustedProxies));

    assertThat(engine.decide(WebRequest.http().target("/a", "b=c")).location())
        .isEqualTo("https://example.com/a?b=c");
    assertThat(engine.decide(WebRequest.http().target("/healthz", null)).kind())
        .isEqualTo(RedirectDecision.Kind.EXCLUDED);
  }

  @Test
  void csrfGuide_quickStart_acceptsWebhooksAndRefusesCrossSite() {
    FetchMetadataPolicy csrf = FetchMetadataPolicy.builder()
        .allowCrossSitePaths("/webhooks/*", "/oauth/callback")
        .build();
    FetchMetadataEngine engine = FetchMetadataEngine.of(csrf, ClientResolver.of(trustedProxies));

    WebRequest crossSitePost = WebRequest.http().https().method("POST")
        .with("Sec-Fetch-Site", "cross-site");
    assertThat(engine.decide(crossSitePost.target("/webhooks/stripe", null)).kind())
        .isEqualTo(FetchMetadataDecision.Kind.ALLOWED);
    assertThat(engine.decide(crossSitePost.target("/account", null)).status()).isEqualTo(403);
  }
}
