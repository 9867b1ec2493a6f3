package dev.bulwark.validate;

import java.util.Optional;

/**
 * A check of one string value. Returns the violation, or empty when the value passes.
 * Implementations must be thread-safe and must bound their work by the input length (no
 * backtracking regular expressions on unbounded input). Ready-made rules are in
 * {@link Rules}.
 */
@FunctionalInterface
public interface Rule {

  /**
   * Checks a value.
   *
   * @param value the value, never null
   * @return the violation, or empty when the value is acceptable
   */
  Optional<Violation> check(String value);
}
