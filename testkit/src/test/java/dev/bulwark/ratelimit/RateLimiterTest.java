package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ratelimit.spi.GcraParams;
import dev.bulwark.ratelimit.spi.GcraResult;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.ratelimit.spi.RateLimitStoreException;
import dev.bulwark.testkit.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final FakeClock clock = FakeClock.create();
  private final LocalRateLimitStore store = LocalRateLimitStore.create(1_000, clock);

  private RateLimiter limiter(RateLimitPolicy policy) {
    return RateLimiter.of(policy, store, clock, RateLimitListener.NONE);
  }

  private static RateLimitPolicy fivePerMinute() {
    return RateLimitPolicy.builder().name("login").limit(5).per(Duration.ofMinutes(1)).build();
  }

  @Test
  void tryAcquire_fivePerMinute_refillsOneEveryTwelveSecondsExactly() {
    RateLimiter limiter = limiter(fivePerMinute());
    for (int i = 1; i <= 5; i++) {
      RateLimitDecision d = limiter.tryAcquire("u");
      assertThat(d.allowed()).isTrue();
      assertThat(d.remaining()).isEqualTo(5 - i);
      assertThat(d.reset()).isEqualTo(Duration.ofSeconds(12L * i));
    }
    RateLimitDecision refused = limiter.tryAcquire("u");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    assertThat(refused.retryAfterSeconds()).isEqualTo(12);
    assertThat(refused.reset()).isEqualTo(Duration.ofMinutes(1));

    clock.advance(Duration.ofSeconds(11).plusMillis(500));
    RateLimitDecision early = limiter.tryAcquire("u");
    assertThat(early.allowed()).isFalse();
    assertThat(early.retryAfter()).isEqualTo(Duration.ofMillis(500));
    assertThat(early.retryAfterSeconds()).as("rounded up, never early").isEqualTo(1);

    clock.advance(Duration.ofMillis(500));
    assertThat(limiter.tryAcquire("u").allowed()).isTrue();
    assertThat(limiter.tryAcquire("u").allowed()).isFalse();

    clock.advance(Duration.ofSeconds(36));
    RateLimitDecision three = limiter.tryAcquire("u", 3);
    assertThat(three.allowed()).isTrue();
    assertThat(three.remaining()).isZero();
  }

  @Test
  void tryAcquire_periodNotDivisibleByLimit_neverExceedsTheLimitPerPeriod() {
    RateLimiter limiter = limiter(RateLimitPolicy.builder().name("odd").limit(3)
        .per(Duration.ofNanos(1_000_000_000L)).build());
    assertThat(limiter.policy().params().emissionIntervalNanos()).isEqualTo(333_333_334L);
    int admitted = 0;
    for (int step = 0; step < 1_000; step++) {
      if (limiter.tryAcquire("k").allowed()) {
        admitted++;
      }
      clock.advanceNanos(1_000_000L);
    }
    // 1 s elapsed: a full burst of 3, plus what refilled in 999 ms (2 units).
    assertThat(admitted).isEqualTo(5);
  }

  @Test
  void tryAcquire_burstBelowLimit_capsSpendingAtOnce() {
    RateLimiter limiter = limiter(RateLimitPolicy.builder().name("b").limit(60)
        .per(Duration.ofMinutes(1)).burst(2).build());
    assertThat(limiter.tryAcquire("k").allowed()).isTrue();
    assertThat(limiter.tryAcquire("k").allowed()).isTrue();
    assertThat(limiter.tryAcquire("k").allowed()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("k").allowed()).isTrue();
  }

  @Test
  void tryAcquire_costAboveBurst_throwsNamingTheBurst() {
    RateLimiter limiter = limiter(fivePerMinute());
    assertThatThrownBy(() -> limiter.tryAcquire("k", 6))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst (5)");
  }

  @Test
  void tryAcquire_policiesSharingAStore_areScopedByName() {
    RateLimiter a = limiter(fivePerMinute());
    RateLimiter b = limiter(fivePerMinute().toBuilder().name("other").build());
    a.tryAcquire("k", 5);
    assertThat(a.tryAcquire("k").allowed()).isFalse();
    assertThat(b.tryAcquire("k").allowed()).isTrue();
  }

  @Test
  void decision_headerItem_followsTheDraftSyntax() {
    RateLimitDecision d = limiter(fivePerMinute()).tryAcquire("k", 2);
    assertThat(d.headerItem()).isEqualTo("\"login\";r=3;t=24");
    assertThat(d.policy().policyHeaderItem()).isEqualTo("\"login\";q=5;w=60");
  }

  @Test
  void tryAcquire_storeFails_failsClosedByDefault() {
    List<String> events = new ArrayList<>();
    RateLimiter limiter = RateLimiter.of(fivePerMinute(), new FailingStore(), clock,
        recording(events));
    RateLimitDecision d = limiter.tryAcquire("k");
    assertThat(d.allowed()).isFalse();
    assertThat(d.storeFailed()).isTrue();
    assertThat(d.retryAfterSeconds()).isEqualTo(1);
    assertThat(events).containsExactly("error:false");
  }

  @Test
  void tryAcquire_storeFailsWithFailOpen_allows() {
    List<String> events = new ArrayList<>();
    RateLimiter limiter = RateLimiter.of(fivePerMinute().toBuilder().failOpen().build(),
        new FailingStore(), clock, recording(events));
    RateLimitDecision d = limiter.tryAcquire("k");
    assertThat(d.allowed()).isTrue();
    assertThat(d.storeFailed()).isTrue();
    assertThat(events).containsExactly("error:true");
  }

  @Test
  void tryAcquire_storeFailsButItsFallbackDecides_answersWithTheFallbackAndReportsTheError() {
    List<String> events = new ArrayList<>();
    RateLimitStore fallingBack = new FailingStore() {
      @Override
      public GcraResult acquire(String key, long cost, GcraParams params, long nowNanos) {
        throw new RateLimitStoreException("unreachable", new IllegalStateException("down"),
            new GcraResult(false, 0, 12, 7_000_000_000L));
      }
    };
    RateLimiter limiter = RateLimiter.of(fivePerMinute().toBuilder().failOpen().build(),
        fallingBack, clock, recording(events));
    RateLimitDecision d = limiter.tryAcquire("k");
    assertThat(d.allowed()).as("the fallback's refusal wins over fail-open").isFalse();
    assertThat(d.storeFailed()).as("an ordinary 429, not a 503").isFalse();
    assertThat(d.retryAfterSeconds()).isEqualTo(7);
    assertThat(events).containsExactly("error:false");
  }

  @Test
  void listener_allowedAndLimited_areReported() {
    List<String> events = new ArrayList<>();
    RateLimiter limiter = RateLimiter.of(fivePerMinute(), store, clock, recording(events));
    limiter.tryAcquire("k", 5);
    limiter.tryAcquire("k");
    limiter.check("k", 1);
    assertThat(events).containsExactly("allowed", "limited", "limited");
  }

  @Test
  void tryAcquire_concurrentCallersWhileTimeAdvances_neverAdmitMoreThanThePolicy()
      throws Exception {
    RateLimiter limiter = limiter(RateLimitPolicy.builder().name("c").limit(100)
        .per(Duration.ofSeconds(1)).build());
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch start = new CountDownLatch(1);
      long begin = clock.nanoTime();
      Future<?> ticker = pool.submit(() -> {
        start.await();
        for (int i = 0; i < 2_000; i++) {
          clock.advance(Duration.ofMillis(1));
          Thread.onSpinWait();
        }
        stop.set(true);
        return null;
      });
      List<Future<Integer>> counts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Integer> caller = () -> {
          start.await();
          int allowed = 0;
          while (!stop.get()) {
            if (limiter.tryAcquire("hot").allowed()) {
              allowed++;
            }
          }
          return allowed;
        };
        counts.add(pool.submit(caller));
      }
      start.countDown();
      ticker.get(60, TimeUnit.SECONDS);
      int total = 0;
      for (Future<Integer> f : counts) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      long elapsed = clock.nanoTime() - begin;
      long bound = 100 + elapsed / limiter.policy().params().emissionIntervalNanos();
      assertThat(total).as("admitted over %d ns", elapsed).isLessThanOrEqualTo((int) bound);
      // The state the race left behind is consistent: a full period later, exactly the burst.
      clock.advance(Duration.ofSeconds(1));
      int after = 0;
      while (limiter.tryAcquire("hot").allowed()) {
        after++;
      }
      assertThat(after).isEqualTo(100);
    } finally {
      pool.shutdownNow();
    }
  }

  private static RateLimitListener recording(List<String> events) {
    return new RateLimitListener() {
      @Override
      public void onAllowed(RateLimitDecision decision) {
        events.add("allowed");
      }

      @Override
      public void onLimited(RateLimitDecision decision) {
        events.add("limited");
      }

      @Override
      public void onStoreError(RateLimitDecision decision, RuntimeException error) {
        events.add("error:" + decision.allowed());
      }
    };
  }

  private static class FailingStore implements RateLimitStore {
    @Override
    public GcraResult acquire(String key, long cost, GcraParams params, long nowNanos) {
      throw new RateLimitStoreException("unreachable");
    }

    @Override
    public GcraResult check(String key, long cost, GcraParams params, long nowNanos) {
      throw new RateLimitStoreException("unreachable");
    }
  }
}
