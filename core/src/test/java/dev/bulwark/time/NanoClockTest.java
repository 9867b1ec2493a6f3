package dev.bulwark.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NanoClockTest {

  @Test
  void system_isSingleton() {
    assertThat(NanoClock.system()).isSameAs(NanoClock.system());
  }

  @Test
  void system_readingsNeverGoBackwards() {
    NanoClock clock = NanoClock.system();
    long previous = clock.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      long now = clock.nanoTime();
      assertThat(now - previous).isGreaterThanOrEqualTo(0L);
      previous = now;
    }
  }

  @Test
  void system_tracksSystemNanoTime() {
    long before = System.nanoTime();
    long reading = NanoClock.system().nanoTime();
    long after = System.nanoTime();
    assertThat(reading - before).isGreaterThanOrEqualTo(0L);
    assertThat(after - reading).isGreaterThanOrEqualTo(0L);
  }

  @Test
  void system_toStringNamesTheFactory() {
    assertThat(NanoClock.system()).hasToString("NanoClock.system()");
  }
}
