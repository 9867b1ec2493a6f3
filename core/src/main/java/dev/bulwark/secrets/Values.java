package dev.bulwark.secrets;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into typed values. Leading and trailing white space is ignored. A failure throws
 * {@link MalformedSecretException} naming the key, the place and the expected form; the JDK
 * exception (whose message quotes the input) is deliberately not attached as the cause.
 */
final class Values {

  static final String INT = "a decimal integer between " + Integer.MIN_VALUE + " and "
      + Integer.MAX_VALUE;
  static final String LONG = "a decimal integer between " + Long.MIN_VALUE + " and "
      + Long.MAX_VALUE;
  static final String BOOLEAN = "a boolean (true/false, yes/no, on/off, 1/0, any case)";
  static final String DURATION = "a non-negative duration: ISO-8601 such as PT30S,"
      + " or a whole number with one unit of ms, s, m, h, d such as 30s";
  static final String URI_FORM = "an absolute URI such as https://host:443/path";
  static final String LIST = "a comma-separated list without empty items";

  private Values() {}

  static int toInt(String name, String place, String text) {
    long value = toLong(name, place, text, INT);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new MalformedSecretException(name, place, INT);
    }
    return (int) value;
  }

  static long toLong(String name, String place, String text) {
    return toLong(name, place, text, LONG);
  }

  private static long toLong(String name, String place, String text, String expected) {
    String s = text.strip();
    // Long.parseLong alone would accept non-ASCII digits (Arabic-Indic, fullwidth); refuse them.
    int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    boolean digits = s.length() > start;
    for (int i = start; i < s.length() && digits; i++) {
      digits = Ascii.isDigit(s.charAt(i));
    }
    if (!digits) {
      throw new MalformedSecretException(name, place, expected);
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException outOfRange) {
      throw new MalformedSecretException(name, place, expected);
    }
  }

  static boolean toBoolean(String name, String place, String text) {
    switch (dev.bulwark.http.Ascii.toLowerCase(text.strip())) {
      case "true", "yes", "on", "1":
        return true;
      case "false", "no", "off", "0":
        return false;
      default:
        throw new MalformedSecretException(name, place, BOOLEAN);
    }
  }

  static Duration toDuration(String name, String place, String text) {
    String s = text.strip();
    Duration duration;
    if (!s.isEmpty() && (s.charAt(0) == 'P' || s.charAt(0) == 'p')) {
      try {
        duration = Duration.parse(s);
      } catch (DateTimeException | ArithmeticException e) {
        throw new MalformedSecretException(name, place, DURATION);
      }
    } else {
      duration = simpleDuration(s);
      if (duration == null) {
        throw new MalformedSecretException(name, place, DURATION);
      }
    }
    if (duration.isNegative()) {
      throw new MalformedSecretException(name, place, DURATION);
    }
    return duration;
  }

  /** Parses {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}; null if not. */
  private static @org.jspecify.annotations.Nullable Duration simpleDuration(String s) {
    int digits = 0;
    while (digits < s.length() && Ascii.isDigit(s.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits > 18) {
      return null;
    }
    ChronoUnit unit;
    switch (s.substring(digits)) {
      case "ms" -> unit = ChronoUnit.MILLIS;
      case "s" -> unit = ChronoUnit.SECONDS;
      case "m" -> unit = ChronoUnit.MINUTES;
      case "h" -> unit = ChronoUnit.HOURS;
      case "d" -> unit = ChronoUnit.DAYS;
      default -> {
        return null;
      }
    }
    try {
      return Duration.of(Long.parseLong(s.substring(0, digits)), unit);
    } catch (ArithmeticException tooLong) {
      return null;
    }
  }

  static URI toUri(String name, String place, String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new MalformedSecretException(name, place, URI_FORM);
    }
    if (!uri.isAbsolute()) {
      throw new MalformedSecretException(name, place, URI_FORM);
    }
    return uri;
  }

  static List<String> toList(String name, String place, String text) {
    if (text.isBlank()) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String trimmed = item.strip();
      if (trimmed.isEmpty()) {
        throw new MalformedSecretException(name, place, LIST);
      }
      items.add(trimmed);
    }
    return List.copyOf(items);
  }
}
