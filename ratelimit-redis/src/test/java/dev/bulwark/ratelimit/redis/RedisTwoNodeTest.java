package dev.bulwark.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bulwark.ratelimit.ClientKeys;
import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.testkit.RequiresTool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> admitted = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          RateLimiter node = nodes.get(t % 2);
          Callable<Integer> caller = () -> {
            start.await();
            int allowed = 0;
            for (int i = 0; i < perThread; i++) {
              RateLimitDecision decision = node.tryAcquire("hot");
              assertFalse(decision.storeFailed(), "Redis must answer every decision");
              if (decision.allowed()) {
                allowed++;
              }
            }
            return allowed;
          };
          admitted.add(pool.submit(caller));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : admitted) {
          total += f.get(60, TimeUnit.SECONDS);
        }
        assertEquals(500, total, "exactly the limit out of " + threads * perThread);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
