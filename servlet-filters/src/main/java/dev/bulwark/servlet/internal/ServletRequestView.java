package dev.bulwark.servlet.internal;

import dev.bulwark.http.HttpRequestView;
import dev.bulwark.http.PathPatterns;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@link HttpRequestView} over a Servlet request. One instance per request; not thread-safe.
 *
 * <h2>The one path rule of every Bulwark filter</h2>
 *
 * <p>Every filter matches its path patterns ({@code exclude-paths}, {@code allowed-paths},
 * {@code no-store-paths}, rate-limit {@code paths} and {@code exclude-paths}, ...) against
 * {@link #routingPath(HttpServletRequest)}: {@code servletPath + pathInfo}, the path the
 * container routes on, already percent-decoded, with dot segments resolved and {@code ;}
 * parameters removed, and without the context path. Matching is case-sensitive, like Servlet
 * mappings: {@code /HEALTH} is not {@code /health}.
 *
 * <p>Patterns that <em>relax</em> protection (HTTPS exclusions, Fetch-Metadata cross-site
 * allow-lists) additionally never match when the raw request URI is
 * {@linkplain #isAmbiguous(HttpServletRequest) ambiguous}: any percent-escape (so {@code %2F},
 * {@code %5C}, {@code %2e%2e}, {@code %00}, {@code %25}), {@code ;} parameters, {@code \},
 * {@code //}, a {@code .} or {@code ..} segment. A request such as {@code /health;x=y},
 * {@code /health/../admin} or {@code //health} is therefore checked like any other path, even
 * where a container or a framework would route it to {@code /health}: an encoding trick can
 * never widen an exemption, and the worst an odd path achieves is to be checked. Containers
 * reject some of these forms with 400 before any filter runs (Jetty 12 by default: encoded
 * {@code /}, {@code \} and ambiguous dot segments; Tomcat 11: encoded {@code /} and
 * {@code \}, and {@code ..} above the root). Patterns that <em>add</em> protection
 * ({@code no-store}, {@code Clear-Site-Data}, rate-limited paths) match on the routing path
 * alone, so an odd spelling of a protected path is still protected.
 */
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
  public String routingPath() {
    return routingPath(request);
  }

  @Override
  public boolean ambiguousPath() {
    return isAmbiguous(request);
  }

  /**
   * The path Bulwark matches patterns against (see the class comment).
   *
   * @param request the request
   * @return {@code servletPath + pathInfo}, e.g. {@code /api/items}
   */
  public static String routingPath(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    return pathInfo == null ? servletPath : servletPath + pathInfo;
  }

  /**
   * Whether the raw request URI is ambiguous, so no exemption applies (see the class comment).
   *
   * @param request the request
   * @return true when {@code getRequestURI()} is not in the normal form of
   *     {@link PathPatterns#isNormal(String)}
   */
  public static boolean isAmbiguous(HttpServletRequest request) {
    return !PathPatterns.isNormal(request.getRequestURI());
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
