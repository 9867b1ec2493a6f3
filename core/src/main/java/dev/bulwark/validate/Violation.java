package dev.bulwark.validate;

import java.util.Objects;

/**
 * One validation error: a stable machine-readable {@code code} (for translation and tests) and
 * a {@code message} for people. Messages never repeat the offending value, so they are safe to
 * show and log.
 *
 * @param code a stable identifier such as {@code too_long}
 * @param message a sentence describing the problem and what is accepted
 */
public record Violation(String code, String message) {

  /**
   * Checks the components.
   *
   * @param code the code
   * @param message the message
   */
  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
