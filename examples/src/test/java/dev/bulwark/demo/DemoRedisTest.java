package dev.bulwark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.RequiresTool;
import dev.bulwark.testkit.redis.RedisServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --redis}: two demo instances share one failed-log-in budget through Redis. */
class DemoRedisTest {

  @TempDir
  Path root;

  @Test
  @RequiresTool("redis-server")
  void twoInstances_shareTheLoginLimitThroughRedis() throws Exception {
    try (RedisServer redis = RedisServer.start();
        Demo a = start(root.resolve("a"), redis.uri());
        Demo b = start(root.resolve("b"), redis.uri())) {
      DemoClient clientA = new DemoClient(a);
      DemoClient clientB = new DemoClient(b);
      String[] from = {"X-Forwarded-For", "203.0.113.50"};
      // Warm up: the first Redis command of each instance connects and loads the script.
      for (int i = 0; i < 3; i++) {
        clientA.get("/api/comments", "X-Forwarded-For", "192.0.2.1");
        clientB.get("/api/comments", "X-Forwarded-For", "192.0.2.2");
      }

      assertThat(clientA.logIn("nobody-1", "wrong password", from).statusCode()).isEqualTo(401);
      assertThat(clientB.logIn("nobody-2", "wrong password", from).statusCode()).isEqualTo(401);
      assertThat(clientA.logIn("nobody-3", "wrong password", from).statusCode()).isEqualTo(401);
      HttpResponse<String> refused = clientB.logIn("nobody-4", "wrong password", from);

      assertThat(refused.statusCode()).as("B saw one failure itself, three in all")
          .isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }
  }

  @Test
  void unreachableRedis_fallsBackToThisProcess_andStillLimits() throws Exception {
    String nowhere = "redis://127.0.0.1:" + RedisServer.freePort();
    try (Demo demo = start(root.resolve("c"), nowhere)) {
      DemoClient client = new DemoClient(demo);
      String[] from = {"X-Forwarded-For", "203.0.113.60"};
      for (int i = 1; i <= 3; i++) {
        assertThat(client.logIn("nobody-" + i, "wrong password", from).statusCode())
            .isEqualTo(401);
      }
      assertThat(client.logIn("nobody-4", "wrong password", from).statusCode()).isEqualTo(429);
      assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }
  }

  private static Demo start(Path dir, String redis) throws Exception {
    return DemoClient.startQuietly(dir, "--bcrypt-cost", "10", "--login-limit", "3/1m",
        "--trusted-proxy", "127.0.0.1/32", "--redis", redis);
  }
}
