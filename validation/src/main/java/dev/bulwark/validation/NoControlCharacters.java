package dev.bulwark.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.bulwark.validation.internal.NoControlCharactersValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The value contains no control or invisible formatting character as
 * {@code dev.bulwark.validate.UnicodeText} defines them (C0/C1 controls, bidi overrides and
 * isolates, zero-width characters, unpaired surrogates).
 */
@Documented
@Constraint(validatedBy = NoControlCharactersValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface NoControlCharacters {

  /**
   * Whether tab, CR and LF are allowed (multi-line text).
   *
   * @return true to allow line breaks
   */
  boolean allowLineBreaks() default false;

  /**
   * The message.
   *
   * @return the message template
   */
  String message() default "must not contain control or invisible characters";

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
