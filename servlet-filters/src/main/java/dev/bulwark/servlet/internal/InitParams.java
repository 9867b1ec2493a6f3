package dev.bulwark.servlet.internal;

import dev.bulwark.http.Ascii;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a filter's init-params strictly: an unknown name, or a value of the wrong form, fails
 * {@code init()} with a message naming the parameter and the expected form.
 */
public final class InitParams {

  private final FilterConfig config;
  private final String filterName;

  /**
   * Reads {@code config}, refusing parameter names outside {@code known}.
   *
   * @param config the filter configuration
   * @param known the parameter names this filter understands
   * @throws ServletException when an unknown parameter is present (usually a typo)
   */
  public InitParams(FilterConfig config, Set<String> known) throws ServletException {
    this.config = config;
    this.filterName = config.getFilterName() == null ? "filter" : config.getFilterName();
    for (String name : Collections.list(config.getInitParameterNames())) {
      if (!known.contains(name)) {
        List<String> sorted = new ArrayList<>(known);
        Collections.sort(sorted);
        throw new ServletException(filterName + ": unknown init-param '" + name
            + "'; known parameters are " + sorted);
      }
    }
  }

  /**
   * The raw value, stripped; null when absent or blank.
   *
   * @param name the parameter
   * @return the value or null
   */
  public @Nullable String value(String name) {
    String value = config.getInitParameter(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * A list separated by commas and/or whitespace; empty when absent.
   *
   * @param name the parameter
   * @return the items
   */
  public List<String> list(String name) {
    String value = value(name);
    if (value == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : value.split("[,\\s]+")) {
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
    return items;
  }

  /**
   * A boolean, {@code true} or {@code false} only.
   *
   * @param name the parameter
   * @param defaultValue used when absent
   * @return the value
   * @throws ServletException for any other word
   */
  public boolean bool(String name, boolean defaultValue) throws ServletException {
    String value = value(name);
    if (value == null) {
      return defaultValue;
    }
    return switch (Ascii.toLowerCase(value)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ServletException(
          filterName + ": init-param '" + name + "' must be true or false");
    };
  }

  /**
   * A non-negative integer.
   *
   * @param name the parameter
   * @param defaultValue used when absent
   * @return the value
   * @throws ServletException when not a whole number of at most 9 digits
   */
  public long number(String name, long defaultValue) throws ServletException {
    String value = value(name);
    if (value == null) {
      return defaultValue;
    }
    if (!value.matches("[0-9]{1,9}")) {
      throw new ServletException(
          filterName + ": init-param '" + name + "' must be a whole number, e.g. 600");
    }
    return Long.parseLong(value);
  }

  /**
   * Wraps a configuration error from a policy builder, naming the filter.
   *
   * @param e the builder's exception
   * @return a ServletException to throw from {@code init()}
   */
  public ServletException invalid(IllegalArgumentException e) {
    return new ServletException(filterName + ": invalid configuration: " + e.getMessage(), e);
  }
}
