package dev.bulwark.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.TestRequest;
import dev.bulwark.http.TestResponseHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Engine behaviour beyond the conformance vectors (which run in bulwark-testkit). */
class CorsEngineTest {

  private final CorsEngine engine = CorsEngine.of(CorsPolicy.builder()
      .allowOrigins("https://app.example.com", "https://*.example.com")
      .allowMethods("GET", "PUT").allowHeaders("Content-Type").allowCredentials().build());

  private static TestRequest request(String origin) {
    return TestRequest.from("198.51.100.1").with("Origin", origin);
  }

  @Test
  void exactOrigin_decisionIsSharedAcrossRequests() {
    CorsDecision first = engine.decide(request("https://app.example.com"));
    CorsDecision second = engine.decide(request(new String("https://app.example.com")));
    assertThat(first).isSameAs(second);
    assertThat(first.kind()).isEqualTo(CorsDecision.Kind.ALLOWED);
  }

  @Test
  void rejectedDecisions_areShared_andCarryNoRequestData() {
    CorsDecision a = engine.decide(request("https://evil-one.net"));
    CorsDecision b = engine.decide(request("https://evil-two.net"));
    assertThat(a).isSameAs(b);
    assertThat(a.toString()).doesNotContain("evil");
    assertThat(a.describe()).isEqualTo("CORS request rejected: ORIGIN_NOT_ALLOWED");
  }

  @Test
  void preflight_requestedHeaderMatchingIsCaseInsensitive() {
    CorsDecision d = engine.decide(request("https://app.example.com").method("OPTIONS")
        .with("Access-Control-Request-Method", "PUT")
        .with("Access-Control-Request-Headers", "CONTENT-TYPE"));
    assertThat(d.kind()).isEqualTo(CorsDecision.Kind.PREFLIGHT_ALLOWED);
    assertThat(d.status()).isEqualTo(204);
  }

  @Test
  void preflight_tooManyRequestedHeaders_isMalformed() {
    String names = String.join(",", java.util.Collections.nCopies(65, "content-type"));
    CorsDecision d = engine.decide(request("https://app.example.com").method("OPTIONS")
        .with("Access-Control-Request-Method", "PUT")
        .with("Access-Control-Request-Headers", names));
    assertThat(d.reason()).isEqualTo(CorsDecision.Reason.MALFORMED_PREFLIGHT);
  }

  @Test
  void preflight_duplicateRequestMethodHeaders_isMalformed() {
    CorsDecision d = engine.decide(request("https://app.example.com").method("OPTIONS")
        .with("Access-Control-Request-Method", "PUT")
        .with("Access-Control-Request-Method", "GET"));
    assertThat(d.reason()).isEqualTo(CorsDecision.Reason.MALFORMED_PREFLIGHT);
  }

  @Test
  void rejectedActual_isPassedOnByDefault() {
    CorsDecision d = engine.decide(request("https://evil.net"));
    assertThat(d.answersRequest()).isFalse();
    assertThat(d.status()).isZero();
  }

  @Test
  void writeHeaders_neverOverwritesOtherHeaders_andMergesVary() {
    TestResponseHeaders sink = new TestResponseHeaders();
    sink.set("Vary", "Accept-Encoding");
    sink.set("X-App", "1");
    Map<String, List<String>> written = sink.map;
    engine.decide(request("https://app.example.com")).writeHeaders(sink);
    assertThat(written.get("Vary")).containsExactly("Accept-Encoding", "Origin");
    assertThat(written.get("X-App")).containsExactly("1");
    assertThat(written.get("Access-Control-Allow-Origin")).containsExactly("https://app.example.com");
  }

  @Test
  void sameOrigin_usesTheResolver() {
    CorsEngine behindProxy = CorsEngine.of(CorsPolicy.builder()
        .allowOrigins("https://app.example.com").build(),
        ClientResolver.of(dev.bulwark.http.TrustedProxies.builder().trust("10.0.0.0/8").build()));
    TestRequest req = TestRequest.from("10.0.0.2").with("Origin", "https://api.example.com")
        .with("X-Forwarded-Proto", "https").with("X-Forwarded-Host", "api.example.com");
    assertThat(behindProxy.decide(req).kind()).isEqualTo(CorsDecision.Kind.SAME_ORIGIN);
    assertThat(CorsEngine.of(CorsPolicy.builder().allowOrigins("https://app.example.com").build())
        .decide(req).kind()).isEqualTo(CorsDecision.Kind.REJECTED);
  }
}
