package dev.bulwark.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeadersEngineTest {

  private static final String NONCE_1 = Base64.getEncoder().encodeToString(
      FixedRandom.run(1, SecurityHeadersEngine.NONCE_BYTES));
  private static final String NONCE_2 = Base64.getEncoder().encodeToString(
      FixedRandom.run(2, SecurityHeadersEngine.NONCE_BYTES));

  @Test
  void decide_recommended_writesEveryPresetHeader() {
    SecurityHeadersEngine engine =
        SecurityHeadersEngine.of(SecurityHeadersPolicies.recommended(), new FixedRandom());
    MapHeaders headers = new MapHeaders();

    SecurityHeadersDecision decision = engine.decide("/");
    decision.applyTo(headers);

    assertThat(decision.nonce()).isNull();
    assertThat(headers.one("Content-Security-Policy")).isEqualTo("default-src 'self';"
        + " base-uri 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self';"
        + " script-src 'self'; script-src-attr 'none'; style-src 'self'; img-src 'self' data:;"
        + " font-src 'self'; upgrade-insecure-requests");
    assertThat(headers.one("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
    assertThat(headers.one("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
    assertThat(headers.one("Origin-Agent-Cluster")).isEqualTo("?1");
    assertThat(headers.one("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(headers.one("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.one("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    assertThat(headers.one("X-DNS-Prefetch-Control")).isEqualTo("off");
    assertThat(headers.one("X-Permitted-Cross-Domain-Policies")).isEqualTo("none");
    assertThat(headers.one("X-XSS-Protection")).isEqualTo("0");
    assertThat(headers.one("Permissions-Policy")).contains("camera=()", "geolocation=()");
    assertThat(headers.all).doesNotContainKeys("Cross-Origin-Embedder-Policy",
        "Strict-Transport-Security", "Cache-Control", "Clear-Site-Data");
    assertThat(decision.suppresses("x-powered-by")).isTrue();
  }

  @Test
  void decide_nonce_isFreshPerRequestAndInTheCsp() {
    FixedRandom random = new FixedRandom();
    SecurityHeadersEngine engine =
        SecurityHeadersEngine.of(SecurityHeadersPolicies.recommendedWithNonce(), random);

    SecurityHeadersDecision first = engine.decide("/");
    SecurityHeadersDecision second = engine.decide("/");
    MapHeaders headers = new MapHeaders();
    second.applyTo(headers);

    assertThat(first.nonce()).isEqualTo(NONCE_1).hasSize(24);
    assertThat(second.nonce()).isEqualTo(NONCE_2);
    assertThat(headers.one("Content-Security-Policy"))
        .contains("script-src 'nonce-" + NONCE_2 + "' 'strict-dynamic'")
        .doesNotContain(NONCE_1);
    assertThat(random.calls()).as("one nextBytes call serves %d nonces", NonceSource.PER_REFILL)
        .isEqualTo(1);
  }

  @Test
  void decide_nonce_refillsAfterABlockAndNeverRepeats() {
    FixedRandom random = new FixedRandom();
    SecurityHeadersEngine engine =
        SecurityHeadersEngine.of(SecurityHeadersPolicies.recommendedWithNonce(), random);
    java.util.Set<String> seen = new java.util.HashSet<>();

    for (int i = 0; i < NonceSource.PER_REFILL + 1; i++) {
      seen.add(java.util.Objects.requireNonNull(engine.decide("/").nonce()));
    }

    assertThat(seen).hasSize(NonceSource.PER_REFILL + 1);
    assertThat(random.calls()).isEqualTo(2);
  }

  @Test
  void decide_withoutNonce_drawsNoRandomness() {
    FixedRandom random = new FixedRandom();
    SecurityHeadersEngine.of(SecurityHeadersPolicies.recommended(), random).decide("/");

    assertThat(random.calls()).isZero();
  }

  @Test
  void writeTo_headerAlreadyPresent_isKept() {
    MapHeaders headers = new MapHeaders();
    headers.set("X-Frame-Options", "DENY");
    headers.set("content-security-policy", "default-src 'none'");

    SecurityHeadersEngine.of(SecurityHeadersPolicies.recommended(), new FixedRandom())
        .decide("/").applyTo(headers);

    assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
    assertThat(headers.get("Content-Security-Policy")).containsExactly("default-src 'none'");
  }

  @Test
  void writeTo_headerAlreadyPresentButOverwritten_isReplaced() {
    MapHeaders headers = new MapHeaders();
    headers.set("X-Frame-Options", "ALLOW-FROM https://evil.example");
    SecurityHeadersPolicy policy = SecurityHeadersPolicies.recommended().toBuilder()
        .overwrite("x-frame-options").build();

    SecurityHeadersEngine.of(policy, new FixedRandom()).decide("/").applyTo(headers);

    assertThat(headers.get("X-Frame-Options")).containsExactly("SAMEORIGIN");
  }

  @Test
  void writeTo_twice_isIdempotent() {
    MapHeaders headers = new MapHeaders();
    SecurityHeadersDecision decision = SecurityHeadersEngine.of(
        SecurityHeadersPolicies.recommendedWithNonce(), new FixedRandom()).decide("/");
    decision.applyTo(headers);
    MapHeaders once = new MapHeaders();
    once.all.putAll(headers.all);

    decision.applyTo(headers);

    assertThat(headers.all).isEqualTo(once.all);
  }

  @Test
  void decide_profiles_addNoStoreAndClearSiteDataOnTheirPathsOnly() {
    SecurityHeadersPolicy policy = SecurityHeadersPolicies.recommended().toBuilder()
        .noStore("/account/*", "/login")
        .clearSiteData("/logout")
        .clearSiteData("/account/forget", "cookies")
        .build();
    SecurityHeadersEngine engine = SecurityHeadersEngine.of(policy, new FixedRandom());

    assertThat(written(engine, "/account/settings").one("Cache-Control")).isEqualTo("no-store");
    assertThat(written(engine, "/account").one("Cache-Control")).isEqualTo("no-store");
    assertThat(written(engine, "/login").one("Cache-Control")).isEqualTo("no-store");
    assertThat(written(engine, "/accounts").get("Cache-Control")).isEmpty();
    assertThat(written(engine, "/login/x").get("Cache-Control")).isEmpty();
    assertThat(written(engine, "/logout").one("Clear-Site-Data"))
        .isEqualTo("\"cache\", \"cookies\", \"storage\"");
    assertThat(written(engine, "/logout").get("Cache-Control")).isEmpty();
    MapHeaders forget = written(engine, "/account/forget");
    assertThat(forget.one("Clear-Site-Data")).isEqualTo("\"cookies\"");
    assertThat(forget.one("Cache-Control")).isEqualTo("no-store");
    assertThat(written(engine, "/").get("Clear-Site-Data")).isEmpty();
  }

  @Test
  void decide_reportingEndpoints_areSentWithTheCsp() {
    SecurityHeadersPolicy policy = SecurityHeadersPolicy.builder()
        .reportingEndpoint("csp", "https://reports.example.com/csp")
        .contentSecurityPolicy(SecurityHeadersPolicies.strictCsp().toBuilder().reportOnly()
            .reportTo("csp").build())
        .build();

    MapHeaders headers = written(SecurityHeadersEngine.of(policy, new FixedRandom()), "/");

    assertThat(headers.one("Reporting-Endpoints"))
        .isEqualTo("csp=\"https://reports.example.com/csp\"");
    assertThat(headers.one("Content-Security-Policy-Report-Only")).endsWith("; report-to csp");
    assertThat(headers.get("Content-Security-Policy")).isEmpty();
  }

  @Test
  void decide_emptyPolicy_writesNothing() {
    MapHeaders headers = written(
        SecurityHeadersEngine.of(SecurityHeadersPolicy.builder().build(), new FixedRandom()), "/");

    assertThat(headers.all).isEmpty();
  }

  @Test
  void decide_concurrentRequests_shareOneEngine() throws Exception {
    SecurityHeadersEngine engine = SecurityHeadersEngine.of(
        SecurityHeadersPolicies.recommendedWithNonce(), new java.security.SecureRandom());
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.Set<String> nonces = java.util.concurrent.ConcurrentHashMap.newKeySet();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 500; i++) {
          SecurityHeadersDecision decision = engine.decide("/");
          MapHeaders headers = new MapHeaders();
          decision.applyTo(headers);
          if (headers.one("Content-Security-Policy").contains(decision.nonce())) {
            nonces.add(decision.nonce());
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(nonces).hasSize(2000);
  }

  private static MapHeaders written(SecurityHeadersEngine engine, String path) {
    MapHeaders headers = new MapHeaders();
    engine.decide(path).applyTo(headers);
    return headers;
  }
}
