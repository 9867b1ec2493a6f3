package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.time.NanoClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitSettingsTest {

  private static RateLimitEngine engine(String... pairs) {
    Map<String, String> settings = new HashMap<>();
    settings.put("limit", "10");
    settings.put("period", "1m");
    for (int i = 0; i < pairs.length; i += 2) {
      settings.put(pairs[i], pairs[i + 1]);
    }
    return RateLimitSettings.of(settings).engine(NanoClock.system(), RateLimitListener.NONE);
  }

  @Test
  void engine_everySetting_isApplied() {
    RateLimitEngine engine = engine("name", "login", "burst", "3", "key", "header:X-Api-Key",
        "ipv6-prefix", "48", "paths", "/login, /api/*", "exclude-paths", "/health",
        "methods", "POST", "cost", "2", "charge-statuses", "401 403", "headers", "ietf+legacy",
        "fail-open", "true", "max-keys", "500", "trusted-proxies", "10.0.0.0/8",
        "forwarded-headers", "forwarded");
    RateLimitRule rule = engine.rules().get(0);
    RateLimitPolicy policy = rule.limiter().policy();
    assertThat(policy.name()).isEqualTo("login");
    assertThat(policy.period()).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.burst()).isEqualTo(3);
    assertThat(policy.failOpen()).isTrue();
    assertThat(policy.key().toString()).isEqualTo("header(X-Api-Key)");
    assertThat(rule.cost()).isEqualTo(2);
    assertThat(rule.chargeOnlyStatuses()).containsExactlyInAnyOrder(401, 403);
    assertThat(engine.toString()).contains("/login").contains("/api/*").contains("/health")
        .contains("POST").contains("IETF_AND_LEGACY");
  }

  @Test
  void engine_compositeKey_joinsParts() {
    assertThat(engine("key", "address+path").rules().get(0).limiter().policy().key()
        .toString()).startsWith("composite[");
  }

  @Test
  void engine_storeWithoutProvider_isRefusedNamingTheModule() {
    assertThatThrownBy(() -> engine("store", "redis://127.0.0.1:6379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'redis'").hasMessageContaining("bulwark-ratelimit-redis");
  }

  @Test
  void engine_storeLocal_usesTheLocalStore() {
    assertThat(engine("store", "local").rules().get(0).limiter().toString())
        .contains("LocalRateLimitStore");
  }

  @Test
  void of_unknownName_isRefusedNamingIt() {
    assertThatThrownBy(() -> RateLimitSettings.of(Map.of("limt", "5")))
        .hasMessageContaining("'limt'").hasMessageContaining("known settings");
  }

  @Test
  void engine_missingLimitOrPeriod_isRefused() {
    assertThatThrownBy(() -> RateLimitSettings.of(Map.of("limit", "5"))
        .engine(NanoClock.system(), RateLimitListener.NONE))
        .hasMessageContaining("limit and period are required");
  }

  @Test
  void engine_nonNumericLimit_isRefusedNamingIt() {
    assertThatThrownBy(() -> engine("limit", "ten")).hasMessageContaining("limit must be a whole");
    assertThatThrownBy(() -> engine("limit", "0")).hasMessageContaining("limit must be at least");
    assertThatThrownBy(() -> engine("max-keys", "1".repeat(13)))
        .hasMessageContaining("max-keys must be a whole");
  }

  @Test
  void engine_badKey_isRefusedListingTheForms() {
    assertThatThrownBy(() -> engine("key", "cookie")).hasMessageContaining("header:NAME");
    assertThatThrownBy(() -> engine("key", "header:")).hasMessageContaining("HTTP token");
  }

  @Test
  void engine_badIpv6Prefix_isRefused() {
    assertThatThrownBy(() -> engine("ipv6-prefix", "129")).hasMessageContaining("ipv6-prefix");
  }

  @Test
  void engine_badHeadersMode_isRefused() {
    assertThatThrownBy(() -> engine("headers", "draft")).hasMessageContaining("ietf+legacy");
  }

  @Test
  void engine_badBoolean_isRefused() {
    assertThatThrownBy(() -> engine("fail-open", "yes")).hasMessageContaining("true or false");
  }

  @Test
  void engine_badStatus_isRefused() {
    assertThatThrownBy(() -> engine("charge-statuses", "600")).hasMessageContaining("100 to 599");
  }

  @Test
  void engine_costAboveBurst_isRefused() {
    assertThatThrownBy(() -> engine("cost", "11")).hasMessageContaining("cost must be 1");
  }

  @Test
  void engine_badPathPattern_isRefused() {
    assertThatThrownBy(() -> engine("paths", "api/*")).hasMessageContaining("must start with /");
    assertThatThrownBy(() -> engine("paths", "/a/*/b")).hasMessageContaining("only end in /*");
  }

  @Test
  void engine_forwardedHeadersWithoutProxies_isRefused() {
    assertThatThrownBy(() -> engine("forwarded-headers", "forwarded"))
        .hasMessageContaining("without trusted-proxies");
    assertThatThrownBy(() -> engine("trusted-proxies", "10.0.0.0/8", "forwarded-headers", "x"))
        .hasMessageContaining("x-forwarded or forwarded");
  }
}
