package dev.bulwark.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.bulwark.validation.internal.SafeHtmlValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The value is HTML from which the chosen {@code dev.bulwark.sanitize.Sanitizers} preset would
 * remove nothing (no element, no attribute), within the preset's input-size cap. Re-encoding of
 * text ({@code <} as {@code &lt;}) does not count as removal. Store the sanitized output, not
 * the validated input: validation tells the user their markup would change; sanitizing is what
 * makes it safe.
 */
@Documented
@Constraint(validatedBy = SafeHtmlValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface SafeHtml {

  /** The presets of {@code dev.bulwark.sanitize.Sanitizers}. */
  enum Policy {
    /** {@code Sanitizers.PLAIN_TEXT}. */
    PLAIN_TEXT,
    /** {@code Sanitizers.BASIC}. */
    BASIC,
    /** {@code Sanitizers.RICH_TEXT}. */
    RICH_TEXT
  }

  /**
   * The preset the value must already satisfy.
   *
   * @return the preset
   */
  Policy policy() default Policy.BASIC;

  /**
   * The message.
   *
   * @return the message template
   */
  String message() default "contains markup that is not allowed";

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
