package dev.bulwark.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bulwark.ratelimit.ClientKeys;
import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.testkit.RequiresTool;
import dev.bulwark.testkit.ratelimit.ConcurrentAttempts;
import dev.bulwark.testkit.ratelimit.RedisServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two independent limiters (two clients, as on two nodes) sharing one Redis, Redis time. */
@RequiresTool("redis-server")
class RedisTwoNodeTest {

  @Test
  void twoNodes_concurrentLoadOnOneKey_admitExactlyTheLimit() throws Exception {
    RateLimitPolicy policy = RateLimitPolicy.builder().name("api").limit(500)
        .per(Duration.ofDays(1)).key(ClientKeys.address()).build();
    try (RedisServer server = RedisServer.start();
        RedisRateLimitStore a = RedisRateLimitStore.builder().uri(server.uri()).build();
        RedisRateLimitStore b = RedisRateLimitStore.builder().uri(server.uri()).build()) {
      List<RateLimiter> nodes = List.of(RateLimiter.of(policy, a), RateLimiter.of(policy, b));
      int threads = 8;
      int perThread = 250;
      int total = ConcurrentAttempts.countAdmitted(threads, perThread, thread -> {
        RateLimitDecision decision = nodes.get(thread % 2).tryAcquire("hot");
        assertFalse(decision.storeFailed(), "Redis must answer every decision");
        return decision.allowed();
      });
      assertEquals(500, total, "exactly the limit out of " + threads * perThread);
    }
  }
}
