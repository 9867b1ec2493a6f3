package dev.bulwark.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Validates several fields and collects every error of every field into one
 * {@link ValidationResult}.
 *
 * <pre>{@code
 * ValidationResult result = Validation.builder()
 *     .field("age", form.get("age"), Rules.integer(0, 150))
 *     .field("email", form.get("email"), Rules.length(3, 254), Rules.email())
 *     .optionalField("next", form.get("next"), Rules.safeRedirect(RedirectPolicy.relativeOnly()))
 *     .validate();
 * if (!result.isValid()) return badRequest(result.errors());
 * }</pre>
 *
 * <p>A missing ({@code null}) value fails {@link #field} with code {@code required}; use
 * {@link #optionalField} where absence is fine. Every rule runs, so a value that is both too
 * long and of the wrong pattern reports both. Not thread-safe; create one per validation.
 */
public final class Validation {

  private final Map<String, List<Violation>> errors = new LinkedHashMap<>();

  private Validation() {}

  /**
   * Starts a validation.
   *
   * @return a new, empty validation
   */
  public static Validation builder() {
    return new Validation();
  }

  /**
   * Validates a required field.
   *
   * @param name the field name used in the result
   * @param value the submitted value, or null when missing
   * @param rules the rules, all of which run
   * @return this validation
   */
  public Validation field(String name, @Nullable String value, Rule... rules) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      add(name, new Violation("required", "is required"));
      return this;
    }
    return run(name, value, rules);
  }

  /**
   * Validates an optional field: a null value passes without running the rules.
   *
   * @param name the field name used in the result
   * @param value the submitted value, or null when missing
   * @param rules the rules, all of which run when the value is present
   * @return this validation
   */
  public Validation optionalField(String name, @Nullable String value, Rule... rules) {
    Objects.requireNonNull(name, "name");
    return value == null ? this : run(name, value, rules);
  }

  /**
   * Returns the result.
   *
   * @return every error collected so far
   */
  public ValidationResult validate() {
    return new ValidationResult(errors);
  }

  private Validation run(String name, String value, Rule[] rules) {
    for (Rule rule : rules) {
      Objects.requireNonNull(rule, "rule").check(value).ifPresent(v -> add(name, v));
    }
    return this;
  }

  private void add(String name, Violation violation) {
    errors.computeIfAbsent(name, k -> new ArrayList<>()).add(violation);
  }
}
