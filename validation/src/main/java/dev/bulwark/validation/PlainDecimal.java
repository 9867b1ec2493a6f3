package dev.bulwark.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.bulwark.validation.internal.PlainDecimalValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The value is a plain decimal number in {@code [min, max]} with at most {@code maxScale}
 * digits after the point, as {@code dev.bulwark.validate.Rules.decimal} defines it: ASCII
 * digits, an optional leading {@code -}, an optional {@code .} followed by at least one digit.
 * Exponents ({@code 1e999999999}), {@code +}, whitespace and non-ASCII digits are refused
 * before any {@code BigDecimal} is made, and so is a value longer than the bounds can need.
 *
 * <pre>{@code
 * record Order(@PlainDecimal(min = "0.01", max = "10000", maxScale = 2) String amount) {}
 * }</pre>
 *
 * <p>The bounds are read when the validator is initialized; a bound that is not a number, a
 * {@code max} below {@code min} or a {@code maxScale} outside 0 to 100 fails there (Hibernate
 * Validator reports it as a {@code ValidationException}) with a message naming the setting.
 * With the default message, each violation says what is wrong ("must have at most 2 digits
 * after the point", "must be between 0.01 and 10000", ...).
 */
@Documented
@Constraint(validatedBy = PlainDecimalValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainDecimal {

  /** The default message: replaced by the rule's own message for the failing check. */
  String DEFAULT_MESSAGE = "is not a decimal number in the allowed range";

  /**
   * The smallest accepted value, as a decimal string such as {@code "-10.5"}.
   *
   * @return the lower bound
   */
  String min();

  /**
   * The largest accepted value, as a decimal string such as {@code "9999.99"}.
   *
   * @return the upper bound
   */
  String max();

  /**
   * The most digits allowed after the point, 0 to 100.
   *
   * @return the maximum scale
   */
  int maxScale() default 0;

  /**
   * The message; the default is replaced by the failing check's own message.
   *
   * @return the message template
   */
  String message() default DEFAULT_MESSAGE;

  /**
   * Validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * Payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};
}
