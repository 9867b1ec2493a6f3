package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ratelimit.spi.GcraParams;
import dev.bulwark.ratelimit.spi.GcraResult;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitEngineCloseTest {

  private static final class ClosableStore implements RateLimitStore, AutoCloseable {
    final AtomicInteger closes = new AtomicInteger();
    final LocalRateLimitStore local = LocalRateLimitStore.create(10);

    @Override
    public GcraResult acquire(String key, long cost, GcraParams params, long nowNanos) {
      return local.acquire(key, cost, params, nowNanos);
    }

    @Override
    public GcraResult check(String key, long cost, GcraParams params, long nowNanos) {
      return local.check(key, cost, params, nowNanos);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  private static RateLimitRule rule(String name, RateLimitStore store) {
    return RateLimitRule.builder(RateLimiter.of(RateLimitPolicy.builder().name(name).limit(5)
        .per(Duration.ofMinutes(1)).key(ClientKeys.address()).build(), store)).build();
  }

  @Test
  void closeStores_sharedClosableStore_isClosedOnce() {
    ClosableStore store = new ClosableStore();
    RateLimitEngine engine = RateLimitEngine.builder().rule(rule("a", store))
        .rule(rule("b", store)).rule(rule("c", LocalRateLimitStore.create(10))).build();
    assertThat(engine.closeStores()).isEmpty();
    assertThat(store.closes.get()).isEqualTo(1);
  }
}
