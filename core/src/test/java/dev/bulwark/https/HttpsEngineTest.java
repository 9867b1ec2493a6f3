package dev.bulwark.https;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.RecordingHeaders;
import dev.bulwark.http.ResolutionListener;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.http.WebRequest;
import dev.bulwark.https.RedirectDecision.Kind;
import dev.bulwark.https.RedirectDecision.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HttpsEngine}: redirects, HSTS, host allow-list, proxies, exclusions, encoding. */
class HttpsEngineTest {

  private static final ClientResolver BEHIND_PROXY = ClientResolver.of(
      TrustedProxies.builder().trust("10.0.0.0/8").build(), ResolutionListener.silent());

  private final HttpsEngine engine = HttpsEngine.of(HttpsPolicy.builder()
      .allowHosts("example.com", "www.example.com", "[2001:db8::1]")
      .mapPort(8080, 8443)
      .excludePaths("/healthz", "/.well-known/acme-challenge/*")
      .build(), ClientResolver.direct());

  private final HttpsEngine proxied = HttpsEngine.of(
      HttpsPolicy.builder().allowHosts("example.com").build(), BEHIND_PROXY);

  /** A header sink that records what the decision wrote. */
  private static Map<String, String> written(RedirectDecision decision) {
    RecordingHeaders headers = new RecordingHeaders();
    decision.writeHeaders(headers);
    return headers.written();
  }

  @Test
  void plainGet_isRedirectedWith308ToAllowedHost() {
    RedirectDecision d = engine.decide(WebRequest.http().target("/a/b", "x=1&y=2"));
    assertThat(d.kind()).isEqualTo(Kind.REDIRECT);
    assertThat(d.status()).isEqualTo(308);
    assertThat(d.answersRequest()).isTrue();
    assertThat(d.location()).isEqualTo("https://example.com/a/b?x=1&y=2");
    assertThat(written(d)).containsExactly(Map.entry("Location", "https://example.com/a/b?x=1&y=2"));
  }

  @Test
  void plainRequest_emptyPath_redirectsToRoot() {
    assertThat(engine.decide(WebRequest.http().target("", null)).location())
        .isEqualTo("https://example.com/");
  }

  @Test
  void plainRequest_hostInUpperCase_locationUsesPolicyHost() {
    RedirectDecision d = engine.decide(WebRequest.http().host("WWW.Example.COM"));
    assertThat(d.location()).isEqualTo("https://www.example.com/");
  }

  @Test
  void plainRequest_ipv6Host_isRedirectedWithBrackets() {
    assertThat(engine.decide(WebRequest.http().host("[2001:DB8::1]")).location())
        .isEqualTo("https://[2001:db8::1]/");
  }

  @Test
  void status301_appliesToGetAndHeadOnly() {
    HttpsEngine e = HttpsEngine.of(
        HttpsPolicy.builder().allowHosts("example.com").status(301).build(),
        ClientResolver.direct());
    assertThat(e.decide(WebRequest.http()).status()).isEqualTo(301);
    assertThat(e.decide(WebRequest.http().method("HEAD")).status()).isEqualTo(301);
    assertThat(e.decide(WebRequest.http().method("POST")).status()).isEqualTo(308);
    assertThat(e.decide(WebRequest.http().method("DELETE")).status()).isEqualTo(308);
  }

  @Test
  void status307_isKeptForEveryMethod() {
    HttpsEngine e = HttpsEngine.of(
        HttpsPolicy.builder().allowHosts("example.com").status(307).build(),
        ClientResolver.direct());
    assertThat(e.decide(WebRequest.http()).status()).isEqualTo(307);
    assertThat(e.decide(WebRequest.http().method("POST")).status()).isEqualTo(307);
  }

  @Test
  void plainPost_defaultPolicy_keepsMethodWith308() {
    assertThat(engine.decide(WebRequest.http().method("POST")).status()).isEqualTo(308);
  }

  @ParameterizedTest
  @CsvSource({"example.com:8080, https://example.com:8443/", "example.com:80, https://example.com/",
      "example.com:9000, https://example.com/"})
  void portMap_mapsPlainPortToHttpsPort(String host, String location) {
    assertThat(engine.decide(WebRequest.http().host(host)).location()).isEqualTo(location);
  }

  @Test
  void unmappedPort_goesToConfiguredHttpsPort() {
    HttpsEngine e = HttpsEngine.of(
        HttpsPolicy.builder().allowHosts("example.com").httpsPort(8443).build(),
        ClientResolver.direct());
    assertThat(e.decide(WebRequest.http().host("example.com:9000")).location())
        .isEqualTo("https://example.com:8443/");
    assertThat(e.decide(WebRequest.http()).location()).isEqualTo("https://example.com/");
  }

  @Test
  void secureRequest_getsHstsAndPassesOn() {
    RedirectDecision d = engine.decide(WebRequest.http().https());
    assertThat(d.kind()).isEqualTo(Kind.SECURE);
    assertThat(d.answersRequest()).isFalse();
    assertThat(d.status()).isZero();
    assertThat(written(d)).containsExactly(
        Map.entry("Strict-Transport-Security", "max-age=31536000; includeSubDomains"));
  }

  @Test
  void secureRequest_decisionIsShared() {
    assertThat(engine.decide(WebRequest.http().https()))
        .isSameAs(engine.decide(WebRequest.http().https().target("/x", null)));
  }

  @Test
  void plainRequest_neverGetsHsts() {
    assertThat(written(engine.decide(WebRequest.http()))).doesNotContainKey(
        "Strict-Transport-Security");
    assertThat(written(engine.decide(WebRequest.http().target("/healthz", null)))).isEmpty();
    assertThat(written(engine.decide(WebRequest.http().host("evil.example")))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example", "example.com.evil.example", "evilexample.com",
      "sub.example.com", "127.0.0.1", "[::1]"})
  void hostNotAllowed_isRejectedWith400(String host) {
    RedirectDecision d = engine.decide(WebRequest.http().host(host));
    assertThat(d.kind()).isEqualTo(Kind.REJECTED);
    assertThat(d.reason()).isEqualTo(Reason.HOST_NOT_ALLOWED);
    assertThat(d.status()).isEqualTo(400);
    assertThat(d.location()).isNull();
    assertThat(d.describe()).doesNotContain(host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com\r\nSet-Cookie: x=1", "user@example.com",
      "evil.example@example.com", "example.com/evil", "example.com:99999", "example.com.",
      "exa_mple.com", "", "example.com\\@evil.example"})
  void malformedHost_isRejectedWith400(String host) {
    RedirectDecision d = engine.decide(WebRequest.http().with("Host", "x").host(host));
    assertThat(d.reason()).isEqualTo(Reason.MALFORMED_HOST);
    assertThat(d.status()).isEqualTo(400);
  }

  @Test
  void containerPortOutOfRange_isRejectedNotThrown() {
    // Tomcat reports "Host: example.com:99999" as server port 99999.
    WebRequest request = new WebRequest("GET", "http", "example.com", 99999, "/", null,
        List.<String[]>of(new String[] {"Host", "example.com:99999"}), "198.51.100.7");
    assertThat(engine.decide(request).reason()).isEqualTo(Reason.MALFORMED_HOST);
    assertThat(proxied.decide(request.from("10.0.0.5").with("X-Forwarded-For", "203.0.113.1"))
        .reason()).isEqualTo(Reason.MALFORMED_HOST);
  }

  @Test
  void twoHostHeaders_areRejected() {
    RedirectDecision d = engine.decide(WebRequest.http().with("Host", "evil.example"));
    assertThat(d.reason()).isEqualTo(Reason.MALFORMED_HOST);
  }

  @Test
  void excludedPath_passesOnPlainHttpWithoutHsts() {
    RedirectDecision d = engine.decide(
        WebRequest.http().target("/.well-known/acme-challenge/abc-123", null));
    assertThat(d.kind()).isEqualTo(Kind.EXCLUDED);
    assertThat(d.answersRequest()).isFalse();
  }

  @Test
  void excludedPath_withForeignHost_stillPasses() {
    // Load balancers probe health checks by IP address.
    assertThat(engine.decide(WebRequest.http().host("10.1.2.3").target("/healthz", null)).kind())
        .isEqualTo(Kind.EXCLUDED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/healthz/../admin", "/healthz;/../admin", "/healthz%2f..%2fadmin",
      "/.well-known/acme-challenge/../../admin", "/.well-known/acme-challenge/%2e%2e/admin",
      "//healthz", "/healthz\\..\\admin"})
  void excludedPrefix_smuggledPath_isRedirectedNotExcluded(String path) {
    RedirectDecision d = engine.decide(WebRequest.http().target(path, null));
    assertThat(d.kind()).isEqualTo(Kind.REDIRECT);
    assertThat(d.location()).startsWith("https://example.com/");
  }

  @Test
  void untrustedPeer_forwardedProtoHttps_meansNothing() {
    RedirectDecision d = proxied.decide(WebRequest.http().from("198.51.100.7")
        .with("X-Forwarded-Proto", "https"));
    assertThat(d.kind()).isEqualTo(Kind.REDIRECT);
  }

  @Test
  void trustedProxy_forwardedProtoHttps_isSecure() {
    RedirectDecision d = proxied.decide(WebRequest.http().from("10.0.0.5")
        .with("X-Forwarded-For", "203.0.113.9").with("X-Forwarded-Proto", "https"));
    assertThat(d.kind()).isEqualTo(Kind.SECURE);
    assertThat(written(d)).containsKey("Strict-Transport-Security");
  }

  @Test
  void trustedProxy_forwardedProtoHttp_isRedirected() {
    RedirectDecision d = proxied.decide(WebRequest.http().from("10.0.0.5")
        .with("X-Forwarded-Proto", "http"));
    assertThat(d.location()).isEqualTo("https://example.com/");
  }

  @Test
  void secureConnection_untrustedForwardedProtoHttp_isStillSecure() {
    RedirectDecision d = proxied.decide(WebRequest.http().https().from("198.51.100.7")
        .with("X-Forwarded-Proto", "http"));
    assertThat(d.kind()).isEqualTo(Kind.SECURE);
  }

  @Test
  void trustedProxy_forwardedHostNotAllowed_isRejected() {
    RedirectDecision d = proxied.decide(WebRequest.http().from("10.0.0.5")
        .with("X-Forwarded-Proto", "http").with("X-Forwarded-Host", "evil.example"));
    assertThat(d.reason()).isEqualTo(Reason.HOST_NOT_ALLOWED);
  }

  @Test
  void trustedProxy_forwardedHostAllowed_isUsedOverInternalHost() {
    RedirectDecision d = proxied.decide(WebRequest.http().host("backend.internal:8080")
        .from("10.0.0.5").with("X-Forwarded-Proto", "http")
        .with("X-Forwarded-Host", "example.com"));
    assertThat(d.location()).isEqualTo("https://example.com/");
  }

  @Test
  void untrustedPeer_forwardedHost_isIgnored() {
    RedirectDecision d = proxied.decide(WebRequest.http().from("198.51.100.7")
        .with("X-Forwarded-Host", "evil.example"));
    assertThat(d.location()).isEqualTo("https://example.com/");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/a b|https://example.com/a%20b",
      "//evil.example/x|https://example.com//evil.example/x",
      "/\\evil.example|https://example.com/%5Cevil.example",
      "/%2F%2Fevil|https://example.com/%2F%2Fevil",
      "/100%|https://example.com/100%25",
      "/%zz|https://example.com/%25zz",
      "/a\"<b>|https://example.com/a%22%3Cb%3E",
      "/a#frag|https://example.com/a%23frag",
      "/caf\u00e9|https://example.com/caf%E9",
      "/\u20ac|https://example.com/%E2%82%AC",
      "/\uD83D\uDE00|https://example.com/%F0%9F%98%80",
      "/\uD83D|https://example.com/%3F",
      "/a;b=c/d|https://example.com/a;b=c/d",
      "/~user/x.y-z_|https://example.com/~user/x.y-z_"})
  void location_pathIsReEncodedSafely(String path, String expected) {
    assertThat(engine.decide(WebRequest.http().target(path, null)).location()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a=1&b=2|https://example.com/p?a=1&b=2",
      "next=/x?y|https://example.com/p?next=/x?y",
      "q=%41%4|https://example.com/p?q=%41%254",
      "q=#x|https://example.com/p?q=%23x"})
  void location_queryIsReEncodedSafely(String query, String expected) {
    assertThat(engine.decide(WebRequest.http().target("/p", query)).location())
        .isEqualTo(expected);
  }

  @Test
  void location_crlfInPathAndQuery_isPercentEncoded() {
    assertThat(engine.decide(WebRequest.http().target("/a\r\nSet-Cookie: x", "q=a b\r\n"))
        .location()).isEqualTo("https://example.com/a%0D%0ASet-Cookie:%20x?q=a%20b%0D%0A");
  }

  @Test
  void location_emptyQuery_isKept() {
    assertThat(engine.decide(WebRequest.http().target("/p", "")).location())
        .isEqualTo("https://example.com/p?");
  }

  @Test
  void target_notStartingWithSlash_isRejected() {
    RedirectDecision d = engine.decide(WebRequest.http().target("http://evil.example/", null));
    assertThat(d.reason()).isEqualTo(Reason.MALFORMED_TARGET);
    assertThat(d.status()).isEqualTo(400);
  }

  @Test
  void target_tooLong_isRejected() {
    RedirectDecision d = engine.decide(
        WebRequest.http().target("/" + "a".repeat(RedirectTarget.MAX_LENGTH), null));
    assertThat(d.reason()).isEqualTo(Reason.MALFORMED_TARGET);
  }

  @Test
  void target_longestAllowed_isRedirected() {
    String path = "/" + "a".repeat(RedirectTarget.MAX_LENGTH - 1);
    assertThat(engine.decide(WebRequest.http().target(path, null)).location())
        .isEqualTo("https://example.com" + path);
  }

  @Test
  void location_everyCharacter_isSafeForAHeader() {
    List<String> bad = new ArrayList<>();
    for (char c = 0; c < 0x3000; c++) {
      String location = engine.decide(WebRequest.http().target("/" + c, "" + c)).location();
      if (location == null || !location.startsWith("https://example.com/")
          || !location.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f && ch != '\\' && ch != '#')) {
        bad.add(Integer.toHexString(c));
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void rejectedDecisions_areSharedAndCarryNoRequestData() {
    RedirectDecision a = engine.decide(WebRequest.http().host("evil-one.example"));
    RedirectDecision b = engine.decide(WebRequest.http().host("evil-two.example"));
    assertThat(a).isSameAs(b);
    assertThat(a.toString()).doesNotContain("evil");
    assertThat(a.describe()).isEqualTo("HTTPS redirect rejected: HOST_NOT_ALLOWED");
  }
}
