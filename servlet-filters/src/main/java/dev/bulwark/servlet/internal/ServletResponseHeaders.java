package dev.bulwark.servlet.internal;

import dev.bulwark.http.HttpResponseHeaders;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** {@link HttpResponseHeaders} over a Servlet response. One per request; not thread-safe. */
public final class ServletResponseHeaders implements HttpResponseHeaders {

  private final HttpServletResponse response;

  /**
   * Wraps a response.
   *
   * @param response the Servlet response
   */
  public ServletResponseHeaders(HttpServletResponse response) {
    this.response = Objects.requireNonNull(response, "response");
  }

  @Override
  public List<String> get(String name) {
    Collection<String> values = response.getHeaders(name);
    return values == null ? List.of() : List.copyOf(values);
  }

  @Override
  public boolean isEmpty() {
    Collection<String> names = response.getHeaderNames();
    return names == null || names.isEmpty();
  }

  @Override
  public boolean contains(String name) {
    return response.containsHeader(name);
  }

  @Override
  public void set(String name, String value) {
    response.setHeader(name, value);
  }

  @Override
  public void add(String name, String value) {
    response.addHeader(name, value);
  }
}
