package dev.bulwark.ratelimit.spi;

/**
 * A store's answer for one key.
 *
 * @param allowed whether the cost was charged
 * @param remaining units still available right after this decision (0 or more)
 * @param resetNanos nanoseconds until the key's state is full again
 * @param retryAfterNanos when refused, nanoseconds until the same cost would be allowed;
 *     0 when allowed
 */
public record GcraResult(boolean allowed, long remaining, long resetNanos, long retryAfterNanos) {

  /**
   * Validates the values.
   *
   * @throws IllegalArgumentException when a value is negative, or an allowed result has a
   *     retry-after
   */
  public GcraResult {
    if (remaining < 0 || resetNanos < 0 || retryAfterNanos < 0) {
      throw new IllegalArgumentException("values must not be negative");
    }
    if (allowed && retryAfterNanos != 0) {
      throw new IllegalArgumentException("an allowed result has no retry-after");
    }
    if (!allowed && retryAfterNanos == 0) {
      throw new IllegalArgumentException("a refused result has a positive retry-after");
    }
  }
}
