package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ratelimit.spi.Gcra;
import dev.bulwark.ratelimit.spi.GcraParams;
import dev.bulwark.ratelimit.spi.GcraResult;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.testkit.FakeClock;
import dev.bulwark.testkit.ratelimit.RateLimitStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store contract, plus what only the local store promises: its bound and its expiry. */
class LocalRateLimitStoreTest extends RateLimitStoreContract {

  private static final int CAP = 10_000;

  @Override
  protected RateLimitStore newStore(FakeClock clock) {
    return LocalRateLimitStore.create(CAP, clock);
  }

  private LocalRateLimitStore local() {
    return (LocalRateLimitStore) store;
  }

  @Test
  void keySpray_millionDistinctKeys_tableStaysAtTheCapAndALegitimateKeyKeepsItsState() {
    GcraParams legit = new GcraParams(Duration.ofSeconds(1).toNanos(), 10);
    for (int i = 0; i < 10; i++) {
      assertThat(store.acquire("legit", 1, legit, clock.nanoTime()).allowed()).isTrue();
    }
    GcraParams spray = new GcraParams(Duration.ofSeconds(1).toNanos(), 1);
    long maxSeen = 0;
    for (int i = 0; i < 1_000_000; i++) {
      store.acquire("spray-" + i, 1, spray, clock.nanoTime());
      if (i % 1_000 == 0) {
        // The legitimate client keeps calling: refused while it is over its limit...
        assertThat(store.acquire("legit", 1, legit, clock.nanoTime()).allowed())
            .as("legit key at spray %d", i).isFalse();
      }
      if (i % 100_000 == 0) {
        maxSeen = Math.max(maxSeen, local().size());
      }
    }
    maxSeen = Math.max(maxSeen, local().size());
    assertThat(maxSeen).isLessThanOrEqualTo(CAP);
    // ...and allowed again exactly when its own state says so.
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.acquire("legit", 1, legit, clock.nanoTime()).allowed()).isTrue();
    assertThat(store.acquire("legit", 1, legit, clock.nanoTime()).allowed()).isFalse();
  }

  @Test
  void expiry_keyFullForTheGrace_isForgotten() {
    GcraParams params = new GcraParams(Duration.ofSeconds(1).toNanos(), 3);
    for (int i = 0; i < 100; i++) {
      store.acquire("k" + i, 1, params, clock.nanoTime());
    }
    assertThat(local().size()).isEqualTo(100);
    // Full again after 1 s, forgotten one grace (1 s) later.
    clock.advance(Duration.ofSeconds(2));
    assertThat(local().size()).isZero();
  }

  @Test
  void expiry_keyFullForLessThanTheGrace_isKept() {
    GcraParams params = new GcraParams(Duration.ofSeconds(1).toNanos(), 3);
    store.acquire("k", 1, params, clock.nanoTime());
    clock.advance(Duration.ofSeconds(2).minusNanos(1));
    assertThat(local().size()).isEqualTo(1);
  }

  @Test
  void expiry_keyNotYetFull_isKept() {
    GcraParams params = new GcraParams(Duration.ofSeconds(1).toNanos(), 3);
    store.acquire("k", 3, params, clock.nanoTime());
    clock.advance(Duration.ofMillis(2_999));
    assertThat(local().size()).isEqualTo(1);
    assertThat(store.acquire("k", 3, params, clock.nanoTime()).allowed())
        .as("one nanosecond short of full").isFalse();
  }

  @Test
  void expiry_sweptKey_startsFullExactlyAsAnAbsentKey() {
    GcraParams params = new GcraParams(Duration.ofSeconds(1).toNanos(), 3);
    store.acquire("k", 3, params, clock.nanoTime());
    clock.advance(Duration.ofSeconds(5));
    assertThat(local().size()).isZero();
    GcraResult result = store.acquire("k", 1, params, clock.nanoTime());
    assertThat(result).isEqualTo(Gcra.allowed(params.emissionIntervalNanos(), params));
  }

  @Test
  void expiry_decisionAfterTheSweepInterval_sweepsOffTheRequestThread() {
    GcraParams params = new GcraParams(Duration.ofMillis(100).toNanos(), 1);
    for (int i = 0; i < 100; i++) {
      store.acquire("k" + i, 1, params, clock.nanoTime());
    }
    clock.advance(Duration.ofNanos(LocalRateLimitStore.SWEEP_INTERVAL_NANOS
        + LocalRateLimitStore.GRACE_NANOS));
    store.acquire("trigger", 1, params, clock.nanoTime());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (local().heldKeys() > 1 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(local().heldKeys()).as("only the key charged just now is left").isEqualTo(1);
  }

  @Test
  void charge_tatAtTheTombstoneValue_isStillCharged() {
    // The store's origin is 0; a TAT relative to it of Long.MIN_VALUE is the tombstone's value.
    // Its clock then reads the time the calls pass, as the store requires: with a clock left
    // at 0, the sweep these far-off times start would find the key long full and remove it
    // between two calls (a race this test once lost).
    long[] clockReads = {0L};
    LocalRateLimitStore edge = LocalRateLimitStore.create(CAP, () -> clockReads[0]);
    long now = Long.MIN_VALUE - FIVE_PER_500MS.emissionIntervalNanos();
    clockReads[0] = now;
    GcraResult first = edge.acquire("k", 1, FIVE_PER_500MS, now);
    assertThat(first.allowed()).isTrue();
    GcraResult second = edge.acquire("k", 4, FIVE_PER_500MS, now);
    assertThat(second.allowed()).as("stored one nanosecond later: errs towards refusal").isFalse();
    assertThat(edge.acquire("k", 1, FIVE_PER_500MS, now).remaining())
        .as("the key was not taken for a removed one").isLessThan(5);
  }

  @Test
  void create_zeroMaxKeys_isRefusedNamingTheSetting() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalRateLimitStore.create(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-keys");
  }
}
