package dev.bulwark.time;

/**
 * A monotonic source of nanoseconds for measuring elapsed time, with the semantics of
 * {@link System#nanoTime()}: the origin is arbitrary, values may be negative and may wrap, so
 * only the difference {@code t1 - t0} of two readings from the same clock has meaning.
 *
 * <p>Engines that measure time (rate limiting, caches) take a {@code NanoClock} so that tests
 * can advance time deterministically. Implementations must be thread-safe and must never go
 * backwards between two calls observed in program order.
 */
@FunctionalInterface
public interface NanoClock {

  /**
   * Returns the current reading in nanoseconds.
   *
   * @return the current value of this clock; meaningful only relative to another reading
   */
  long nanoTime();

  /**
   * Returns the clock backed by {@link System#nanoTime()}. The returned instance is a
   * stateless singleton and thread-safe.
   *
   * @return the system monotonic clock
   */
  static NanoClock system() {
    return SystemNanoClock.INSTANCE;
  }
}
