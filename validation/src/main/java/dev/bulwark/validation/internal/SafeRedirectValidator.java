package dev.bulwark.validation.internal;

import dev.bulwark.validate.RedirectPolicy;
import dev.bulwark.validation.SafeRedirect;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Validates {@link SafeRedirect} with a {@link RedirectPolicy} built from the annotation. */
public final class SafeRedirectValidator
    implements ConstraintValidator<SafeRedirect, CharSequence> {

  private RedirectPolicy policy = RedirectPolicy.relativeOnly();

  /** Creates the validator; the provider calls {@link #initialize}. */
  public SafeRedirectValidator() {
    // configured in initialize
  }

  @Override
  public void initialize(SafeRedirect annotation) {
    String[] hosts = annotation.allowHosts();
    policy = hosts.length == 0 ? RedirectPolicy.relativeOnly()
        : RedirectPolicy.builder().allowHosts(hosts).build();
  }

  @Override
  public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
    return value == null || policy.isSafe(value.toString());
  }
}
