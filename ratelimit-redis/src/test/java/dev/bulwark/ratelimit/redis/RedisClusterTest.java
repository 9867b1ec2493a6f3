package dev.bulwark.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.ratelimit.ClientKeys;
import dev.bulwark.ratelimit.LocalRateLimitStore;
import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.secrets.Secret;
import dev.bulwark.testkit.RequiresTool;
import dev.bulwark.testkit.redis.RedisCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The store on a real three-node Redis Cluster: keys spread over the nodes with exact limits,
 * a node that lost its scripts, and a node killed mid-run.
 */
@RequiresTool({"redis-server", "redis-cli"})
class RedisClusterTest {

  private static final int LIMIT = 3;
  private static final Duration TIMEOUT = Duration.ofMillis(300);

  private static RateLimitPolicy.Builder policy() {
    return RateLimitPolicy.builder().name("login").limit(LIMIT).per(Duration.ofDays(1))
        .key(ClientKeys.address());
  }

  /** The Redis key the store writes for the limiter key {@code key} of {@link #policy()}. */
  private static String redisKey(String key) {
    return "{bulwark:rl:login:" + key + "}";
  }

  /** One limiter key per node (port), found by asking the cluster where each key's slot is. */
  private static Map<Integer, String> keyPerNode(RedisCluster cluster) {
    Map<Integer, String> keys = new LinkedHashMap<>();
    for (int i = 0; keys.size() < cluster.ports().size() && i < 1_000; i++) {
      String key = "client-" + i;
      keys.putIfAbsent(cluster.portFor(redisKey(key)), key);
    }
    assertEquals(cluster.ports().size(), keys.size(), "a key for every node");
    return keys;
  }

  private static RedisRateLimitStore.Builder store(RedisCluster cluster) {
    return RedisRateLimitStore.builder().uri(cluster.uri()).cluster(true)
        .commandTimeout(TIMEOUT);
  }

  @Test
  void cluster_keysOnEveryNode_limitsExactAndStoredOnTheirNode() {
    try (RedisCluster cluster = RedisCluster.start(3);
        RedisRateLimitStore store = store(cluster).build()) {
      RateLimiter limiter = RateLimiter.of(policy().build(), store);
      Map<Integer, String> keys = keyPerNode(cluster);
      for (String key : keys.values()) {
        for (int i = 0; i < LIMIT; i++) {
          RateLimitDecision d = limiter.tryAcquire(key);
          assertTrue(d.allowed(), key + " #" + i);
          assertFalse(d.storeFailed());
          assertEquals(LIMIT - 1 - i, d.remaining());
        }
        RateLimitDecision refused = limiter.tryAcquire(key);
        assertFalse(refused.allowed(), key + " over the limit");
        assertFalse(refused.storeFailed());
      }
      for (Map.Entry<Integer, String> e : keys.entrySet()) {
        String stored = cluster.cli(e.getKey(), "EXISTS", redisKey(e.getValue())).trim();
        assertEquals("1", stored, "the key lives on the node serving its slot");
        assertEquals("1", cluster.cli(e.getKey(), "DBSIZE").trim(),
            "each node holds only its own key");
      }
    }
  }

  @Test
  void cluster_scriptsFlushedOnEveryNode_decisionsContinueExactly() {
    try (RedisCluster cluster = RedisCluster.start(3);
        RedisRateLimitStore store = store(cluster).build()) {
      RateLimiter limiter = RateLimiter.of(policy().build(), store);
      Map<Integer, String> keys = keyPerNode(cluster);
      for (String key : keys.values()) {
        assertTrue(limiter.tryAcquire(key).allowed());
      }
      for (int port : cluster.ports()) {
        cluster.cli(port, "SCRIPT", "FLUSH");
        assertEquals("0", cluster.cli(port, "SCRIPT", "EXISTS", GcraScript.SHA).trim());
      }
      for (String key : keys.values()) {
        RateLimitDecision d = limiter.tryAcquire(key);
        assertFalse(d.storeFailed(), "NOSCRIPT is answered by EVAL on the key's node");
        assertEquals(LIMIT - 2, d.remaining());
      }
      for (int port : cluster.ports()) {
        assertEquals("1", cluster.cli(port, "SCRIPT", "EXISTS", GcraScript.SHA).trim(),
            "EVAL cached the script again on node " + port);
      }
    }
  }

  @Test
  void cluster_nodeKilled_failModeForItsKeysOnly() {
    try (RedisCluster cluster = RedisCluster.start(3);
        RedisRateLimitStore store = store(cluster).build()) {
      RateLimiter closed = RateLimiter.of(policy().build(), store);
      RateLimiter open = RateLimiter.of(policy().name("login-open").failOpen().build(), store);
      Map<Integer, String> keys = keyPerNode(cluster);
      List<Integer> ports = List.copyOf(keys.keySet());
      int victim = ports.get(0);
      String victimKey = keys.get(victim);
      String healthyKey = keys.get(ports.get(1));
      assertNotEquals(victimKey, healthyKey);
      assertTrue(closed.tryAcquire(victimKey).allowed());
      assertTrue(closed.tryAcquire(healthyKey).allowed());
      cluster.kill(victim);
      for (int i = 0; i < 3; i++) {
        RateLimitDecision refused = closed.tryAcquire(victimKey);
        assertTrue(refused.storeFailed(), "the key's node is down");
        assertFalse(refused.allowed(), "fail closed refuses");
      }
      RateLimitDecision healthy = closed.tryAcquire(healthyKey);
      assertFalse(healthy.storeFailed(), "the other nodes still decide their keys");
      assertTrue(healthy.allowed());
      assertEquals(LIMIT - 2, healthy.remaining(), "the count survived the other node's death");
      // The fail-open policy's keys are "login-open:..."; find one on the dead node.
      String openVictim = null;
      for (int i = 0; openVictim == null && i < 1_000; i++) {
        String candidate = "client-" + i;
        if (cluster.portFor("{bulwark:rl:login-open:" + candidate + "}") == victim) {
          openVictim = candidate;
        }
      }
      assertTrue(openVictim != null, "a fail-open key on the dead node");
      RateLimitDecision allowed = open.tryAcquire(openVictim);
      assertTrue(allowed.storeFailed());
      assertTrue(allowed.allowed(), "fail open allows");
    }
  }

  @Test
  void cluster_password_fromSecretReachesEveryNode() {
    String password = "cluster-s3cret-for-test-only";
    try (RedisCluster cluster = RedisCluster.start(3, password);
        RedisRateLimitStore store = store(cluster)
            .password(Secret.ofBytes(password.getBytes(StandardCharsets.UTF_8))).build()) {
      RateLimiter limiter = RateLimiter.of(policy().build(), store);
      for (String key : keyPerNode(cluster).values()) {
        for (int i = 0; i < LIMIT; i++) {
          RateLimitDecision d = limiter.tryAcquire(key);
          assertFalse(d.storeFailed(), "node of " + key + " authenticated");
          assertTrue(d.allowed());
        }
        assertFalse(limiter.tryAcquire(key).allowed());
      }
      assertFalse(store.toString().contains(password));
    }
  }

  @Test
  void cluster_nodeKilled_localFallbackDecidesItsKeys() {
    try (RedisCluster cluster = RedisCluster.start(3);
        RedisRateLimitStore store = store(cluster)
            .fallback(LocalRateLimitStore.create(1_000)).build()) {
      RateLimiter limiter = RateLimiter.of(policy().build(), store);
      Map<Integer, String> keys = keyPerNode(cluster);
      int victim = keys.keySet().iterator().next();
      String victimKey = keys.get(victim);
      cluster.kill(victim);
      for (int i = 0; i < LIMIT; i++) {
        RateLimitDecision local = limiter.tryAcquire(victimKey);
        assertTrue(local.allowed(), "the local store starts with the full burst");
      }
      assertFalse(limiter.tryAcquire(victimKey).allowed(), "the local store enforces the limit");
    }
  }
}
