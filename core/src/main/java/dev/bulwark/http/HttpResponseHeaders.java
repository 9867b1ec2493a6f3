package dev.bulwark.http;

import java.util.List;

/**
 * The framework-neutral header sink engines write their decisions to. An adapter implements it
 * over its framework's response.
 *
 * <p>Implementations are used from the request's thread only and need not be thread-safe.
 */
public interface HttpResponseHeaders {

  /**
   * Every value currently set for a header.
   *
   * @param name the header name, matched case-insensitively
   * @return the values, or an empty list
   */
  List<String> get(String name);

  /**
   * Whether a header has at least one value. Adapters override this when their framework
   * answers without copying the values.
   *
   * @param name the header name, matched case-insensitively
   * @return true when the header is present
   */
  default boolean contains(String name) {
    return !get(name).isEmpty();
  }

  /**
   * Whether the response certainly has no header yet, so that a writer may skip its
   * {@link #contains} checks. The default answers false (unknown), which is always safe.
   *
   * @return true only when no header is set
   */
  default boolean isEmpty() {
    return false;
  }

  /**
   * Replaces every value of a header with {@code value}.
   *
   * @param name the header name
   * @param value the value; must not contain CR or LF
   */
  void set(String name, String value);

  /**
   * Adds a value to a header, keeping the existing ones.
   *
   * @param name the header name
   * @param value the value; must not contain CR or LF
   */
  void add(String name, String value);
}
