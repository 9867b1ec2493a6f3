package dev.bulwark.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimitEngine;
import dev.bulwark.ratelimit.RateLimitListener;
import dev.bulwark.ratelimit.RateLimitSettings;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.testkit.RequiresTool;
import dev.bulwark.testkit.redis.RedisCluster;
import dev.bulwark.testkit.redis.RedisServer;
import dev.bulwark.time.NanoClock;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code store=redis://...} in the shared settings finds this module by ServiceLoader. */
class RedisRateLimitStoreProviderTest {

  @Test
  @RequiresTool("redis-server")
  void settings_storeRedisUri_decidesInRedis() {
    try (RedisServer server = RedisServer.start()) {
      RateLimitEngine engine = RateLimitSettings.of(Map.of("limit", "2", "period", "1h",
          "store", server.uri(), "store-timeout", "5s", "store-key-prefix", "app1:"))
          .engine(NanoClock.system(), RateLimitListener.NONE);
      RateLimiter limiter = engine.rules().get(0).limiter();
      assertTrue(limiter.toString().contains("RedisRateLimitStore"));
      assertTrue(limiter.tryAcquire("k").allowed());
      assertTrue(limiter.tryAcquire("k").allowed());
      assertFalse(limiter.tryAcquire("k").allowed());
      assertFalse(limiter.tryAcquire("k").storeFailed());
    }
  }

  @Test
  @RequiresTool({"redis-server", "redis-cli"})
  void settings_storeClusterTrue_decidesOnTheCluster() {
    try (RedisCluster cluster = RedisCluster.start(3)) {
      RateLimitEngine engine = RateLimitSettings.of(Map.of("limit", "2", "period", "1h",
          "store", cluster.uri(), "store-cluster", "TRUE", "store-timeout", "300ms"))
          .engine(NanoClock.system(), RateLimitListener.NONE);
      RateLimiter limiter = engine.rules().get(0).limiter();
      assertTrue(limiter.toString().contains("cluster via"), limiter.toString());
      for (String key : new String[] {"a", "b", "c", "d"}) {
        assertTrue(limiter.tryAcquire(key).allowed());
        assertTrue(limiter.tryAcquire(key).allowed());
        RateLimitDecision refused = limiter.tryAcquire(key);
        assertFalse(refused.allowed());
        assertFalse(refused.storeFailed());
      }
    }
  }

  @Test
  void open_clusterNeitherTrueNorFalse_isRefusedNamingTheSetting() {
    RedisRateLimitStoreProvider provider = new RedisRateLimitStoreProvider();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> provider.open(URI.create("redis://127.0.0.1:6379"), Map.of("cluster", "yes"),
            NanoClock.system()));
    assertTrue(e.getMessage().contains("store-cluster"), e.getMessage());
  }

  @Test
  void open_clusterWithDatabase_isRefusedNamingTheFix() {
    RedisRateLimitStoreProvider provider = new RedisRateLimitStoreProvider();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> provider.open(URI.create("redis://127.0.0.1:6379/2"), Map.of("cluster", "true"),
            NanoClock.system()));
    assertTrue(e.getMessage().contains("store-cluster"), e.getMessage());
    assertTrue(e.getMessage().contains("remove /2"), e.getMessage());
  }

  @Test
  void open_passwordInUri_isRefused() {
    RedisRateLimitStoreProvider provider = new RedisRateLimitStoreProvider();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> provider.open(URI.create("redis://:hunter2@127.0.0.1:6379"), Map.of(),
            NanoClock.system()));
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void open_unknownOption_isRefusedNamingIt() {
    RedisRateLimitStoreProvider provider = new RedisRateLimitStoreProvider();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> provider.open(URI.create("redis://127.0.0.1:6379"), Map.of("tiemout", "1s"),
            NanoClock.system()));
    assertTrue(e.getMessage().contains("store-tiemout"));
  }

  @Test
  void schemes_areRedisAndRediss() {
    assertEquals(java.util.Set.of("redis", "rediss"), new RedisRateLimitStoreProvider().schemes());
  }
}
