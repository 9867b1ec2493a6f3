package dev.bulwark.validation.internal;

import dev.bulwark.validate.FileNames;
import dev.bulwark.validation.SafeFileName;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Validates {@link SafeFileName} with {@link FileNames}. */
public final class SafeFileNameValidator
    implements ConstraintValidator<SafeFileName, CharSequence> {

  /** Creates the validator. */
  public SafeFileNameValidator() {
    // stateless
  }

  @Override
  public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
    return value == null || FileNames.isSafe(value.toString());
  }
}
