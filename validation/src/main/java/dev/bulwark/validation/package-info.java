/**
 * Jakarta Bean Validation constraints for Bulwark's input checks.
 *
 * <p>Annotate fields or parameters with {@link dev.bulwark.validation.SafeHtml},
 * {@link dev.bulwark.validation.SafeRedirect}, {@link dev.bulwark.validation.SafeFileName},
 * {@link dev.bulwark.validation.NoControlCharacters} or
 * {@link dev.bulwark.validation.PlainDecimal}; any Bean Validation 3.x provider
 * (Hibernate Validator) runs them. As usual in Bean Validation, {@code null} is valid: combine
 * with {@code @NotNull} where a value is required.
 */
@NullMarked
package dev.bulwark.validation;

import org.jspecify.annotations.NullMarked;
