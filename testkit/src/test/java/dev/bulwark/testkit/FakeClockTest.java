package dev.bulwark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeClockTest {

  @Test
  void create_startsAtDefaults() {
    FakeClock clock = FakeClock.create();
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(clock.millis()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    assertThat(clock.nanoTime()).isEqualTo(FakeClock.DEFAULT_NANO_ORIGIN);
  }

  @Test
  void readings_withoutAdvance_neverMove() {
    FakeClock clock = FakeClock.create();
    Instant first = clock.instant();
    long firstNanos = clock.nanoTime();
    for (int i = 0; i < 1000; i++) {
      assertThat(clock.instant()).isEqualTo(first);
      assertThat(clock.nanoTime()).isEqualTo(firstNanos);
    }
  }

  @Test
  void advance_movesBothClocksByTheSameAmount() {
    FakeClock clock = FakeClock.startingAt(Instant.EPOCH, 0L);
    clock.advance(Duration.ofMillis(1500)).advance(Duration.ofNanos(7));
    assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusMillis(1500).plusNanos(7));
    assertThat(clock.nanoTime()).isEqualTo(1_500_000_007L);
  }

  @Test
  void advanceNanos_movesBothClocks() {
    FakeClock clock = FakeClock.startingAt(Instant.EPOCH, -10L);
    clock.advanceNanos(25);
    assertThat(clock.nanoTime()).isEqualTo(15L);
    assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusNanos(25));
  }

  @Test
  void advance_zero_isAllowedAndChangesNothing() {
    FakeClock clock = FakeClock.create();
    clock.advance(Duration.ZERO).advanceNanos(0);
    assertThat(clock.instant()).isEqualTo(FakeClock.DEFAULT_START);
    assertThat(clock.nanoTime()).isEqualTo(FakeClock.DEFAULT_NANO_ORIGIN);
  }

  @Test
  void advance_negativeDuration_isRejectedAndNothingMoves() {
    FakeClock clock = FakeClock.create();
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative")
        .hasMessageContaining("setInstant");
    assertThatThrownBy(() -> clock.advanceNanos(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.nanoTime()).isEqualTo(FakeClock.DEFAULT_NANO_ORIGIN);
    assertThat(clock.instant()).isEqualTo(FakeClock.DEFAULT_START);
  }

  @Test
  void advance_null_isRejectedWithTheParameterName() {
    FakeClock clock = FakeClock.create();
    assertThatThrownBy(() -> clock.advance(null))
        .isInstanceOf(NullPointerException.class).hasMessage("amount");
    assertThatThrownBy(() -> clock.setInstant(null))
        .isInstanceOf(NullPointerException.class).hasMessage("instant");
    assertThatThrownBy(() -> FakeClock.startingAt(null))
        .isInstanceOf(NullPointerException.class).hasMessage("start");
  }

  @Test
  void advance_durationTooLargeForNanos_isRejected() {
    FakeClock clock = FakeClock.create();
    assertThatThrownBy(() -> clock.advance(Duration.ofDays(365L * 300)))
        .isInstanceOf(ArithmeticException.class);
    assertThat(clock.nanoTime()).isEqualTo(FakeClock.DEFAULT_NANO_ORIGIN);
  }

  @Test
  void defaultOrigin_wrapsAfterOneHour_butDifferencesStayCorrect() {
    FakeClock clock = FakeClock.create();
    long before = clock.nanoTime();
    clock.advance(Duration.ofHours(2));
    long after = clock.nanoTime();
    assertThat(after).isNegative(); // wrapped, as System.nanoTime() may
    assertThat(after - before).isEqualTo(Duration.ofHours(2).toNanos());
  }

  @Test
  void setInstant_movesOnlyTheWallClock_inEitherDirection() {
    FakeClock clock = FakeClock.create();
    long nanos = clock.nanoTime();
    clock.setInstant(Instant.parse("2020-06-01T12:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2020-06-01T12:00:00Z"));
    assertThat(clock.nanoTime()).isEqualTo(nanos);
    clock.setInstant(Instant.parse("2030-06-01T12:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2030-06-01T12:00:00Z"));
    assertThat(clock.nanoTime()).isEqualTo(nanos);
  }

  @Test
  void withZone_givesAJavaTimeClockThatFollowsTheFakeClock() {
    FakeClock fake = FakeClock.create();
    Clock clock = fake.withZone(ZoneOffset.UTC);
    fake.advance(Duration.ofMinutes(5));
    assertThat(clock.instant()).isEqualTo(FakeClock.DEFAULT_START.plusSeconds(300));
  }

  @Test
  void toString_showsBothReadings() {
    FakeClock clock = FakeClock.startingAt(Instant.EPOCH, 42L);
    assertThat(clock).hasToString("FakeClock[instant=1970-01-01T00:00:00Z, nanoTime=42]");
  }

  @Test
  void advance_concurrentFromManyThreads_losesNoUpdate() throws Exception {
    FakeClock clock = FakeClock.startingAt(Instant.EPOCH, 0L);
    int threads = 8;
    int perThread = 10_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            clock.advanceNanos(3);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    long expected = 3L * threads * perThread;
    assertThat(clock.nanoTime()).isEqualTo(expected);
    assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusNanos(expected));
  }
}
