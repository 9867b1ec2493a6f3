package dev.bulwark.ratelimit;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Parses a period setting: ISO-8601 ({@code PT1M}, {@code PT0.5S}, {@code P1D}) or a short form,
 * a whole number and a unit ({@code 500ms}, {@code 30s}, {@code 1m}, {@code 2h}, {@code 1d}).
 */
public final class Periods {

  private static final int MAX_LENGTH = 32;

  private Periods() {}

  /**
   * Parses a period.
   *
   * @param text the setting's value
   * @return a positive duration of at most {@link RateLimitPolicy#MAX_PERIOD}
   * @throws IllegalArgumentException when the text is not a period of that range; the message
   *     shows the accepted forms
   */
  public static Duration parse(String text) {
    String s = text.strip();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      throw invalid();
    }
    Duration period;
    char first = s.charAt(0);
    if (first == 'P' || first == 'p') {
      try {
        period = Duration.parse(s);
      } catch (DateTimeParseException e) {
        throw invalid();
      }
    } else {
      period = shortForm(s);
    }
    if (period.isNegative() || period.isZero()
        || period.compareTo(RateLimitPolicy.MAX_PERIOD) > 0) {
      throw new IllegalArgumentException(
          "period must be positive and at most 366 days, got " + period);
    }
    return period;
  }

  private static Duration shortForm(String s) {
    int digits = 0;
    while (digits < s.length() && s.charAt(digits) >= '0' && s.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0 || digits > 9) {
      throw invalid();
    }
    long amount = Long.parseLong(s.substring(0, digits));
    return switch (s.substring(digits)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> throw invalid();
    };
  }

  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException("period must be ISO-8601 (PT1M, PT0.5S, P1D) or a"
        + " whole number with ms, s, m, h or d (500ms, 30s, 1m, 2h, 1d)");
  }
}
