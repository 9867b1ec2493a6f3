package dev.bulwark.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.ratelimit.ClientKeys;
import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimitListener;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.secrets.Secret;
import dev.bulwark.testkit.RequiresTool;
import dev.bulwark.testkit.ratelimit.RedisServer;
import dev.bulwark.time.NanoClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Redis with {@code requirepass}: the password from a {@link Secret}, never shown. */
@RequiresTool("redis-server")
class RedisPasswordTest {

  private static final String PASSWORD = "s3cret-for-test-only";

  private static final RateLimitPolicy POLICY = RateLimitPolicy.builder().name("p").limit(2)
      .per(Duration.ofHours(1)).key(ClientKeys.address()).build();

  @Test
  void password_fromSecret_authenticates() {
    try (RedisServer server = RedisServer.start(RedisServer.freePort(), "--requirepass",
            PASSWORD);
        RedisRateLimitStore store = RedisRateLimitStore.builder().uri(server.uri())
            .password(Secret.ofBytes(PASSWORD.getBytes(StandardCharsets.UTF_8))).build()) {
      RateLimitDecision decision = RateLimiter.of(POLICY, store).tryAcquire("k");
      assertTrue(decision.allowed());
      assertFalse(decision.storeFailed());
      assertFalse(store.toString().contains(PASSWORD));
    }
  }

  @Test
  void password_missing_isAStoreFailureThatNeverShowsThePassword() {
    List<RuntimeException> errors = new ArrayList<>();
    RateLimitListener listener = new RateLimitListener() {
      @Override
      public void onStoreError(RateLimitDecision decision, RuntimeException error) {
        errors.add(error);
      }
    };
    try (RedisServer server = RedisServer.start(RedisServer.freePort(), "--requirepass",
            PASSWORD);
        RedisRateLimitStore store = RedisRateLimitStore.builder().uri(server.uri()).build()) {
      RateLimitDecision decision = RateLimiter.of(POLICY, store, NanoClock.system(), listener)
          .tryAcquire("k");
      assertFalse(decision.allowed(), "fail closed by default");
      assertTrue(decision.storeFailed());
      assertFalse(errors.isEmpty());
      for (Throwable t = errors.get(0); t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD));
      }
    }
  }
}
