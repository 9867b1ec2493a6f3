package dev.bulwark.ratelimit.redis;

import dev.bulwark.testkit.RequiresTool;
import dev.bulwark.testkit.redis.RedisServer;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jspecify.annotations.Nullable;

/** The store contract against a real standalone redis-server. */
@RequiresTool("redis-server")
class RedisRateLimitStoreContractTest extends RedisStoreContract {

  private static @Nullable RedisServer server;

  @BeforeAll
  static void startServer() {
    server = RedisServer.start();
  }

  @Override
  RedisRateLimitStore.Builder target() {
    return RedisRateLimitStore.builder().uri(Objects.requireNonNull(server, "server").uri());
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
