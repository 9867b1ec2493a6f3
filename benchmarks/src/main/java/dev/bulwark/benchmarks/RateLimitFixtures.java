package dev.bulwark.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bulwark.ratelimit.LocalRateLimitStore;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * The three limiters of the rate-limit benchmarks, configured alike: a limit high enough that
 * every measured call is allowed (the common case), per-key state in a Caffeine table bounded
 * at {@link #MAX_KEYS}, expiring a key once idle.
 */
final class RateLimitFixtures {

  static final long MAX_KEYS = 200_000;
  static final int LIMIT = 1_000_000_000;
  static final Duration PERIOD = Duration.ofSeconds(1);

  private RateLimitFixtures() {}

  static String[] keys(int count) {
    String[] keys = new String[count];
    for (int i = 0; i < count; i++) {
      keys[i] = "client-" + i;
    }
    return keys;
  }

  static RateLimiter bulwark() {
    return bulwark(LIMIT, PERIOD);
  }

  /**
   * With {@code limit} per {@code period}; the memory harness uses 1 per hour, so that every
   * key stays short of full, and so in the table, while it fills.
   */
  static RateLimiter bulwark(int limit, Duration period) {
    return RateLimiter.of(RateLimitPolicy.builder().name("bench").limit(limit).per(period)
        .build(), LocalRateLimitStore.create(MAX_KEYS));
  }

  /** Bucket4j's local bucket (lock-free by default), one per key in a Caffeine map. */
  static Cache<String, Bucket> bucket4j() {
    return bucket4j(PERIOD);
  }

  static Cache<String, Bucket> bucket4j(Duration idle) {
    return Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(idle).build();
  }

  /**
   * Bucket4j's buckets in a map of the same kind as Bulwark's: bounded by size only, so a lookup
   * reads no clock. Idle buckets then stay until the size bound evicts them.
   */
  static Cache<String, Bucket> bucket4jSizeBound() {
    return Caffeine.newBuilder().maximumSize(MAX_KEYS).build();
  }

  static Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(LIMIT).refillGreedy(LIMIT, PERIOD))
        .build();
  }

  /** Resilience4j has no per-key limiter: one {@code AtomicRateLimiter} per key, same map. */
  static Cache<String, io.github.resilience4j.ratelimiter.RateLimiter> resilience4j() {
    return resilience4j(PERIOD);
  }

  static Cache<String, io.github.resilience4j.ratelimiter.RateLimiter> resilience4j(
      Duration idle) {
    return Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(idle).build();
  }

  static final RateLimiterConfig RESILIENCE4J_CONFIG = RateLimiterConfig.custom()
      .limitForPeriod(LIMIT).limitRefreshPeriod(PERIOD).timeoutDuration(Duration.ZERO).build();

  static io.github.resilience4j.ratelimiter.RateLimiter newResilience4j(String key) {
    return io.github.resilience4j.ratelimiter.RateLimiter.of(key, RESILIENCE4J_CONFIG);
  }
}
