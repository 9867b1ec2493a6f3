package dev.bulwark.validation.internal;

import dev.bulwark.validate.Rule;
import dev.bulwark.validate.Rules;
import dev.bulwark.validate.Violation;
import dev.bulwark.validation.PlainDecimal;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Validates {@link PlainDecimal} with {@link Rules#decimal}. */
public final class PlainDecimalValidator
    implements ConstraintValidator<PlainDecimal, CharSequence> {

  private @Nullable Rule rule;
  private boolean detailedMessage;

  /** Creates the validator; the provider calls {@link #initialize}. */
  public PlainDecimalValidator() {
    // configured in initialize
  }

  @Override
  public void initialize(PlainDecimal annotation) {
    BigDecimal min = bound("min", annotation.min());
    BigDecimal max = bound("max", annotation.max());
    try {
      rule = Rules.decimal(min, max, annotation.maxScale());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("@PlainDecimal: " + e.getMessage(), e);
    }
    detailedMessage = annotation.message().equals(PlainDecimal.DEFAULT_MESSAGE);
  }

  private static BigDecimal bound(String name, String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("@PlainDecimal(" + name + " = \"" + value
          + "\"): not a decimal number; write the bound like \"-10.5\" or \"9999.99\"", e);
    }
  }

  @Override
  public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    Rule checked = rule;
    if (checked == null) {
      throw new IllegalStateException("PlainDecimalValidator used before initialize");
    }
    Optional<Violation> violation = checked.check(value.toString());
    if (violation.isPresent() && detailedMessage) {
      context.disableDefaultConstraintViolation();
      // The rule's message holds only fixed text and the configured bounds (digits, '-', '.'),
      // never the value; escaped anyway so no message interpolation can run on it.
      context.buildConstraintViolationWithTemplate(escape(violation.get().message()))
          .addConstraintViolation();
    }
    return violation.isEmpty();
  }

  /** Escapes the characters Bean Validation message interpolation treats as syntax. */
  private static String escape(String message) {
    StringBuilder out = new StringBuilder(message.length());
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '{' || c == '}' || c == '$' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
