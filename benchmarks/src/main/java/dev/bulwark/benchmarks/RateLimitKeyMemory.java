package dev.bulwark.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import dev.bulwark.ratelimit.RateLimiter;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Heap retained per tracked key by each limiter: fills 100k keys and divides the growth of the
 * used heap after full collections. Run with {@code java -cp benchmarks.jar
 * dev.bulwark.benchmarks.RateLimitKeyMemory}; figures go to {@code docs/rate-limiting.md}.
 */
public final class RateLimitKeyMemory {

  private static final int KEYS = 100_000;
  /** Long enough that no key expires while the table fills, even on a loaded machine. */
  private static final Duration HOLD = Duration.ofHours(1);

  private RateLimitKeyMemory() {}

  /**
   * Prints bytes per key for Bulwark, Bucket4j and Resilience4j.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    String[] keys = RateLimitFixtures.keys(KEYS);
    for (int round = 0; round < 2; round++) {
      report("Bulwark LocalRateLimitStore", keys, names -> {
        // One unit per hour: each key stays short of full, so no sweep removes it mid-fill.
        RateLimiter limiter = RateLimitFixtures.bulwark(1, HOLD);
        for (String key : names) {
          limiter.tryAcquire(key);
        }
        hold(limiter);
      });
      report("Bucket4j 8.14 (Caffeine map)", keys, names -> {
        Cache<String, Bucket> buckets = RateLimitFixtures.bucket4j(HOLD);
        for (String key : names) {
          buckets.get(key, k -> RateLimitFixtures.newBucket()).tryConsumeAndReturnRemaining(1);
        }
        hold(buckets);
      });
      report("Resilience4j 2.4 (Caffeine map)", keys, names -> {
        Cache<String, io.github.resilience4j.ratelimiter.RateLimiter> limiters =
            RateLimitFixtures.resilience4j(HOLD);
        for (String key : names) {
          limiters.get(key, RateLimitFixtures::newResilience4j).acquirePermission();
        }
        hold(limiters);
      });
    }
  }

  private static Object held = new Object();

  private static void hold(Object o) {
    held = o;
  }

  private static void report(String name, String[] keys, Consumer<String[]> fill) {
    held = new Object();
    long before = usedAfterGc();
    fill.accept(keys);
    long after = usedAfterGc();
    System.out.printf("%-34s %6d bytes per key (%s)%n", name, (after - before) / keys.length,
        held.getClass().getSimpleName());
    held = new Object();
  }

  @SuppressWarnings("removal")
  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
