package dev.bulwark.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bulwark.ratelimit.spi.Gcra;
import dev.bulwark.ratelimit.spi.GcraParams;
import dev.bulwark.ratelimit.spi.GcraResult;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.time.NanoClock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store: one JVM, one bounded Caffeine table.
 *
 * <p><b>Lock-free.</b> Each key maps to a cell holding its TAT in an {@link AtomicLong}; a
 * decision reads the cell (a lock-free Caffeine lookup for a known key; a bin lock only when a
 * key is first created) and applies the {@link Gcra} step in a compare-and-exchange loop that
 * allocates nothing (a lost race retries from the winner's value, without reading the cell
 * again); the result is built once, after the winning write. A refused request writes
 * nothing.
 *
 * <p><b>Keys.</b> A {@link RateLimiter} on this store looks keys up as (policy name, client key)
 * pairs, so no {@code name:key} string is built per call; keys given through the
 * {@link RateLimitStore} methods are looked up as they are. The two never collide.
 *
 * <p><b>Bounded.</b> The table holds at most {@code maxKeys} keys (Caffeine's
 * {@code maximumSize}, W-TinyLFU admission: a key seen once, as in a spray of random keys,
 * rarely displaces a key in regular use). A key evicted early by the size bound restarts full:
 * size the table above the number of clients active within one period (see
 * {@code docs/rate-limiting.md}).
 *
 * <p><b>Expiry.</b> The table has no Caffeine expiry, so a lookup reads no clock (Caffeine
 * reads its ticker on every read of a table with expiry, a second clock read per decision).
 * Instead a sweep, run at most once per {@link #SWEEP_INTERVAL_NANOS}
 * on Caffeine's executor (the common pool, off the request thread) when a decision finds it
 * due, removes every key that has been full again for at least {@link #GRACE_NANOS} (one
 * second): a key goes between one and two seconds after its state is full again.
 * Removal is linearizable: the sweep first swaps the cell's TAT for a tombstone with a
 * compare-and-set, which fails if a decision charged the key in between; a decision that finds
 * the tombstone removes the cell itself and starts the key full, exactly as if it were absent.
 * A full key and an absent key decide alike, so forgetting it changes nothing. {@link #size()}
 * sweeps first.
 *
 * <p>The sweep reads the store's {@link NanoClock}; pass the same clock to {@link RateLimiter}
 * (tests drive both with one fake clock). Thread-safe.
 */
public final class LocalRateLimitStore implements RateLimitStore {

  /** The default bound on the number of keys. */
  public static final long DEFAULT_MAX_KEYS = 100_000;

  /** The shortest time between two sweeps: one second. */
  public static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

  /**
   * How long a key is kept once full: one second, so that a decision still working with a time
   * read just before the sweep's own reading finds its key's state, not a fresh one.
   */
  public static final long GRACE_NANOS = 1_000_000_000L;

  /**
   * The tombstone a sweep writes into a cell it removes. Cells hold the TAT relative to the
   * store's creation, so a real TAT equals it only 292 years away from that origin; a TAT that
   * would equal it is stored one nanosecond later (erring towards refusal).
   */
  private static final long REMOVED = Long.MIN_VALUE;

  /** A key's TAT, relative to {@link #origin}. */
  private static final class Cell extends AtomicLong {
    private static final long serialVersionUID = 1L;

    Cell(long relativeTat) {
      super(relativeTat);
    }
  }

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
  private final NanoClock clock;
  /** The store clock's reading at creation; cells hold TATs relative to it. */
  private final long origin;
  /** When the next sweep is due, relative to {@link #origin}; a decision past it starts one. */
  private volatile long sweepDue;

  private static final VarHandle SWEEP_DUE;

  static {
    try {
      SWEEP_DUE = MethodHandles.lookup()
          .findVarHandle(LocalRateLimitStore.class, "sweepDue", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private LocalRateLimitStore(long maxKeys, NanoClock clock) {
    this.maxKeys = maxKeys;
    this.clock = clock;
    this.origin = clock.nanoTime();
    this.sweepDue = SWEEP_INTERVAL_NANOS;
    // maximumSize only: no expiry, so Caffeine never reads a ticker. Maintenance (eviction)
    // runs on Caffeine's default executor, off the request thread; the bound still holds,
    // since a writer whose write buffer is full drains it itself.
    this.cells = Caffeine.newBuilder().maximumSize(maxKeys).build();
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
    long outcome = charge(key, cost, params, nowNanos);
    return outcome >= 0 ? Gcra.allowed(outcome, params)
        : Gcra.refused(-1 - outcome, cost, params);
  }

  @Override
  public GcraResult check(String key, long cost, GcraParams params, long nowNanos) {
    Gcra.checkCost(cost, params);
    return Gcra.peek(tat(cells.getIfPresent(key), nowNanos), cost, params, nowNanos);
  }

  /**
   * {@link #acquire} for a limiter's key, without building a {@code name:key} string or a
   * {@link GcraResult}; the cost is already checked.
   *
   * @return {@code d'} (0 to the tolerance) when allowed; {@code -1 - d} when refused
   */
  long charge(RateLimitPolicy policy, String key, long cost, long nowNanos) {
    return charge(new ScopedKey(policy.name(), key), cost, policy.params(), nowNanos);
  }

  /** {@link #check} for a limiter's key. */
  GcraResult check(RateLimitPolicy policy, String key, long cost, long nowNanos) {
    return Gcra.peek(tat(cells.getIfPresent(new ScopedKey(policy.name(), key)), nowNanos), cost,
        policy.params(), nowNanos);
  }

  /**
   * The {@link Gcra} step in a compare-and-set loop, on primitives only.
   *
   * @return {@code d'} (0 to the tolerance) when allowed; {@code -1 - d} when refused
   */
  private long charge(Object key, long cost, GcraParams params, long nowNanos) {
    long rel = nowNanos - origin;
    if (rel - sweepDue >= 0) {
      startSweep(rel);
    }
    long costNanos = cost * params.emissionIntervalNanos();
    long tolerance = params.toleranceNanos();
    Cell cell = cells.getIfPresent(key);
    if (cell == null) {
      cell = cells.get(key, k -> new Cell(rel));
    }
    long tat = cell.get();
    while (true) {
      if (tat == REMOVED) {
        // Swept: the key is absent. Finish the removal and start it full.
        cells.asMap().remove(key, cell);
        cell = cells.get(key, k -> new Cell(rel));
        tat = cell.get();
        continue;
      }
      long d = Gcra.delay(tat, params, rel);
      long after = d + costNanos;
      if (after > tolerance) {
        return -1 - d;
      }
      long newTat = rel + after;
      if (newTat == tat) {
        return after;
      }
      // On a lost race the witness is the winner's TAT: no second read of a contended line.
      long witness = cell.compareAndExchange(tat, newTat == REMOVED ? REMOVED + 1 : newTat);
      if (witness == tat) {
        return after;
      }
      tat = witness;
    }
  }

  /** The absolute TAT of a cell, or of a full key when there is none. */
  private long tat(@Nullable Cell cell, long nowNanos) {
    long rel = cell == null ? REMOVED : cell.get();
    return rel == REMOVED ? Gcra.fullAt(nowNanos) : rel + origin;
  }

  private void startSweep(long rel) {
    long due = sweepDue;
    if (rel - due >= 0 && SWEEP_DUE.compareAndSet(this, due, rel + SWEEP_INTERVAL_NANOS)) {
      try {
        ForkJoinPool.commonPool().execute(this::sweep);
      } catch (RejectedExecutionException e) {
        sweep();
      }
    }
  }

  /** Removes every key full for at least {@link #GRACE_NANOS}, on the store's clock. */
  void sweep() {
    long now = clock.nanoTime() - origin;
    Map<Object, Cell> map = cells.asMap();
    map.forEach((key, cell) -> {
      long tat = cell.get();
      if (tat != REMOVED && now - tat >= GRACE_NANOS && cell.compareAndSet(tat, REMOVED)) {
        map.remove(key, cell);
      }
    });
  }

  /**
   * The number of keys held now, after pending maintenance; for tests and metrics.
   *
   * @return at most the bound
   */
  public long size() {
    sweep();
    cells.cleanUp();
    return cells.estimatedSize();
  }

  /** The number of keys held, without sweeping first; for tests. */
  long heldKeys() {
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
