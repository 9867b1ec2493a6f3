package dev.bulwark.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets at most one log line through per interval and counts the events it held back, so that a
 * flood of identical events (cross-site requests in report-only mode, say) cannot flood the
 * log. The first event is always admitted; after that, an event is admitted once the interval
 * since the last admitted one has passed, and the admitted line reports how many were
 * suppressed in between. Lock-free and thread-safe; time comes from the injected
 * {@link NanoClock}.
 */
public final class LogThrottle {

  private final NanoClock clock;
  private final long intervalNanos;
  private final Duration interval;
  private final AtomicLong nextNanos;
  private final AtomicLong suppressed = new AtomicLong();

  private LogThrottle(Duration interval, NanoClock clock) {
    this.clock = clock;
    this.interval = interval;
    this.intervalNanos = interval.toNanos();
    this.nextNanos = new AtomicLong(clock.nanoTime());
  }

  /**
   * A throttle admitting one event per {@code interval}.
   *
   * @param interval at least one millisecond and at most one day
   * @param clock the clock
   * @return the throttle
   * @throws IllegalArgumentException for an interval outside the bounds
   */
  public static LogThrottle every(Duration interval, NanoClock clock) {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(clock, "clock");
    if (interval.compareTo(Duration.ofMillis(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("interval must be between 1 ms and 1 day, was "
          + interval);
    }
    return new LogThrottle(interval, clock);
  }

  /**
   * Records one event and says whether to log it.
   *
   * @return {@code -1} to drop the event; otherwise log it, with this number of events dropped
   *     since the last logged one
   */
  public long admit() {
    long now = clock.nanoTime();
    long next = nextNanos.get();
    if (now - next < 0 || !nextNanos.compareAndSet(next, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return -1;
    }
    return suppressed.getAndSet(0);
  }

  /**
   * The interval.
   *
   * @return the interval between two admitted events
   */
  public Duration interval() {
    return interval;
  }

  @Override
  public String toString() {
    return "LogThrottle[one per " + interval + "]";
  }
}
