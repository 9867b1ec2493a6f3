package dev.bulwark.ratelimit.redis;

import dev.bulwark.testkit.RequiresTool;
import dev.bulwark.testkit.redis.RedisCluster;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jspecify.annotations.Nullable;

/** The store contract against a real three-node Redis Cluster, through the cluster client. */
@RequiresTool({"redis-server", "redis-cli"})
class RedisClusterStoreContractTest extends RedisStoreContract {

  private static @Nullable RedisCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RedisCluster.start(3);
  }

  @Override
  RedisRateLimitStore.Builder target() {
    return RedisRateLimitStore.builder().uri(Objects.requireNonNull(cluster, "cluster").uri())
        .cluster(true);
  }

  @AfterAll
  static void stopCluster() {
    RedisCluster c = cluster;
    if (c != null) {
      c.close();
      cluster = null;
    }
  }
}
