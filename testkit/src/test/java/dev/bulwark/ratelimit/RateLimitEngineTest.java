package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.testkit.FakeClock;
import dev.bulwark.testkit.http.FakeRequest;
import dev.bulwark.testkit.http.FakeResponseHeaders;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RateLimitEngineTest {

  /** draft-ietf-httpapi-ratelimit-headers: a list of sf-string items with integer params. */
  private static final Pattern POLICY_FIELD = Pattern.compile(
      "\"[A-Za-z0-9._-]{1,64}\";q=[0-9]{1,15};w=[0-9]{1,15}"
          + "(, \"[A-Za-z0-9._-]{1,64}\";q=[0-9]{1,15};w=[0-9]{1,15})*");
  private static final Pattern STATE_FIELD = Pattern.compile(
      "\"[A-Za-z0-9._-]{1,64}\";r=[0-9]{1,15};t=[0-9]{1,15}"
          + "(, \"[A-Za-z0-9._-]{1,64}\";r=[0-9]{1,15};t=[0-9]{1,15})*");

  private final FakeClock clock = FakeClock.create();
  private final LocalRateLimitStore store = LocalRateLimitStore.create(1_000, clock);

  private RateLimiter limiter(String name, int limit, RateLimitKey key) {
    return RateLimiter.of(RateLimitPolicy.builder().name(name).limit(limit)
        .per(Duration.ofMinutes(1)).key(key).build(), store, clock, RateLimitListener.NONE);
  }

  private static FakeRequest from(String address, String method, String path) {
    return FakeRequest.request(method, "http://app.example" + path).remoteAddress(address)
        .build();
  }

  @Test
  void admit_twoRules_allMustAllowAndHeadersListBoth() {
    RateLimitEngine engine = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(limiter("api", 10, ClientKeys.address())).build())
        .rule(RateLimitRule.builder(limiter("writes", 2, ClientKeys.address()))
            .methods("POST").build())
        .build();
    for (int i = 0; i < 2; i++) {
      assertThat(engine.admit(from("192.0.2.1", "POST", "/x"), "/x", null).allowed()).isTrue();
    }
    RateLimitOutcome refused = engine.admit(from("192.0.2.1", "POST", "/x"), "/x", null);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(30);
    FakeResponseHeaders headers = new FakeResponseHeaders();
    refused.writeHeaders(headers);
    assertThat(headers.combined("Retry-After")).isEqualTo("30");
    assertThat(headers.combined("RateLimit-Policy"))
        .isEqualTo("\"api\";q=10;w=60, \"writes\";q=2;w=60").matches(POLICY_FIELD);
    assertThat(headers.combined("RateLimit"))
        .isEqualTo("\"api\";r=7;t=18, \"writes\";r=0;t=60").matches(STATE_FIELD);
    assertThat(engine.admit(from("192.0.2.1", "GET", "/x"), "/x", null).allowed())
        .as("GET is not limited by the POST rule").isTrue();
  }

  @Test
  void admit_exemptPath_skipsEveryRule() {
    RateLimitEngine engine = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(limiter("api", 1, ClientKeys.address())).build())
        .exempt("/health")
        .build();
    for (int i = 0; i < 5; i++) {
      RateLimitOutcome outcome = engine.admit(from("192.0.2.1", "GET", "/health"), "/health",
          null);
      assertThat(outcome.allowed()).isTrue();
      assertThat(outcome.decisions()).isEmpty();
    }
  }

  @Test
  void admit_pathPatterns_matchPrefixExtensionAndExact() {
    RateLimitEngine engine = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(limiter("api", 100, ClientKeys.address()))
            .paths("/api/*", "*.json", "/login").build())
        .build();
    for (String path : new String[] {"/api", "/api/", "/api/x/y", "/a.json", "/login"}) {
      assertThat(engine.admit(from("192.0.2.1", "GET", path), path, null).decisions())
          .as(path).hasSize(1);
    }
    for (String path : new String[] {"/apix", "/login/x", "/", "/json"}) {
      assertThat(engine.admit(from("192.0.2.1", "GET", path), path, null).decisions())
          .as(path).isEmpty();
    }
  }

  @Test
  void admit_countOnlyFailures_chargesOnlyChosenStatuses() {
    RateLimitEngine engine = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(limiter("login", 3, ClientKeys.address()))
            .chargeOnlyStatuses(401).build())
        .build();
    for (int i = 0; i < 10; i++) {
      RateLimitOutcome ok = engine.admit(from("192.0.2.1", "POST", "/login"), "/login", null);
      assertThat(ok.allowed()).isTrue();
      engine.complete(ok, 200);
    }
    for (int i = 0; i < 3; i++) {
      RateLimitOutcome failing = engine.admit(from("192.0.2.1", "POST", "/login"), "/login",
          null);
      assertThat(failing.allowed()).as("failure %d", i).isTrue();
      engine.complete(failing, 401);
    }
    RateLimitOutcome blocked = engine.admit(from("192.0.2.1", "POST", "/login"), "/login", null);
    assertThat(blocked.allowed()).isFalse();
    assertThat(blocked.retryAfterSeconds()).isEqualTo(20);
  }

  @Test
  void admit_ipv6_groupsAddressesByTheirSlash64() {
    RateLimitEngine engine = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(limiter("api", 2, ClientKeys.address())).build())
        .build();
    assertThat(engine.admit(from("2001:db8:1:2::1", "GET", "/"), "/", null).allowed()).isTrue();
    assertThat(engine.admit(from("2001:db8:1:2:ffff::9", "GET", "/"), "/", null).allowed())
        .isTrue();
    assertThat(engine.admit(from("2001:db8:1:2:abcd:1:2:3", "GET", "/"), "/", null).allowed())
        .as("another address of the same /64").isFalse();
    assertThat(engine.admit(from("2001:db8:1:3::1", "GET", "/"), "/", null).allowed())
        .as("the next /64").isTrue();
  }

  @Test
  void admit_behindTrustedProxy_keysByTheForwardedClient() {
    RateLimitEngine engine = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(limiter("api", 1, ClientKeys.address())).build())
        .resolver(ClientResolver.of(TrustedProxies.builder().trust("10.0.0.0/8").build()))
        .build();
    FakeRequest a = FakeRequest.get("http://app.example/").remoteAddress("10.0.0.5")
        .header("X-Forwarded-For", "198.51.100.7").build();
    FakeRequest b = FakeRequest.get("http://app.example/").remoteAddress("10.0.0.5")
        .header("X-Forwarded-For", "198.51.100.8").build();
    assertThat(engine.admit(a, "/", null).allowed()).isTrue();
    assertThat(engine.admit(b, "/", null).allowed()).as("a different client").isTrue();
    assertThat(engine.admit(a, "/", null).allowed()).isFalse();
  }

  @Test
  void admit_untrustedPeerSpoofingForwardedFor_isKeyedByThePeer() {
    RateLimitEngine engine = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(limiter("api", 1, ClientKeys.address())).build())
        .build();
    FakeRequest first = FakeRequest.get("http://app.example/").remoteAddress("203.0.113.9")
        .header("X-Forwarded-For", "198.51.100.1").build();
    FakeRequest second = FakeRequest.get("http://app.example/").remoteAddress("203.0.113.9")
        .header("X-Forwarded-For", "198.51.100.2").build();
    assertThat(engine.admit(first, "/", null).allowed()).isTrue();
    assertThat(engine.admit(second, "/", null).allowed()).isFalse();
  }

  @Test
  void headers_legacyMode_addsXRateLimitOfTheTightestPolicy() {
    RateLimitEngine engine = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(limiter("api", 10, ClientKeys.address())).build())
        .headers(HeaderMode.IETF_AND_LEGACY)
        .build();
    FakeResponseHeaders headers = new FakeResponseHeaders();
    engine.admit(from("192.0.2.1", "GET", "/"), "/", null).writeHeaders(headers);
    assertThat(headers.combined("X-RateLimit-Limit")).isEqualTo("10");
    assertThat(headers.combined("X-RateLimit-Remaining")).isEqualTo("9");
    assertThat(headers.combined("X-RateLimit-Reset")).isEqualTo("6");
    assertThat(headers.combined("Retry-After")).isNull();
  }

  @Test
  void headers_noneMode_writesOnlyRetryAfter() {
    RateLimitEngine engine = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(limiter("api", 1, ClientKeys.address())).build())
        .headers(HeaderMode.NONE)
        .build();
    engine.admit(from("192.0.2.1", "GET", "/"), "/", null);
    FakeResponseHeaders headers = new FakeResponseHeaders();
    engine.admit(from("192.0.2.1", "GET", "/"), "/", null).writeHeaders(headers);
    assertThat(headers.all()).containsOnlyKeys("Retry-After");
  }

  @Test
  void build_twoRulesWithOneName_isRefused() {
    RateLimiter one = limiter("api", 1, ClientKeys.address());
    assertThatThrownBy(() -> RateLimitEngine.builder()
        .rule(RateLimitRule.builder(one).build())
        .rule(RateLimitRule.builder(one).paths("/x").build())
        .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'api'");
  }
}
