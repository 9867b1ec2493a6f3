package dev.bulwark.testkit.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.ratelimit.spi.Gcra;
import dev.bulwark.ratelimit.spi.GcraParams;
import dev.bulwark.ratelimit.spi.GcraResult;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.testkit.FakeClock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RateLimitStore}, version {@value RateLimitStore#VERSION}. A store's test
 * extends this class and implements {@link #newStore(FakeClock)}; every test then runs against
 * it:
 *
 * <pre>{@code
 * class RedisRateLimitStoreTest extends RateLimitStoreContract {
 *   @Override
 *   protected RateLimitStore newStore(FakeClock clock) {
 *     return RedisRateLimitStore.create(client, clock);
 *   }
 * }
 * }</pre>
 *
 * <p>The tests pass {@code clock.nanoTime()} as the time of each call and advance the clock
 * between calls; a store that expires keys must use the same clock. Results are compared with
 * {@link Gcra}, the reference arithmetic, exactly.
 */
public abstract class RateLimitStoreContract {

  /** One unit per 100 ms, burst 5. */
  protected static final GcraParams FIVE_PER_500MS = new GcraParams(100_000_000L, 5);

  private static final long T = FIVE_PER_500MS.emissionIntervalNanos();

  /** The clock of the current test. */
  protected FakeClock clock = FakeClock.create();

  /** The store under test, fresh for each test. */
  protected RateLimitStore store = new NullStore();

  /**
   * A fresh, empty store for one test.
   *
   * @param clock the clock the tests advance
   * @return the store
   */
  protected abstract RateLimitStore newStore(FakeClock clock);

  /** Creates the clock and the store for one test. */
  @BeforeEach
  protected void createStore() {
    clock = FakeClock.create();
    store = newStore(clock);
  }

  private GcraResult acquire(String key, long cost) {
    return store.acquire(key, cost, FIVE_PER_500MS, clock.nanoTime());
  }

  @Test
  void spiVersion_isTheCurrentVersion() {
    assertEquals(RateLimitStore.VERSION, store.spiVersion());
  }

  @Test
  void acquire_unknownKey_allowsTheBurstThenRefuses() {
    for (int i = 1; i <= 5; i++) {
      GcraResult result = acquire("k", 1);
      assertTrue(result.allowed(), "request " + i);
      assertEquals(5 - i, result.remaining(), "remaining after request " + i);
      assertEquals(i * T, result.resetNanos(), "reset after request " + i);
    }
    GcraResult refused = acquire("k", 1);
    assertFalse(refused.allowed());
    assertEquals(0, refused.remaining());
    assertEquals(T, refused.retryAfterNanos());
    assertEquals(5 * T, refused.resetNanos());
  }

  @Test
  void acquire_afterOneInterval_allowsExactlyOneMore() {
    for (int i = 0; i < 5; i++) {
      acquire("k", 1);
    }
    clock.advanceNanos(T - 1);
    GcraResult early = acquire("k", 1);
    assertFalse(early.allowed());
    assertEquals(1, early.retryAfterNanos());
    clock.advanceNanos(1);
    assertTrue(acquire("k", 1).allowed());
    assertFalse(acquire("k", 1).allowed());
  }

  @Test
  void acquire_refused_chargesNothing() {
    for (int i = 0; i < 5; i++) {
      acquire("k", 1);
    }
    for (int i = 0; i < 10; i++) {
      assertFalse(acquire("k", 1).allowed());
    }
    clock.advanceNanos(T);
    assertTrue(acquire("k", 1).allowed(), "refusals must not push the key further back");
  }

  @Test
  void acquire_costAboveRemaining_isRefusedWithExactRetryAfter() {
    acquire("k", 3);
    GcraResult refused = acquire("k", 3);
    assertFalse(refused.allowed());
    assertEquals(2, refused.remaining());
    assertEquals(T, refused.retryAfterNanos());
    assertTrue(acquire("k", 2).allowed());
  }

  @Test
  void acquire_costAboveBurst_throwsIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> acquire("k", 6));
    assertThrows(IllegalArgumentException.class, () -> acquire("k", -1));
  }

  @Test
  void acquire_afterTheTolerance_keyIsFullAgain() {
    acquire("k", 5);
    clock.advance(Duration.ofNanos(FIVE_PER_500MS.toleranceNanos()));
    GcraResult result = acquire("k", 5);
    assertTrue(result.allowed());
    assertEquals(0, result.remaining());
  }

  @Test
  void acquire_longIdle_neverBanksMoreThanTheBurst() {
    acquire("k", 1);
    clock.advance(Duration.ofHours(1));
    assertTrue(acquire("k", 5).allowed());
    assertFalse(acquire("k", 1).allowed());
  }

  @Test
  void acquire_differentKeys_areIndependent() {
    acquire("a", 5);
    assertFalse(acquire("a", 1).allowed());
    GcraResult other = acquire("b", 1);
    assertTrue(other.allowed());
    assertEquals(4, other.remaining());
  }

  @Test
  void check_neverCharges() {
    for (int i = 0; i < 10; i++) {
      GcraResult result = store.check("k", 1, FIVE_PER_500MS, clock.nanoTime());
      assertTrue(result.allowed());
      assertEquals(5, result.remaining());
    }
    acquire("k", 5);
    GcraResult checked = store.check("k", 1, FIVE_PER_500MS, clock.nanoTime());
    assertFalse(checked.allowed());
    assertEquals(T, checked.retryAfterNanos());
  }

  @Test
  void acquire_sequence_matchesTheReferenceArithmetic() {
    long tat = Gcra.fullAt(clock.nanoTime());
    for (int i = 0; i < 200; i++) {
      long cost = (i * 7L) % 4;
      clock.advanceNanos((i * 37_000_000L) % 130_000_000L);
      long now = clock.nanoTime();
      Gcra.Step expected = Gcra.evaluate(tat, cost, FIVE_PER_500MS, now);
      GcraResult actual = store.acquire("k", cost, FIVE_PER_500MS, now);
      assertEquals(expected.result(), actual, "step " + i);
      tat = expected.newTat();
    }
  }

  @Test
  void acquire_concurrentCallers_neverExceedTheBurst()
      throws InterruptedException, ExecutionException, TimeoutException {
    GcraParams params = new GcraParams(1_000_000_000L, 1_000);
    int threads = 4;
    int perThread = 1_000;
    long now = clock.nanoTime();
    int total = ConcurrentAttempts.countAdmitted(threads, perThread,
        thread -> store.acquire("hot", 1, params, now).allowed());
    assertEquals(1_000, total, "exactly the burst is admitted out of " + threads * perThread);
  }

  /** Placeholder until {@link #createStore()} runs; never used by a test. */
  private static final class NullStore implements RateLimitStore {
    @Override
    public GcraResult acquire(String key, long cost, GcraParams params, long nowNanos) {
      throw new IllegalStateException("createStore() has not run");
    }

    @Override
    public GcraResult check(String key, long cost, GcraParams params, long nowNanos) {
      throw new IllegalStateException("createStore() has not run");
    }
  }
}
