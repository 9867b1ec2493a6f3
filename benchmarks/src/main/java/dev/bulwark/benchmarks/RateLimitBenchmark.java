package dev.bulwark.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision per call, on one hot key or spread over 100k keys, single-threaded;
 * {@link RateLimitContendedBenchmark} runs the same with two threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@BenchmarkDescription({
    "**What is measured.** One rate-limit decision for a key: Bulwark's `RateLimiter.tryAcquire`"
        + " (GCRA, `LocalRateLimitStore`), Bucket4j's local lock-free bucket"
        + " (`tryConsumeAndReturnRemaining`, so both return remaining and wait times) held in a"
        + " Caffeine map per key, and Resilience4j's `AtomicRateLimiter.acquirePermission`, also"
        + " one per key in a Caffeine map (Resilience4j has no per-key limiter). All maps are"
        + " bounded at 200k keys; the limit is high enough that every call is allowed. The"
        + " peers' maps expire idle entries (`expireAfterAccess`, as their users configure"
        + " them); Bulwark's map has no Caffeine expiry (its store sweeps full keys away off the"
        + " request thread), so `bucket4jSizeBound` also runs Bucket4j in a size-bound map"
        + " without expiry, the same kind as Bulwark's."
        + " `keys=1` is one hot key; `keys=100000` walks 100k keys in turn.",
    "",
    "**How to read it.** One thread here; `RateLimitContendedBenchmark` runs two threads on"
        + " the same shared limiters. Figures come from a shared 2-core machine with short"
        + " runs: read them as orders of magnitude. Memory per tracked key is measured"
        + " separately (see docs/rate-limiting.md)."
})
public class RateLimitBenchmark {

  /** How many distinct keys the calls walk through. */
  @Param({"1", "100000"})
  public int keys = 1;

  private String[] keyNames = RateLimitFixtures.keys(1);
  private RateLimiter bulwark = RateLimitFixtures.bulwark();
  private Cache<String, Bucket> buckets = RateLimitFixtures.bucket4j();
  private Cache<String, Bucket> sizeBoundBuckets = RateLimitFixtures.bucket4jSizeBound();
  private Cache<String, io.github.resilience4j.ratelimiter.RateLimiter> resilience =
      RateLimitFixtures.resilience4j();

  /** The position of one thread in the key list. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    int advance(int size) {
      int i = next;
      next = i + 1 == size ? 0 : i + 1;
      return i;
    }
  }

  /** Fresh limiters and keys; checks that every limiter allows. */
  @Setup
  public void setUp() {
    keyNames = RateLimitFixtures.keys(keys);
    bulwark = RateLimitFixtures.bulwark();
    buckets = RateLimitFixtures.bucket4j();
    sizeBoundBuckets = RateLimitFixtures.bucket4jSizeBound();
    resilience = RateLimitFixtures.resilience4j();
    Cursor cursor = new Cursor();
    for (int i = 0; i < keys; i++) {
      CorsFixtures.check(bulwark(cursor).allowed(), "bulwark allows");
    }
    for (int i = 0; i < keys; i++) {
      CorsFixtures.check(bucket4j(cursor).isConsumed(), "bucket4j allows");
    }
    for (int i = 0; i < keys; i++) {
      CorsFixtures.check(bucket4jSizeBound(cursor).isConsumed(), "bucket4j allows");
    }
    for (int i = 0; i < keys; i++) {
      CorsFixtures.check(resilience4j(cursor), "resilience4j allows");
    }
  }

  /**
   * Bulwark's limiter.
   *
   * @param cursor the thread's key position
   * @return the decision
   */
  @Benchmark
  public RateLimitDecision bulwark(Cursor cursor) {
    return bulwark.tryAcquire(keyNames[cursor.advance(keyNames.length)]);
  }

  /**
   * Bucket4j's local bucket per key.
   *
   * @param cursor the thread's key position
   * @return the probe
   */
  @Benchmark
  @Peer("Bucket4j 8.14")
  public ConsumptionProbe bucket4j(Cursor cursor) {
    String key = keyNames[cursor.advance(keyNames.length)];
    return buckets.get(key, k -> RateLimitFixtures.newBucket()).tryConsumeAndReturnRemaining(1);
  }

  /**
   * Bucket4j's local bucket per key, in a map bounded by size only (like Bulwark's).
   *
   * @param cursor the thread's key position
   * @return the probe
   */
  @Benchmark
  @Peer("Bucket4j 8.14 (size-bound map)")
  public ConsumptionProbe bucket4jSizeBound(Cursor cursor) {
    String key = keyNames[cursor.advance(keyNames.length)];
    return sizeBoundBuckets.get(key, k -> RateLimitFixtures.newBucket())
        .tryConsumeAndReturnRemaining(1);
  }

  /**
   * Resilience4j's rate limiter per key.
   *
   * @param cursor the thread's key position
   * @return whether allowed
   */
  @Benchmark
  @Peer("Resilience4j 2.4")
  public boolean resilience4j(Cursor cursor) {
    String key = keyNames[cursor.advance(keyNames.length)];
    return resilience.get(key, RateLimitFixtures::newResilience4j).acquirePermission();
  }
}
