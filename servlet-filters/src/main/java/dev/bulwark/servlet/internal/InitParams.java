package dev.bulwark.servlet.internal;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * Every init-param as a map, for the framework-neutral settings readers in core.
   *
   * @return name to value
   */
  public Map<String, String> all() {
    Map<String, String> all = new HashMap<>();
    for (String name : Collections.list(config.getInitParameterNames())) {
      String value = config.getInitParameter(name);
      if (value != null) {
        all.put(name, value);
      }
    }
    return all;
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
