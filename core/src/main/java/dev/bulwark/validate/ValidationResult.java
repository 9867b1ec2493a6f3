package dev.bulwark.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error of every field, marshmallow-style: fields in the order they were validated,
 * and for each field every rule it failed, in rule order. Immutable and thread-safe.
 */
public final class ValidationResult {

  private final Map<String, List<Violation>> errors;

  ValidationResult(Map<String, List<Violation>> errors) {
    Map<String, List<Violation>> copy = new LinkedHashMap<>();
    errors.forEach((field, list) -> copy.put(field, List.copyOf(list)));
    this.errors = Collections.unmodifiableMap(copy);
  }

  /**
   * Tells whether no field has an error.
   *
   * @return true when valid
   */
  public boolean isValid() {
    return errors.isEmpty();
  }

  /**
   * Returns the errors by field; fields without errors are absent.
   *
   * @return an unmodifiable map in validation order
   */
  public Map<String, List<Violation>> errors() {
    return errors;
  }

  /**
   * Returns the errors of one field.
   *
   * @param field the field name
   * @return the field's violations, empty when it passed or was not validated
   */
  public List<Violation> errorsFor(String field) {
    return errors.getOrDefault(field, List.of());
  }

  /**
   * Returns one line per error, {@code field: message}, for logs and simple displays.
   *
   * @return the messages
   */
  public List<String> messages() {
    List<String> out = new ArrayList<>();
    errors.forEach((field, list) -> list.forEach(v -> out.add(field + ": " + v.message())));
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "ValidationResult" + errors;
  }
}
