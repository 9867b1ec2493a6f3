package dev.bulwark.validate;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Rules#decimal} rule. The value is checked character by character before any
 * {@link BigDecimal} is made: only {@code -?digits(.digits)?} in ASCII, no exponent, no sign
 * {@code +}, no whitespace, and at most as many characters as the bounds can need. So
 * {@code 1e999999999} (which {@code new BigDecimal} accepts and which can blow up a later
 * {@code toPlainString()} or {@code setScale}) never reaches the parser, and parsing work is
 * bounded by a length fixed when the rule is made.
 */
final class DecimalRule implements Rule {

  /** The largest {@code maxScale} accepted. */
  static final int MAX_SCALE = 100;

  private final BigDecimal min;
  private final BigDecimal max;
  private final int maxScale;
  private final int maxLength;
  private final String range;

  DecimalRule(BigDecimal min, BigDecimal max, int maxScale) {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("decimal(" + min.toPlainString() + ", "
          + max.toPlainString() + ", ...): need min <= max");
    }
    if (maxScale < 0 || maxScale > MAX_SCALE) {
      throw new IllegalArgumentException("decimal(..., maxScale=" + maxScale
          + "): use 0 to " + MAX_SCALE + " digits after the point");
    }
    long integerDigits = Math.max(integerDigits(min), integerDigits(max));
    if (integerDigits > 1000) {
      throw new IllegalArgumentException("decimal(...): bounds with more than 1000 integer"
          + " digits are refused; use bounds that fit your column");
    }
    this.min = min;
    this.max = max;
    this.maxScale = maxScale;
    // sign + integer digits + point + fraction digits, plus room for a few leading zeros
    this.maxLength = (int) integerDigits + maxScale + 10;
    this.range = min.toPlainString() + " and " + max.toPlainString();
  }

  /** Digits before the point, without expanding the number (a bound may be 1E+999999999). */
  private static long integerDigits(BigDecimal bound) {
    return Math.max(1L, (long) bound.precision() - bound.scale());
  }

  @Override
  public Optional<Violation> check(String value) {
    int n = value.length();
    if (n > maxLength) {
      return Rules.fail("too_long", "must be at most " + maxLength + " characters");
    }
    int i = n > 0 && value.charAt(0) == '-' ? 1 : 0;
    int integerStart = i;
    while (i < n && isDigit(value.charAt(i))) {
      i++;
    }
    boolean syntax = i > integerStart;
    int fraction = 0;
    if (syntax && i < n && value.charAt(i) == '.') {
      int fractionStart = ++i;
      while (i < n && isDigit(value.charAt(i))) {
        i++;
      }
      fraction = i - fractionStart;
      syntax = fraction > 0;
    }
    if (!syntax || i != n) {
      return Rules.fail("not_decimal", "must be a plain decimal number such as -12.50 (digits,"
          + " an optional minus and point, no exponent)");
    }
    if (fraction > maxScale) {
      return Rules.fail("too_many_decimals", maxScale == 0 ? "must be a whole number"
          : "must have at most " + maxScale + " digits after the point");
    }
    BigDecimal parsed = new BigDecimal(value);
    return parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0
        ? Rules.fail("out_of_range", "must be between " + range) : Rules.ok();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
