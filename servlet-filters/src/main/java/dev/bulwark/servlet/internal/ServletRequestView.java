package dev.bulwark.servlet.internal;

import dev.bulwark.http.HttpRequestView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@link HttpRequestView} over a Servlet request. One instance per request; not thread-safe. */
public final class ServletRequestView implements HttpRequestView {

  private final HttpServletRequest request;

  /**
   * Wraps a request.
   *
   * @param request the Servlet request
   */
  public ServletRequestView(HttpServletRequest request) {
    this.request = Objects.requireNonNull(request, "request");
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String scheme() {
    return request.getScheme();
  }

  @Override
  public String host() {
    String host = request.getServerName();
    // Containers differ on whether an IPv6 host keeps its brackets; the view always has them.
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      return "[" + host + "]";
    }
    return host;
  }

  @Override
  public int port() {
    return request.getServerPort();
  }

  @Override
  public String path() {
    return request.getRequestURI();
  }

  @Override
  public @Nullable String query() {
    return request.getQueryString();
  }

  @Override
  public List<String> headers(String name) {
    Enumeration<String> values = request.getHeaders(name);
    if (values == null || !values.hasMoreElements()) {
      return List.of();
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return List.of(first);
    }
    List<String> all = new ArrayList<>(2);
    all.add(first);
    while (values.hasMoreElements()) {
      all.add(values.nextElement());
    }
    return all;
  }

  @Override
  public @Nullable String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public String remoteAddress() {
    return request.getRemoteAddr();
  }
}
