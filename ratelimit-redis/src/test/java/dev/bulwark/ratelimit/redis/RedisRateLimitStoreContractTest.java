package dev.bulwark.ratelimit.redis;

import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.testkit.FakeClock;
import dev.bulwark.testkit.RequiresTool;
import dev.bulwark.testkit.ratelimit.RateLimitStoreContract;
import dev.bulwark.testkit.ratelimit.RedisServer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.jspecify.annotations.Nullable;

/**
 * The store contract against a real redis-server. The contract advances a fake clock, so the
 * store uses the caller's time here ({@code callerClock}); {@link RedisTwoNodeTest} covers
 * Redis's own {@code TIME}.
 */
@RequiresTool("redis-server")
class RedisRateLimitStoreContractTest extends RateLimitStoreContract {

  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static @Nullable RedisServer server;
  private @Nullable RedisRateLimitStore current;

  @BeforeAll
  static void startServer() {
    server = RedisServer.start();
  }

  @Override
  protected RateLimitStore newStore(FakeClock clock) {
    RedisServer s = Objects.requireNonNull(server, "server");
    current = RedisRateLimitStore.builder().uri(s.uri())
        .keyPrefix("contract" + PREFIXES.incrementAndGet() + ":").callerClock(clock).build();
    return current;
  }

  @AfterEach
  void closeStore() {
    RedisRateLimitStore s = current;
    if (s != null) {
      s.close();
    }
  }

  @AfterAll
  static void stopServer() {
    RedisServer s = server;
    if (s != null) {
      s.kill();
      server = null;
    }
  }
}
