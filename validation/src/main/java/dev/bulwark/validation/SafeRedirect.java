package dev.bulwark.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.bulwark.validation.internal.SafeRedirectValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The value is a safe redirect target under {@code dev.bulwark.validate.RedirectPolicy}: a path
 * on this site ({@code /account}) or an {@code https} URL to one of {@link #allowHosts()}.
 * Refuses {@code //evil.com}, {@code /\evil.com}, {@code javascript:}, user information and
 * encoded variants.
 */
@Documented
@Constraint(validatedBy = SafeRedirectValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface SafeRedirect {

  /**
   * Hosts that absolute {@code https} URLs may point to; empty means paths only.
   *
   * @return the allowed host names
   */
  String[] allowHosts() default {};

  /**
   * The message.
   *
   * @return the message template
   */
  String message() default "is not a safe redirect target";

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
