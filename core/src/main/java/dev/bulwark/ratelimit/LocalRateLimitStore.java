package dev.bulwark.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.bulwark.ratelimit.spi.Gcra;
import dev.bulwark.ratelimit.spi.GcraParams;
import dev.bulwark.ratelimit.spi.GcraResult;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.time.NanoClock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store: one JVM, one bounded Caffeine table.
 *
 * <p><b>Lock-free.</b> Each key maps to a cell holding its TAT in an {@link AtomicLong}; a
 * decision reads the cell (a lock-free Caffeine lookup for a known key; a bin lock only when a
 * key is first created) and applies the {@link Gcra} step in a compare-and-set loop that
 * allocates nothing; the result is built once, after the winning write. A refused request
 * writes nothing.
 *
 * <p><b>Keys.</b> A {@link RateLimiter} on this store looks keys up as (policy name, client key)
 * pairs, so no {@code name:key} string is built per call; keys given through the
 * {@link RateLimitStore} methods are looked up as they are. The two never collide.
 *
 * <p><b>Bounded.</b> The table holds at most {@code maxKeys} keys (Caffeine's
 * {@code maximumSize}, W-TinyLFU admission: a key seen once, as in a spray of random keys,
 * rarely displaces a key in regular use). A key expires between one and two times
 * {@link GcraParams#toleranceNanos()} after its last use, always after its state is full again,
 * so forgetting it changes nothing. A key
 * evicted early by the size bound restarts full: size the table above the number of clients
 * active within one period (see {@code docs/rate-limiting.md}).
 *
 * <p>The store's expiry runs on the same {@link NanoClock} as the limiter, so tests drive both
 * with one fake clock. Thread-safe.
 */
public final class LocalRateLimitStore implements RateLimitStore {

  /** The default bound on the number of keys. */
  public static final long DEFAULT_MAX_KEYS = 100_000;

  /** A key's TAT and how long it lives after its last use. */
  private static final class Cell extends AtomicLong {
    private static final long serialVersionUID = 1L;
    private final long ttlNanos;

    Cell(long tat, long ttlNanos) {
      super(tat);
      this.ttlNanos = ttlNanos;
    }

    long lifetimeNanos() {
      return ttlNanos > Long.MAX_VALUE / 4 ? ttlNanos : 2 * ttlNanos;
    }
  }

  /**
   * A key must outlive its last use by its tolerance (then its state is full). Setting a new
   * expiry on every read costs a timer-wheel reschedule and a write to a shared node; instead
   * the lifetime is set to twice the tolerance and renewed only when less than one tolerance
   * is left, so after any use at least one tolerance always remains.
   */
  private static final Expiry<Object, Cell> UNTIL_FULL = new Expiry<>() {
    @Override
    public long expireAfterCreate(Object key, Cell cell, long now) {
      return cell.lifetimeNanos();
    }

    @Override
    public long expireAfterUpdate(Object key, Cell cell, long now, long current) {
      return cell.lifetimeNanos();
    }

    @Override
    public long expireAfterRead(Object key, Cell cell, long now, long current) {
      return current < cell.ttlNanos ? cell.lifetimeNanos() : current;
    }
  };

  /** A policy's key: the policy name (one shared instance per policy) and the client key. */
  private static final class ScopedKey {
    private final String scope;
    private final String key;
    private final int hash;

    ScopedKey(String scope, String key) {
      this.scope = scope;
      this.key = key;
      this.hash = 31 * scope.hashCode() + key.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ScopedKey other && hash == other.hash && scope.equals(other.scope)
          && key.equals(other.key);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Keys are {@link String}s (the SPI) or {@link ScopedKey}s (a {@link RateLimiter}). */
  private final Cache<Object, Cell> cells;
  private final long maxKeys;

  private LocalRateLimitStore(long maxKeys, NanoClock clock) {
    this.maxKeys = maxKeys;
    long origin = clock.nanoTime();
    this.cells = Caffeine.newBuilder()
        .maximumSize(maxKeys)
        .expireAfter(UNTIL_FULL)
        // Relative ticks: Caffeine's timer wheel adds durations to the ticker's value.
        .ticker(() -> clock.nanoTime() - origin)
        // Maintenance (eviction, expiry) runs on Caffeine's default executor, off the request
        // thread; the bound still holds, since a writer whose write buffer is full drains it
        // itself.
        .build();
  }

  /**
   * A store for at most {@code maxKeys} keys on the system clock.
   *
   * @param maxKeys the bound on the key table, at least 1
   * @return the store
   */
  public static LocalRateLimitStore create(long maxKeys) {
    return create(maxKeys, NanoClock.system());
  }

  /**
   * A store for at most {@code maxKeys} keys whose expiry follows {@code clock}; pass the same
   * clock to {@link RateLimiter}.
   *
   * @param maxKeys the bound on the key table, at least 1
   * @param clock the clock
   * @return the store
   */
  public static LocalRateLimitStore create(long maxKeys, NanoClock clock) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("max-keys must be at least 1, got " + maxKeys);
    }
    return new LocalRateLimitStore(maxKeys, Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public GcraResult acquire(String key, long cost, GcraParams params, long nowNanos) {
    Gcra.checkCost(cost, params);
    long outcome = charge(cell(key, params, nowNanos), cost, params, nowNanos);
    return result(outcome, cost, params);
  }

  @Override
  public GcraResult check(String key, long cost, GcraParams params, long nowNanos) {
    Gcra.checkCost(cost, params);
    return peek(cells.getIfPresent(key), cost, params, nowNanos);
  }

  /** {@link #acquire} for a limiter's key, without building a {@code name:key} string. */
  GcraResult acquire(RateLimitPolicy policy, String key, long cost, long nowNanos) {
    GcraParams params = policy.params();
    long outcome = charge(cell(new ScopedKey(policy.name(), key), params, nowNanos), cost,
        params, nowNanos);
    return result(outcome, cost, params);
  }

  /** {@link #check} for a limiter's key. */
  GcraResult check(RateLimitPolicy policy, String key, long cost, long nowNanos) {
    return peek(cells.getIfPresent(new ScopedKey(policy.name(), key)), cost, policy.params(),
        nowNanos);
  }

  private Cell cell(Object key, GcraParams params, long nowNanos) {
    Cell cell = cells.getIfPresent(key);
    if (cell == null) {
      cell = cells.get(key, k -> new Cell(Gcra.fullAt(nowNanos), params.toleranceNanos()));
    }
    return cell;
  }

  /**
   * The {@link Gcra} step in a compare-and-set loop, on primitives only.
   *
   * @return {@code after} (0 to the tolerance) when allowed; {@code -1 - d} when refused
   */
  private static long charge(Cell cell, long cost, GcraParams params, long nowNanos) {
    long costNanos = cost * params.emissionIntervalNanos();
    long tolerance = params.toleranceNanos();
    while (true) {
      long tat = cell.get();
      long d = Gcra.delay(tat, params, nowNanos);
      long after = d + costNanos;
      if (after > tolerance) {
        return -1 - d;
      }
      long newTat = nowNanos + after;
      if (newTat == tat || cell.compareAndSet(tat, newTat)) {
        return after;
      }
    }
  }

  private static GcraResult result(long outcome, long cost, GcraParams params) {
    return outcome >= 0 ? Gcra.allowed(outcome, params) : Gcra.refused(-1 - outcome, cost, params);
  }

  private static GcraResult peek(@Nullable Cell cell, long cost, GcraParams params,
      long nowNanos) {
    long tat = cell == null ? Gcra.fullAt(nowNanos) : cell.get();
    return Gcra.peek(tat, cost, params, nowNanos);
  }

  /**
   * The number of keys held now, after pending maintenance; for tests and metrics.
   *
   * @return at most the bound
   */
  public long size() {
    cells.cleanUp();
    return cells.estimatedSize();
  }

  /**
   * The bound on the key table.
   *
   * @return max keys
   */
  public long maxKeys() {
    return maxKeys;
  }

  @Override
  public String toString() {
    return "LocalRateLimitStore[maxKeys=" + maxKeys + "]";
  }
}
