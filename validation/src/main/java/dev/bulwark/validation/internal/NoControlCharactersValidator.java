package dev.bulwark.validation.internal;

import dev.bulwark.validate.UnicodeText;
import dev.bulwark.validation.NoControlCharacters;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Validates {@link NoControlCharacters} with {@link UnicodeText}. */
public final class NoControlCharactersValidator
    implements ConstraintValidator<NoControlCharacters, CharSequence> {

  private boolean allowLineBreaks;

  /** Creates the validator; the provider calls {@link #initialize}. */
  public NoControlCharactersValidator() {
    // configured in initialize
  }

  @Override
  public void initialize(NoControlCharacters annotation) {
    allowLineBreaks = annotation.allowLineBreaks();
  }

  @Override
  public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
    return value == null
        || UnicodeText.firstControlCharacter(value.toString(), allowLineBreaks) < 0;
  }
}
