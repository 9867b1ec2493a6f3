package dev.bulwark.ratelimit.redis;

import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.testkit.FakeClock;
import dev.bulwark.testkit.ratelimit.RateLimitStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.jspecify.annotations.Nullable;

/**
 * The store contract against a real Redis, standalone or cluster: each test gets a store with a
 * fresh key prefix. The contract advances a fake clock, so the store uses the caller's time here
 * ({@code callerClock}); {@link RedisTwoNodeTest} covers Redis's own {@code TIME}.
 */
abstract class RedisStoreContract extends RateLimitStoreContract {

  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private @Nullable RedisRateLimitStore current;

  /**
   * A builder pointed at the Redis under test.
   *
   * @return the builder
   */
  abstract RedisRateLimitStore.Builder target();

  @Override
  protected RateLimitStore newStore(FakeClock clock) {
    current = target().keyPrefix("contract" + PREFIXES.incrementAndGet() + ":")
        .callerClock(clock).build();
    return current;
  }

  @AfterEach
  void closeStore() {
    RedisRateLimitStore s = current;
    if (s != null) {
      s.close();
    }
  }
}
