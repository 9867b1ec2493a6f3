package dev.bulwark.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** calibrate(): the loop runs on an injected clock and an injected hash step. */
class CalibrateTest {

  /** A fake hash step: cost c "takes" 2^c * 100 microseconds on the fake clock. */
  private static int calibrate(Duration target, FakeClock clock) {
    return BcryptBuilder.calibrate(target, BcryptBuilder.MIN_COST, 20, clock,
        c -> clock.advanceNanos((1L << c) * 100_000L));
  }

  @Test
  void calibrate_target200ms_picksFirstCostReachingIt() {
    // cost 10: 102.4 ms, cost 11: 204.8 ms
    assertThat(calibrate(Duration.ofMillis(200), FakeClock.create())).isEqualTo(11);
  }

  @Test
  void calibrate_targetExactlyReached_picksThatCost() {
    assertThat(calibrate(Duration.ofNanos(1024L * 100_000L * 4), FakeClock.create()))
        .isEqualTo(12);
  }

  @Test
  void calibrate_tinyTarget_neverBelowMinimum() {
    assertThat(calibrate(Duration.ofNanos(1), FakeClock.create())).isEqualTo(10);
  }

  @Test
  void calibrate_hugeTarget_stopsAtCeiling() {
    assertThat(calibrate(Duration.ofDays(1), FakeClock.create())).isEqualTo(20);
  }

  @Test
  void calibrate_usesMedianNotMean() {
    FakeClock clock = FakeClock.create();
    int[] call = {0};
    // At cost 10 one sample in five is very slow (a GC pause); the median ignores it.
    int cost = BcryptBuilder.calibrate(Duration.ofMillis(150), 10, 20, clock, c -> {
      long nanos = (1L << c) * 100_000L;
      if (c == 10 && call[0]++ == 0) {
        nanos = Duration.ofSeconds(5).toNanos();
      }
      clock.advanceNanos(nanos);
    });
    assertThat(cost).isEqualTo(11);
  }

  @Test
  void builderCalibrate_withFakeClockThatNeverAdvances_picksCeilingOfMaxVerifyCost() {
    FakeClock clock = FakeClock.create();
    // The clock never moves, so no cost reaches the target; capped by maxVerifyCost(10).
    BcryptBuilder builder = PasswordHasher.bcrypt().maxVerifyCost(10).nanoClock(clock)
        .calibrate(Duration.ofMillis(1));
    assertThat(builder.cost).isEqualTo(10);
  }

  @Test
  void calibrate_nonPositiveTarget_isRefused() {
    assertThatThrownBy(() -> PasswordHasher.bcrypt().calibrate(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calibrate");
  }
}
