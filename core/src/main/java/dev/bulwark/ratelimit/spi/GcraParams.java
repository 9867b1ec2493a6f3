package dev.bulwark.ratelimit.spi;

/**
 * What a store needs to know about a policy: one unit of cost every
 * {@code emissionIntervalNanos}, at most {@code burst} units at once.
 *
 * @param emissionIntervalNanos nanoseconds per unit of cost (the policy's period divided by its
 *     limit, rounded up so the limit is never exceeded)
 * @param burst units available to a key whose state is full
 */
public record GcraParams(long emissionIntervalNanos, long burst) {

  /** The largest {@code emissionIntervalNanos * burst}: about 146 years. */
  public static final long MAX_TOLERANCE_NANOS = Long.MAX_VALUE / 2;

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException when a value is not positive or the product overflows
   */
  public GcraParams {
    if (emissionIntervalNanos < 1) {
      throw new IllegalArgumentException(
          "emissionIntervalNanos must be at least 1, got " + emissionIntervalNanos);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, got " + burst);
    }
    if (burst > MAX_TOLERANCE_NANOS / emissionIntervalNanos) {
      throw new IllegalArgumentException("burst * emission interval must not exceed "
          + MAX_TOLERANCE_NANOS + " ns; lower the burst or the period");
    }
  }

  /**
   * How long a key's state lasts after its last use: the time for a key that has just spent
   * everything to be full again.
   *
   * @return {@code emissionIntervalNanos * burst}
   */
  public long toleranceNanos() {
    return emissionIntervalNanos * burst;
  }
}
