package dev.bulwark.demo;

import dev.bulwark.ratelimit.Periods;
import java.time.Duration;

/**
 * A limit option's value, {@code N/PERIOD}: {@code 5/1m} is five per minute. The period takes
 * the forms of {@link Periods#parse(String)} ({@code 30s}, {@code 1m}, {@code PT1H}).
 *
 * @param count how many per period, at least 1
 * @param period the period
 */
record RatePerPeriod(long count, Duration period) {

  static RatePerPeriod parse(String option, String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new IllegalArgumentException(option + " takes N/PERIOD such as 5/1m, got '" + text
          + "'");
    }
    long count;
    try {
      count = Long.parseLong(text.substring(0, slash).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + text.substring(0, slash)
          + "' is not a whole number; write N/PERIOD such as 5/1m", e);
    }
    if (count < 1 || count > 1_000_000) {
      throw new IllegalArgumentException(option + ": the count must be 1 to 1000000, got "
          + count);
    }
    try {
      return new RatePerPeriod(count, Periods.parse(text.substring(slash + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return count + " per " + period;
  }
}
