package dev.bulwark.validation.internal;

import dev.bulwark.sanitize.HtmlPolicy;
import dev.bulwark.sanitize.InputTooLargeException;
import dev.bulwark.sanitize.Sanitizers;
import dev.bulwark.validation.SafeHtml;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Validates {@link SafeHtml}: the preset would remove nothing. */
public final class SafeHtmlValidator implements ConstraintValidator<SafeHtml, CharSequence> {

  private HtmlPolicy policy = Sanitizers.BASIC;

  /** Creates the validator; the provider calls {@link #initialize}. */
  public SafeHtmlValidator() {
    // configured in initialize
  }

  @Override
  public void initialize(SafeHtml annotation) {
    policy = switch (annotation.policy()) {
      case PLAIN_TEXT -> Sanitizers.PLAIN_TEXT;
      case BASIC -> Sanitizers.BASIC;
      case RICH_TEXT -> Sanitizers.RICH_TEXT;
    };
  }

  @Override
  public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    try {
      return !policy.sanitizeWithReport(value.toString()).removedAnything();
    } catch (InputTooLargeException e) {
      return false;
    }
  }
}
