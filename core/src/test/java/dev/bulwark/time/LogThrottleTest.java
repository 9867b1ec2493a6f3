package dev.bulwark.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

  // Near the top of the long range, so that the interval arithmetic wraps during the test.
  private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - 5_000_000_000L);
  private final LogThrottle throttle = LogThrottle.every(Duration.ofSeconds(10), now::get);

  private void advanceSeconds(long seconds) {
    now.addAndGet(seconds * 1_000_000_000L);
  }

  @Test
  void admit_firstEvent_isLoggedWithNothingSuppressed() {
    assertThat(throttle.admit()).isZero();
  }

  @Test
  void admit_floodWithinTheInterval_isSuppressedAndCountedOnTheNextLine() {
    throttle.admit();
    for (int i = 0; i < 1000; i++) {
      assertThat(throttle.admit()).isEqualTo(-1);
    }
    advanceSeconds(9);
    assertThat(throttle.admit()).as("still within the interval").isEqualTo(-1);
    advanceSeconds(1);

    assertThat(throttle.admit()).isEqualTo(1001);
    assertThat(throttle.admit()).isEqualTo(-1);
  }

  @Test
  void admit_afterAQuietInterval_logsAgainWithNothingSuppressed() {
    throttle.admit();
    advanceSeconds(60);

    assertThat(throttle.admit()).isZero();
  }

  @Test
  void admit_concurrentFlood_logsOnceAndCountsEveryOtherEvent() throws Exception {
    throttle.admit();
    advanceSeconds(10);
    AtomicLong logged = new AtomicLong();
    AtomicLong reportedSuppressed = new AtomicLong();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          long admitted = throttle.admit();
          if (admitted >= 0) {
            logged.incrementAndGet();
            reportedSuppressed.addAndGet(admitted);
          }
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    advanceSeconds(10);
    reportedSuppressed.addAndGet(throttle.admit());

    assertThat(logged.get()).isEqualTo(1);
    assertThat(reportedSuppressed.get()).isEqualTo(40_000 - 1);
  }

  @Test
  void every_zeroInterval_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LogThrottle.every(Duration.ZERO, now::get))
        .withMessageContaining("interval must be between 1 ms and 1 day");
  }
}
