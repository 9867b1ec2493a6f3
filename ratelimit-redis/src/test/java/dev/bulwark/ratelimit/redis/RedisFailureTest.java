package dev.bulwark.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.ratelimit.ClientKeys;
import dev.bulwark.ratelimit.LocalRateLimitStore;
import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimitListener;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.testkit.RequiresTool;
import dev.bulwark.testkit.redis.RedisServer;
import dev.bulwark.time.NanoClock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Redis killed mid-run: each failure mode decides as configured, then Redis is used again. */
@RequiresTool("redis-server")
class RedisFailureTest {

  // Generous: on a loaded machine a slow answer must not be taken for a dead Redis.
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private static RateLimitPolicy.Builder policy() {
    return RateLimitPolicy.builder().name("login").limit(3).per(Duration.ofDays(1))
        .key(ClientKeys.address());
  }

  private static final class CountingListener implements RateLimitListener {
    final AtomicInteger errors = new AtomicInteger();

    @Override
    public void onStoreError(RateLimitDecision decision, RuntimeException error) {
      errors.incrementAndGet();
    }
  }

  /** Polls until a decision comes from Redis again, within a bounded deadline. */
  private static RateLimitDecision awaitRecovery(RateLimiter limiter, String key) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    RateLimitDecision decision = limiter.tryAcquire(key);
    while (decision.storeFailed() && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
      decision = limiter.tryAcquire(key);
    }
    return decision;
  }

  @Test
  void failOpen_redisKilled_allowsAndReportsThenRecovers() {
    int port = RedisServer.freePort();
    CountingListener listener = new CountingListener();
    RedisServer server = RedisServer.start(port);
    try (RedisRateLimitStore store = RedisRateLimitStore.builder().uri(server.uri())
        .commandTimeout(TIMEOUT).build()) {
      RateLimiter limiter = RateLimiter.of(policy().failOpen().build(), store,
          NanoClock.system(), listener);
      for (int i = 0; i < 3; i++) {
        assertTrue(limiter.tryAcquire("k").allowed());
      }
      assertFalse(limiter.tryAcquire("k").allowed());
      server.kill();
      for (int i = 0; i < 5; i++) {
        RateLimitDecision decision = limiter.tryAcquire("k");
        assertTrue(decision.allowed(), "fail open allows");
        assertTrue(decision.storeFailed());
      }
      assertEquals(5, listener.errors.get(), "every failure reaches the listener");
      server = RedisServer.start(port);
      RateLimitDecision recovered = awaitRecovery(limiter, "fresh");
      assertFalse(recovered.storeFailed(), "decisions come from Redis again");
      assertTrue(recovered.allowed());
      assertEquals(2, recovered.remaining());
    } finally {
      server.kill();
    }
  }

  @Test
  void failClosed_redisKilled_refusesThenRecovers() {
    int port = RedisServer.freePort();
    RedisServer server = RedisServer.start(port);
    try (RedisRateLimitStore store = RedisRateLimitStore.builder().uri(server.uri())
        .commandTimeout(TIMEOUT).build()) {
      RateLimiter limiter = RateLimiter.of(policy().build(), store);
      assertTrue(limiter.tryAcquire("k").allowed());
      server.kill();
      RateLimitDecision refused = limiter.tryAcquire("k");
      assertFalse(refused.allowed(), "fail closed refuses");
      assertTrue(refused.storeFailed());
      server = RedisServer.start(port);
      RateLimitDecision recovered = awaitRecovery(limiter, "k");
      assertFalse(recovered.storeFailed());
      assertTrue(recovered.allowed(), "a restarted Redis (no persistence) starts empty");
    } finally {
      server.kill();
    }
  }

  @Test
  void fallbackLocal_redisKilled_limitsLocallyThenRecovers() {
    int port = RedisServer.freePort();
    RedisServer server = RedisServer.start(port);
    try (RedisRateLimitStore store = RedisRateLimitStore.builder().uri(server.uri())
        .commandTimeout(TIMEOUT).fallback(LocalRateLimitStore.create(1_000)).build()) {
      CountingListener listener = new CountingListener();
      RateLimiter limiter = RateLimiter.of(policy().build(), store, NanoClock.system(),
          listener);
      assertTrue(limiter.tryAcquire("k").allowed());
      assertEquals(0, listener.errors.get());
      server.kill();
      for (int i = 0; i < 3; i++) {
        RateLimitDecision local = limiter.tryAcquire("k");
        assertTrue(local.allowed(), "the local store starts with the full burst");
        assertFalse(local.storeFailed());
      }
      assertFalse(limiter.tryAcquire("k").allowed(), "the local store enforces the limit");
      assertEquals(4, listener.errors.get(), "every fallback decision reports the store error");
      server = RedisServer.start(port);
      // The local store refuses "k"; the restarted (empty) Redis allows it: poll without charging.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!limiter.check("k", 1).allowed() && System.nanoTime() - deadline < 0) {
        Thread.onSpinWait();
      }
      assertEquals(2, limiter.tryAcquire("k").remaining(),
          "after recovery the key's state is Redis's (empty after restart), not the local one");
    } finally {
      server.kill();
    }
  }
}
