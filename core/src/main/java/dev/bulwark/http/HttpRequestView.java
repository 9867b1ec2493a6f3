package dev.bulwark.http;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The framework-neutral view of an HTTP request that every Bulwark engine reads. An adapter for
 * a web framework implements this and {@link HttpResponseHeaders}; nothing else.
 *
 * <p>Values are the ones the server itself saw on the connection, before any proxy header is
 * interpreted: {@link #scheme()} is the connection's scheme, {@link #remoteAddress()} the TCP
 * peer. Proxy headers are interpreted once, by {@link ClientResolver}.
 *
 * <p>Implementations are used from the request's thread only and need not be thread-safe.
 */
public interface HttpRequestView {

  /**
   * The request method, case preserved.
   *
   * @return e.g. {@code GET} or {@code OPTIONS}
   */
  String method();

  /**
   * The scheme of the connection the server accepted.
   *
   * @return {@code http} or {@code https}, lower case
   */
  String scheme();

  /**
   * The host the request was addressed to (the {@code Host} header or the HTTP/2
   * {@code :authority}), without port, as the server parsed it.
   *
   * @return the host name or IP literal; IPv6 in brackets
   */
  String host();

  /**
   * The port the request was addressed to (from {@code Host}, else the scheme's default).
   *
   * @return 1 to 65535
   */
  int port();

  /**
   * The request path, not decoded.
   *
   * @return e.g. {@code /api/items}, never null; {@code ""} or {@code "/"} for the root
   */
  String path();

  /**
   * The path the application routes on, which every Bulwark path pattern (exclusions,
   * allow-lists, per-path profiles) is matched against: percent-decoded, dot segments resolved,
   * {@code ;} parameters removed, without the context path. A Servlet adapter answers
   * {@code servletPath + pathInfo}. The default is {@link #path()}, for frameworks whose raw path
   * is what they route on.
   *
   * @return e.g. {@code /api/items}
   */
  default String routingPath() {
    return path();
  }

  /**
   * Whether the raw {@link #path()} is in a form whose meaning containers and frameworks
   * disagree on: a percent-escape (an encoded {@code /}, {@code \}, {@code .}, NUL, or a
   * double encoding), {@code ;} parameters, {@code \}, {@code //}, a {@code .} or {@code ..}
   * segment, or a character outside the path set of {@link PathPatterns}. A pattern that
   * relaxes protection (an exclusion, an allow-list) never matches such a request, so an
   * encoding trick cannot widen it; a pattern that adds protection still matches on
   * {@link #routingPath()}.
   *
   * @return true when an exemption must not apply
   */
  default boolean ambiguousPath() {
    return !PathPatterns.isNormal(path());
  }

  /**
   * The query string, not decoded, without the leading {@code ?}.
   *
   * @return the query, or null when the request has none
   */
  @Nullable String query();

  /**
   * Every value of a header, in the order received; one element per header line.
   *
   * @param name the header name, matched case-insensitively
   * @return the values, or an empty list when the header is absent
   */
  List<String> headers(String name);

  /**
   * The first value of a header.
   *
   * @param name the header name, matched case-insensitively
   * @return the first value, or null when absent
   */
  default @Nullable String header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /**
   * The IP address of the TCP peer, as a literal (never a host name).
   *
   * @return e.g. {@code 203.0.113.9} or {@code 2001:db8::7}
   */
  String remoteAddress();
}
