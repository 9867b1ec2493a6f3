package dev.bulwark.fetchmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.fetchmetadata.FetchMetadataDecision.Basis;
import dev.bulwark.fetchmetadata.FetchMetadataDecision.Kind;
import dev.bulwark.fetchmetadata.FetchMetadataDecision.Reason;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.RecordingHeaders;
import dev.bulwark.http.ResolutionListener;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.http.WebRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FetchMetadataEngine}: the resource isolation policy and the Origin/Referer fallback. */
class FetchMetadataEngineTest {

  private final FetchMetadataEngine strict = FetchMetadataEngine.of(
      FetchMetadataPolicy.builder().build(), ClientResolver.direct());

  private final FetchMetadataEngine lenient = FetchMetadataEngine.of(
      FetchMetadataPolicy.builder().allowSameSite()
          .allowCrossSitePaths("/webhooks/*", "/oauth/callback")
          .allowOrigins("https://partner.example.net").build(),
      ClientResolver.direct());

  private static WebRequest fetch(String method, String site, String mode, String dest) {
    WebRequest r = WebRequest.http().https().method(method);
    if (!site.isEmpty()) {
      r = r.with("Sec-Fetch-Site", site);
    }
    if (!mode.isEmpty()) {
      r = r.with("Sec-Fetch-Mode", mode);
    }
    if (!dest.isEmpty()) {
      r = r.with("Sec-Fetch-Dest", dest);
    }
    return r;
  }

  private static Map<String, String> written(FetchMetadataDecision decision) {
    RecordingHeaders headers = new RecordingHeaders();
    decision.writeHeaders(headers);
    return headers.written();
  }

  /** method, Sec-Fetch-Site, -Mode, -Dest, expected for the strict policy, for the lenient. */
  @ParameterizedTest(name = "{0} site={1} mode={2} dest={3} -> {4}/{5}")
  @CsvSource({
      "GET,  same-origin, cors,        empty,    SAME_ORIGIN,      SAME_ORIGIN",
      "POST, same-origin, cors,        empty,    SAME_ORIGIN,      SAME_ORIGIN",
      "GET,  none,        navigate,    document, USER_INITIATED,   USER_INITIATED",
      "POST, none,        navigate,    document, USER_INITIATED,   USER_INITIATED",
      "GET,  same-site,   cors,        empty,    SAME_SITE,        SAME_SITE",
      "POST, same-site,   no-cors,     empty,    SAME_SITE,        SAME_SITE",
      "GET,  same-site,   navigate,    document, NAVIGATION,       SAME_SITE",
      "GET,  cross-site,  navigate,    document, NAVIGATION,       NAVIGATION",
      "GET,  cross-site,  navigate,    iframe,   NAVIGATION,       NAVIGATION",
      "GET,  cross-site,  navigate,    '',       NAVIGATION,       NAVIGATION",
      "GET,  cross-site,  navigate,    object,   CROSS_SITE,       CROSS_SITE",
      "GET,  cross-site,  navigate,    embed,    CROSS_SITE,       CROSS_SITE",
      "POST, cross-site,  navigate,    document, CROSS_SITE,       CROSS_SITE",
      "HEAD, cross-site,  navigate,    document, CROSS_SITE,       CROSS_SITE",
      "GET,  cross-site,  no-cors,     image,    CROSS_SITE,       CROSS_SITE",
      "GET,  cross-site,  no-cors,     script,   CROSS_SITE,       CROSS_SITE",
      "GET,  cross-site,  cors,        empty,    CROSS_SITE,       CROSS_SITE",
      "POST, cross-site,  no-cors,     empty,    CROSS_SITE,       CROSS_SITE",
      "PUT,  cross-site,  cors,        empty,    CROSS_SITE,       CROSS_SITE",
      "GET,  cross-site,  websocket,   websocket, CROSS_SITE,      CROSS_SITE",
      "GET,  cross-site,  '',          '',       CROSS_SITE,       CROSS_SITE",
      "GET,  CROSS-SITE,  NAVIGATE,    DOCUMENT, NAVIGATION,       NAVIGATION",
      "GET,  Same-Origin, cors,        empty,    SAME_ORIGIN,      SAME_ORIGIN",
      "GET,  bogus,       cors,        empty,    CROSS_SITE,       CROSS_SITE",
      "GET,  bogus,       navigate,    document, NAVIGATION,       NAVIGATION",
      "POST, '',          '',          '',       MISSING_SOURCE,   MISSING_SOURCE",
      "GET,  '',          '',          '',       SAFE_METHOD,      SAFE_METHOD"})
  void matrix(String method, String site, String mode, String dest, String strictOutcome,
      String lenientOutcome) {
    WebRequest request = fetch(method, site, mode, dest);
    assertThat(outcome(strict.decide(request))).isEqualTo(
        strictOutcome.equals("SAME_SITE") ? "SAME_SITE(rejected)" : strictOutcome);
    assertThat(outcome(lenient.decide(request))).isEqualTo(lenientOutcome);
  }

  /** The basis of an allowed decision, or the reason of a rejection. */
  private static String outcome(FetchMetadataDecision d) {
    if (d.kind() == Kind.ALLOWED) {
      return d.basis().name();
    }
    return d.reason() == Reason.SAME_SITE ? "SAME_SITE(rejected)" : d.reason().name();
  }

  @Test
  void strict_sameSite_isRejectedWith403() {
    FetchMetadataDecision d = strict.decide(fetch("POST", "same-site", "cors", "empty"));
    assertThat(d.reason()).isEqualTo(Reason.SAME_SITE);
    assertThat(d.answersRequest()).isTrue();
    assertThat(d.status()).isEqualTo(403);
  }

  @Test
  void twoSecFetchSiteHeaders_areRejected() {
    FetchMetadataDecision d = lenient.decide(fetch("GET", "same-origin", "", "")
        .with("Sec-Fetch-Site", "cross-site"));
    assertThat(d.reason()).isEqualTo(Reason.MALFORMED_FETCH_METADATA);
  }

  @Test
  void twoSecFetchModeHeaders_areNotANavigation() {
    FetchMetadataDecision d = strict.decide(fetch("GET", "cross-site", "navigate", "document")
        .with("Sec-Fetch-Mode", "no-cors"));
    assertThat(d.reason()).isEqualTo(Reason.CROSS_SITE);
  }

  @Test
  void twoSecFetchDestHeaders_areNotANavigation() {
    FetchMetadataDecision d = strict.decide(fetch("GET", "cross-site", "navigate", "document")
        .with("Sec-Fetch-Dest", "embed"));
    assertThat(d.reason()).isEqualTo(Reason.CROSS_SITE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/webhooks", "/webhooks/stripe", "/oauth/callback"})
  void allowedPath_acceptsCrossSitePost(String path) {
    FetchMetadataDecision d = lenient.decide(
        fetch("POST", "cross-site", "no-cors", "empty").target(path, null));
    assertThat(d.basis()).isEqualTo(Basis.ALLOWED_PATH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/webhooks/../account/delete", "/webhooks/%2e%2e/account",
      "/webhooks;/../account", "/oauth/callback/../../account", "/webhooks\\..\\account",
      "//webhooks/x", "/oauth/callbackx", "/OAUTH/callback"})
  void allowedPath_smuggledPath_isRejected(String path) {
    FetchMetadataDecision d = lenient.decide(
        fetch("POST", "cross-site", "no-cors", "empty").target(path, null));
    assertThat(d.reason()).isEqualTo(Reason.CROSS_SITE);
  }

  @Test
  void allowedOrigin_crossSiteCors_isAccepted() {
    FetchMetadataDecision d = lenient.decide(fetch("POST", "cross-site", "cors", "empty")
        .with("Origin", "https://partner.example.net"));
    assertThat(d.basis()).isEqualTo(Basis.ALLOWED_ORIGIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://partner.example.net.evil", "http://partner.example.net",
      "https://partner.example.net:8443", "null", "https://evil.example", "garbage"})
  void otherOrigin_crossSite_isRejected(String origin) {
    FetchMetadataDecision d = lenient.decide(fetch("POST", "cross-site", "cors", "empty")
        .with("Origin", origin));
    assertThat(d.reason()).isEqualTo(Reason.CROSS_SITE);
  }

  @Test
  void allowedOrigin_repeatedOriginHeader_isRejected() {
    FetchMetadataDecision d = lenient.decide(fetch("POST", "cross-site", "cors", "empty")
        .with("Origin", "https://partner.example.net").with("Origin", "https://x.example"));
    assertThat(d.reason()).isEqualTo(Reason.CROSS_SITE);
  }

  // ---- fallback: no Fetch Metadata ----

  private static WebRequest legacy(String method) {
    return WebRequest.http().https().method(method);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "TRACE"})
  void noFetchMetadata_safeMethod_isAccepted(String method) {
    assertThat(strict.decide(legacy(method)).basis()).isEqualTo(Basis.SAFE_METHOD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "get", "PROPFIND"})
  void noFetchMetadata_unsafeMethodWithoutSource_isRejected(String method) {
    FetchMetadataDecision d = strict.decide(legacy(method));
    assertThat(d.reason()).isEqualTo(Reason.MISSING_SOURCE);
    assertThat(d.status()).isEqualTo(403);
  }

  @Test
  void noFetchMetadata_withoutSource_isAcceptedWhenConfigured() {
    FetchMetadataEngine e = FetchMetadataEngine.of(FetchMetadataPolicy.builder()
        .allowRequestsWithoutOriginOrReferer().build(), ClientResolver.direct());
    assertThat(e.decide(legacy("POST")).basis()).isEqualTo(Basis.NO_SOURCE_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com", "HTTPS://EXAMPLE.COM", "https://example.com:443"})
  void noFetchMetadata_sameOrigin_isAccepted(String origin) {
    assertThat(strict.decide(legacy("POST").with("Origin", origin)).basis())
        .isEqualTo(Basis.SAME_ORIGIN_SOURCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com", "https://example.com:8443",
      "https://evil.example", "https://sub.example.com", "https://example.com.evil.example"})
  void noFetchMetadata_crossOrigin_isRejected(String origin) {
    assertThat(strict.decide(legacy("POST").with("Origin", origin)).reason())
        .isEqualTo(Reason.CROSS_ORIGIN_SOURCE);
  }

  @Test
  void noFetchMetadata_nullOrigin_isRejected() {
    assertThat(strict.decide(legacy("POST").with("Origin", "null")).reason())
        .isEqualTo(Reason.NULL_ORIGIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/", "example.com", "https://user@example.com",
      "https://example.com https://evil.example", ""})
  void noFetchMetadata_malformedOrigin_isRejected(String origin) {
    assertThat(strict.decide(legacy("POST").with("Origin", origin)).reason())
        .isEqualTo(Reason.MALFORMED_SOURCE);
  }

  @Test
  void noFetchMetadata_twoOrigins_isRejected() {
    assertThat(strict.decide(legacy("POST").with("Origin", "https://example.com")
        .with("Origin", "https://example.com")).reason()).isEqualTo(Reason.MALFORMED_SOURCE);
  }

  @Test
  void noFetchMetadata_crossOriginWithSameOriginReferer_originWins() {
    assertThat(strict.decide(legacy("POST").with("Origin", "https://evil.example")
        .with("Referer", "https://example.com/form")).reason())
        .isEqualTo(Reason.CROSS_ORIGIN_SOURCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/form?x=1", "https://example.com",
      "https://example.com?x", "https://example.com#f", "https://EXAMPLE.com:443/a"})
  void noFetchMetadata_sameOriginReferer_isAccepted(String referer) {
    assertThat(strict.decide(legacy("POST").with("Referer", referer)).basis())
        .isEqualTo(Basis.SAME_ORIGIN_SOURCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example/https://example.com/",
      "https://example.com.evil.example/", "http://example.com/form"})
  void noFetchMetadata_crossOriginReferer_isRejected(String referer) {
    assertThat(strict.decide(legacy("POST").with("Referer", referer)).reason())
        .isEqualTo(Reason.CROSS_ORIGIN_SOURCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/relative", "about:blank", "https://user:pw@example.com/",
      "https://", "://example.com", "https://exa mple.com/", "https://example.com:99999/"})
  void noFetchMetadata_malformedReferer_isRejected(String referer) {
    assertThat(strict.decide(legacy("POST").with("Referer", referer)).reason())
        .isEqualTo(Reason.MALFORMED_SOURCE);
  }

  @Test
  void noFetchMetadata_twoReferers_isRejected() {
    assertThat(strict.decide(legacy("POST").with("Referer", "https://example.com/")
        .with("Referer", "https://example.com/")).reason()).isEqualTo(Reason.MALFORMED_SOURCE);
  }

  @Test
  void noFetchMetadata_allowListedReferer_isAccepted() {
    assertThat(lenient.decide(legacy("POST").with("Referer", "https://partner.example.net/x"))
        .basis()).isEqualTo(Basis.ALLOWED_ORIGIN);
  }

  @Test
  void noFetchMetadata_ownOriginBehindTrustedProxy_isResolved() {
    FetchMetadataEngine e = FetchMetadataEngine.of(FetchMetadataPolicy.builder().build(),
        ClientResolver.of(TrustedProxies.builder().trust("10.0.0.0/8").build(),
            ResolutionListener.silent()));
    WebRequest behind = WebRequest.http().host("backend.internal:8080").method("POST")
        .from("10.0.0.5").with("X-Forwarded-Proto", "https")
        .with("X-Forwarded-Host", "example.com").with("Origin", "https://example.com");
    assertThat(e.decide(behind).basis()).isEqualTo(Basis.SAME_ORIGIN_SOURCE);
    // The same headers from an untrusted peer mean nothing: the own origin stays internal.
    assertThat(e.decide(behind.from("198.51.100.7")).reason())
        .isEqualTo(Reason.CROSS_ORIGIN_SOURCE);
  }

  // ---- report-only, Vary, sharing ----

  @Test
  void reportOnly_rejection_isReportedNotAnswered() {
    FetchMetadataEngine e = FetchMetadataEngine.of(
        FetchMetadataPolicy.builder().reportOnly().build(), ClientResolver.direct());
    FetchMetadataDecision d = e.decide(fetch("POST", "cross-site", "no-cors", "empty"));
    assertThat(d.kind()).isEqualTo(Kind.REJECTED);
    assertThat(d.answersRequest()).isFalse();
    assertThat(d.isReported()).isTrue();
    assertThat(d.status()).isZero();
    assertThat(e.decide(fetch("GET", "same-origin", "", "")).isReported()).isFalse();
  }

  @Test
  void enforced_rejection_isNotReported() {
    FetchMetadataDecision d = strict.decide(fetch("POST", "cross-site", "no-cors", "empty"));
    assertThat(d.isReported()).isFalse();
    assertThat(d.answersRequest()).isTrue();
  }

  @Test
  void cacheableRequest_variesOnFetchMetadata() {
    assertThat(written(strict.decide(fetch("GET", "same-origin", "cors", "empty"))))
        .containsExactly(Map.entry("Vary", "Sec-Fetch-Site, Sec-Fetch-Mode, Sec-Fetch-Dest"));
    assertThat(written(strict.decide(legacy("GET"))))
        .containsEntry("Vary", "Sec-Fetch-Site, Sec-Fetch-Mode, Sec-Fetch-Dest");
  }

  @Test
  void cacheableRequest_withAllowedOrigins_alsoVariesOnOrigin() {
    assertThat(written(lenient.decide(fetch("GET", "cross-site", "cors", "empty"))))
        .containsEntry("Vary", "Sec-Fetch-Site, Sec-Fetch-Mode, Sec-Fetch-Dest, Origin");
  }

  @Test
  void unsafeRequestAndAllowedPath_doNotVary() {
    assertThat(written(strict.decide(fetch("POST", "same-origin", "cors", "empty")))).isEmpty();
    assertThat(written(lenient.decide(fetch("GET", "cross-site", "cors", "empty")
        .target("/webhooks/x", null)))).isEmpty();
  }

  @Test
  void decisions_areSharedAndCarryNoRequestData() {
    FetchMetadataDecision a = strict.decide(legacy("POST").with("Origin", "https://evil-a.example"));
    FetchMetadataDecision b = strict.decide(legacy("POST").with("Origin", "https://evil-b.example"));
    assertThat(a).isSameAs(b);
    assertThat(a.toString() + a.describe()).doesNotContain("evil");
    assertThat(a.describe()).isEqualTo("Fetch Metadata rejected: CROSS_ORIGIN_SOURCE");
  }

  @Test
  void refererOrigin_extractsSchemeHostPort() {
    assertThat(FetchMetadataEngine.refererOrigin("https://a.example:8443/p?q#f"))
        .hasToString("https://a.example:8443");
    List<String> rejected = new ArrayList<>();
    for (String bad : List.of("", "https:/a.example", "a.example/x", "https://a.example\\x")) {
      if (FetchMetadataEngine.refererOrigin(bad) != null) {
        rejected.add(bad);
      }
    }
    assertThat(rejected).isEmpty();
  }
}
