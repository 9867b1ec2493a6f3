package dev.bulwark.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ratelimit.LocalRateLimitStore;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.ratelimit.spi.GcraParams;
import dev.bulwark.ratelimit.spi.GcraResult;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.ratelimit.spi.RateLimitStoreException;
import dev.bulwark.testkit.FakeClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrometerRateLimitListenerTest {

  private final FakeClock clock = FakeClock.create();
  private final MeterRegistry registry = new SimpleMeterRegistry();

  private static RateLimitPolicy.Builder twoPerMinute(String name) {
    return RateLimitPolicy.builder().name(name).limit(2).per(Duration.ofMinutes(1));
  }

  private double count(String meter, String policy, String outcome) {
    Counter counter = registry.find(meter).tags("policy", policy, "outcome", outcome).counter();
    return counter == null ? -1 : counter.count();
  }

  /** A store that is down; with a fallback result it decided locally anyway. */
  private static RateLimitStore down(GcraResult fallback) {
    return new RateLimitStore() {
      @Override
      public GcraResult acquire(String key, long cost, GcraParams params, long nowNanos) {
        if (fallback == null) {
          throw new RateLimitStoreException("unreachable");
        }
        throw new RateLimitStoreException("unreachable", new IllegalStateException(), fallback);
      }

      @Override
      public GcraResult check(String key, long cost, GcraParams params, long nowNanos) {
        return acquire(key, cost, params, nowNanos);
      }
    };
  }

  @Test
  void decisions_allowedAndLimited_areCountedPerPolicy() {
    MicrometerRateLimitListener listener = MicrometerRateLimitListener.create(registry);
    LocalRateLimitStore store = LocalRateLimitStore.create(100, clock);
    RateLimiter login = RateLimiter.of(twoPerMinute("login").build(), store, clock, listener);
    RateLimiter api = RateLimiter.of(twoPerMinute("api").build(), store, clock, listener);
    for (int i = 0; i < 5; i++) {
      login.tryAcquire("alice");
    }
    api.tryAcquire("alice");

    assertThat(count(MicrometerRateLimitListener.DECISIONS, "login", "allowed")).isEqualTo(2);
    assertThat(count(MicrometerRateLimitListener.DECISIONS, "login", "limited")).isEqualTo(3);
    assertThat(count(MicrometerRateLimitListener.DECISIONS, "api", "allowed")).isEqualTo(1);
    assertThat(count(MicrometerRateLimitListener.DECISIONS, "api", "limited")).isZero();
    assertThat(count(MicrometerRateLimitListener.STORE_ERRORS, "login", "allowed")).isZero();
  }

  @Test
  void storeErrors_failClosedAndFailOpen_areCountedByWhatDecided() {
    MicrometerRateLimitListener listener = MicrometerRateLimitListener.create(registry);
    RateLimiter closed = RateLimiter.of(twoPerMinute("closed").build(), down(null), clock,
        listener);
    RateLimiter open = RateLimiter.of(twoPerMinute("open").failOpen().build(), down(null),
        clock, listener);
    closed.tryAcquire("k");
    open.tryAcquire("k");
    open.tryAcquire("k");

    assertThat(count(MicrometerRateLimitListener.STORE_ERRORS, "closed", "refused"))
        .isEqualTo(1);
    assertThat(count(MicrometerRateLimitListener.STORE_ERRORS, "open", "allowed")).isEqualTo(2);
    assertThat(count(MicrometerRateLimitListener.DECISIONS, "open", "allowed"))
        .as("a store error is not an ordinary decision").isZero();
  }

  @Test
  void storeErrors_decidedByTheStoresLocalFallback_areCounted() {
    MicrometerRateLimitListener listener = MicrometerRateLimitListener.create(registry);
    RateLimiter limiter = RateLimiter.of(twoPerMinute("fb").build(),
        down(new GcraResult(true, 1, 30_000_000_000L, 0)), clock, listener);
    assertThat(limiter.tryAcquire("k").allowed()).isTrue();

    assertThat(count(MicrometerRateLimitListener.STORE_ERRORS, "fb", "allowed")).isEqualTo(1);
    assertThat(count(MicrometerRateLimitListener.DECISIONS, "fb", "allowed")).isZero();
  }

  @Test
  void create_commonTags_areOnEveryMeter() {
    RateLimiter limiter = RateLimiter.of(twoPerMinute("t").build(),
        LocalRateLimitStore.create(10, clock), clock,
        MicrometerRateLimitListener.create(registry, Tags.of("app", "shop")));
    limiter.tryAcquire("k");
    assertThat(registry.find(MicrometerRateLimitListener.DECISIONS)
        .tags("app", "shop", "policy", "t", "outcome", "allowed").counter()).isNotNull();
  }

  @Test
  void create_commonTagNamedLikeTheListenersOwn_isRejectedNamingIt() {
    assertThatThrownBy(() -> MicrometerRateLimitListener.create(registry,
        Tags.of("policy", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'policy'");
  }

  @Test
  void meters_neverCarryTheClientKey() {
    MicrometerRateLimitListener listener = MicrometerRateLimitListener.create(registry);
    RateLimiter limiter = RateLimiter.of(twoPerMinute("k").build(),
        LocalRateLimitStore.create(10, clock), clock, listener);
    for (int i = 0; i < 50; i++) {
      limiter.tryAcquire("client-" + i);
    }
    assertThat(registry.getMeters()).hasSize(4);
    assertThat(registry.getMeters().toString()).doesNotContain("client-");
  }
}
