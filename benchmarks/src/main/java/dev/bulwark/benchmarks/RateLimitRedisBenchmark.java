package dev.bulwark.benchmarks;

import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.ratelimit.redis.RedisRateLimitStore;
import dev.bulwark.testkit.redis.RedisServer;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One distributed rate-limit decision per call against a local {@code redis-server}, eight
 * client threads: Bulwark's {@link RedisRateLimitStore} vs Bucket4j's Lettuce proxy manager.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(8)
@BenchmarkDescription({
    "**What is measured.** One rate-limit decision on Redis per call, eight client threads"
        + " sharing one limiter: Bulwark's `RateLimiter` on `RedisRateLimitStore` (one `EVALSHA`"
        + " of the GCRA script, Redis `TIME`) and Bucket4j's `LettuceBasedProxyManager`"
        + " (`Bucket4jLettuce.casBasedBuilder`, `tryConsumeAndReturnRemaining(1)` on a proxy per"
        + " call, the usual way to use it: it reads the state, decides in the JVM and writes it"
        + " back with a compare-and-swap script). Both on one Lettuce connection each, against"
        + " the same `redis-server` (Debian's 7.0.15 here), started by the benchmark on a free"
        + " loopback port without persistence and stopped by its PID. The limit is high enough"
        + " that every call is allowed. `keys=1` is one hot key; `keys=10000` has each thread"
        + " walk 10,000 keys from its own offset.",
    "",
    "**How to read it.** `thrpt` rows are decisions per millisecond (higher is better);"
        + " `sample` rows are the latency of one decision in milliseconds (mean; the p99 from"
        + " the same run is in docs/rate-limiting.md). Issue 6 asks for at least twice Bucket4j's"
        + " decisions per second on the hot key and a lower p99. The client, eight threads and"
        + " the Redis server share the same 2 cores here, so absolute figures are far below a"
        + " real deployment's."
})
public class RateLimitRedisBenchmark {

  private static final int LIMIT = 1_000_000_000;
  private static final Duration PERIOD = Duration.ofSeconds(1);

  /** How many distinct keys the calls walk through. */
  @Param({"1", "10000"})
  public int keys = 1;

  private String[] keyNames = RateLimitFixtures.keys(1);
  private final AtomicInteger threadCount = new AtomicInteger();
  private RedisServer server;
  private RedisRateLimitStore store;
  private RateLimiter bulwark;
  private RedisClient bucket4jClient;
  private StatefulRedisConnection<String, byte[]> bucket4jConnection;
  private ProxyManager<String> bucket4j;
  private final Supplier<BucketConfiguration> bucket4jConfig = () -> BucketConfiguration.builder()
      .addLimit(limit -> limit.capacity(LIMIT).refillGreedy(LIMIT, PERIOD)).build();

  /** The position of one thread in the key list; threads start at different offsets. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next = -1;

    int advance(RateLimitRedisBenchmark b) {
      int size = b.keyNames.length;
      if (next < 0) {
        next = (b.threadCount.getAndIncrement() * 1_237) % size;
      }
      int i = next;
      next = i + 1 == size ? 0 : i + 1;
      return i;
    }
  }

  /** Starts Redis and both clients; checks that each allows. */
  @Setup(Level.Trial)
  public void setUp() {
    keyNames = RateLimitFixtures.keys(keys);
    server = RedisServer.start();
    store = RedisRateLimitStore.builder().uri(server.uri())
        .commandTimeout(Duration.ofSeconds(5)).build();
    bulwark = RateLimiter.of(RateLimitPolicy.builder().name("bench").limit(LIMIT).per(PERIOD)
        .build(), store);
    bucket4jClient = RedisClient.create(server.uri());
    bucket4jConnection = bucket4jClient.connect(
        RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    bucket4j = Bucket4jLettuce.casBasedBuilder(bucket4jConnection)
        .expirationAfterWrite(
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(PERIOD))
        .build();
    Cursor cursor = new Cursor();
    CorsFixtures.check(bulwark(cursor).allowed(), "bulwark allows");
    CorsFixtures.check(bucket4j(cursor).isConsumed(), "bucket4j allows");
    threadCount.set(0);
  }

  /** Closes the clients and kills the server by its PID. */
  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
    bucket4jConnection.close();
    bucket4jClient.shutdown();
    server.kill();
  }

  /**
   * Bulwark's Redis store.
   *
   * @param cursor the thread's key position
   * @return the decision
   */
  @Benchmark
  public RateLimitDecision bulwark(Cursor cursor) {
    return bulwark.tryAcquire(keyNames[cursor.advance(this)]);
  }

  /**
   * Bucket4j's Lettuce proxy manager.
   *
   * @param cursor the thread's key position
   * @return the probe
   */
  @Benchmark
  @Peer("Bucket4j 8.14 Lettuce")
  public ConsumptionProbe bucket4j(Cursor cursor) {
    return bucket4j.getProxy("b4j:" + keyNames[cursor.advance(this)], bucket4jConfig)
        .tryConsumeAndReturnRemaining(1);
  }
}
