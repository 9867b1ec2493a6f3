package dev.bulwark.ratelimit;

import dev.bulwark.time.NanoClock;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * jcstress tests of {@link LocalRateLimitStore}'s admit decision, through {@link RateLimiter}
 * (the path a filter takes). Each test's state is a fresh store whose clock stands still, so
 * the only freedom is the interleaving; an outcome that admits more than the policy, or loses
 * a charge, is forbidden. {@code ./mvnw verify} runs them in a bounded mode (testkit's pom);
 * see {@code docs/rate-limiting.md} for a longer run. Each test declares its own actors:
 * jcstress does not take {@code @Actor} methods from a superclass.
 */
final class LocalStoreStress {

  /** A fixed time, near the wrap of a nanosecond clock. */
  static final long NOW = Long.MAX_VALUE - 5_000_000_000L;

  private LocalStoreStress() {}

  static RateLimiter limiter(LocalRateLimitStore store, NanoClock clock, long limit) {
    RateLimitPolicy policy = RateLimitPolicy.builder().name("stress").limit(limit)
        .per(Duration.ofSeconds(1)).build();
    return RateLimiter.of(policy, store, clock, RateLimitListener.NONE);
  }

  /** Two callers race for the last unit of a key: exactly one is admitted. */
  @JCStressTest
  @Outcome(id = {"true, false", "false, true"}, expect = Expect.ACCEPTABLE,
      desc = "exactly one of the two is admitted")
  @Outcome(id = "true, true", expect = Expect.FORBIDDEN, desc = "over-admission: limit is 1")
  @Outcome(expect = Expect.FORBIDDEN, desc = "a unit the key had was refused")
  @State
  public static class TwoCallersLimitOne {
    private final LocalRateLimitStore store = LocalRateLimitStore.create(16, () -> NOW);
    private final RateLimiter limiter = limiter(store, () -> NOW, 1);

    @Actor
    public void first(ZZ_Result r) {
      r.r1 = limiter.tryAcquire("k").allowed();
    }

    @Actor
    public void second(ZZ_Result r) {
      r.r2 = limiter.tryAcquire("k").allowed();
    }
  }

  /**
   * Two callers each take one of a limit of two: both are admitted, one sees remaining 1 and
   * the other 0. Remaining 1 twice would be a lost charge (a third caller would then get in).
   */
  @JCStressTest
  @Outcome(id = {"1, 0", "0, 1"}, expect = Expect.ACCEPTABLE,
      desc = "both admitted, each charge counted once")
  @Outcome(id = "1, 1", expect = Expect.FORBIDDEN, desc = "a lost charge")
  @Outcome(expect = Expect.FORBIDDEN, desc = "a refusal or an inexact remaining")
  @State
  public static class TwoCallersLimitTwo {
    private final LocalRateLimitStore store = LocalRateLimitStore.create(16, () -> NOW);
    private final RateLimiter limiter = limiter(store, () -> NOW, 2);

    private int spend() {
      RateLimitDecision decision = limiter.tryAcquire("k");
      return decision.allowed() ? (int) decision.remaining() : -1;
    }

    @Actor
    public void first(II_Result r) {
      r.r1 = spend();
    }

    @Actor
    public void second(II_Result r) {
      r.r2 = spend();
    }
  }

  /**
   * Two callers ask for 2 units of a limit of 3: one is admitted (remaining 1), the other is
   * refused and told the key still has 1 and to retry after exactly one interval.
   */
  @JCStressTest
  @Outcome(id = {"1, -1", "-1, 1"}, expect = Expect.ACCEPTABLE,
      desc = "one admitted with 1 left; the other refused, retry after one interval")
  @Outcome(id = "1, 1", expect = Expect.FORBIDDEN, desc = "over-admission: 4 units of 3")
  @Outcome(expect = Expect.FORBIDDEN, desc = "a wrong refusal, remaining or retry-after")
  @State
  public static class TwoCallersCostTwoOfThree {
    private final LocalRateLimitStore store = LocalRateLimitStore.create(16, () -> NOW);
    private final RateLimiter limiter = limiter(store, () -> NOW, 3);

    private int spend() {
      RateLimitDecision decision = limiter.tryAcquire("k", 2);
      if (decision.allowed()) {
        return (int) decision.remaining();
      }
      boolean exact = decision.remaining() == 1
          && decision.retryAfter().equals(Duration.ofNanos(333_333_334L));
      return exact ? -1 : -2;
    }

    @Actor
    public void first(II_Result r) {
      r.r1 = spend();
    }

    @Actor
    public void second(II_Result r) {
      r.r2 = spend();
    }
  }

  /**
   * A key charged long ago is full and due for removal. One caller spends its one unit while
   * the other thread sweeps and then spends: exactly one is admitted whichever way the sweep
   * falls. Were the sweep to remove a cell a caller had just charged, the charge would be lost
   * and both would be admitted.
   */
  @JCStressTest
  @Outcome(id = {"true, false", "false, true"}, expect = Expect.ACCEPTABLE,
      desc = "exactly one admitted, whether the sweep removed the key first or not")
  @Outcome(id = "true, true", expect = Expect.FORBIDDEN,
      desc = "over-admission: a charge was lost to the sweep")
  @Outcome(expect = Expect.FORBIDDEN, desc = "a unit the key had was refused")
  @State
  public static class CallerAndSweep {
    private long now = NOW - 10_000_000_000L;
    private final LocalRateLimitStore store = LocalRateLimitStore.create(16, () -> now);
    private final RateLimiter limiter = limiter(store, () -> now, 1);

    /** Charges the key ten seconds ago; by now it has been full for nine. */
    public CallerAndSweep() {
      if (!limiter.tryAcquire("k").allowed()) {
        throw new IllegalStateException("the first charge must be allowed");
      }
      now = NOW;
    }

    @Actor
    public void caller(ZZ_Result r) {
      r.r1 = limiter.tryAcquire("k").allowed();
    }

    @Actor
    public void sweepThenCaller(ZZ_Result r) {
      store.sweep();
      r.r2 = limiter.tryAcquire("k").allowed();
    }
  }
}
