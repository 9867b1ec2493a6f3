package dev.bulwark.servlet.internal;

import dev.bulwark.headers.SecurityHeadersDecision;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * A response that keeps Bulwark's security headers on every path out of the application:
 * after {@code reset()}, and before {@code sendError} and {@code sendRedirect} (which some
 * containers answer from a reset response), the headers are written again, each only if
 * absent, so the application's own values still win. Headers the policy removes
 * ({@code X-Powered-By}) are stripped when the container set them and dropped when the
 * application sets them.
 * One per request; not thread-safe.
 */
public final class HeaderKeepingResponse extends HttpServletResponseWrapper {

  private final SecurityHeadersDecision decision;
  private final ServletResponseHeaders headers;

  /**
   * Wraps a response; {@link #apply()} writes the headers.
   *
   * @param response the container's response
   * @param decision the security headers of this response
   */
  public HeaderKeepingResponse(HttpServletResponse response, SecurityHeadersDecision decision) {
    super(response);
    this.decision = decision;
    this.headers = new ServletResponseHeaders(response);
  }

  /** Strips the removed headers and writes the security headers, unless already committed. */
  public void apply() {
    HttpServletResponse response = (HttpServletResponse) getResponse();
    if (response.isCommitted()) {
      return;
    }
    java.util.List<String> removed = decision.strippedHeaders();
    for (int i = 0; i < removed.size(); i++) {   // indexed: no iterator per request
      String name = removed.get(i);
      if (response.containsHeader(name)) {
        response.setHeader(name, null);   // Servlet 6: a null value removes the header
      }
    }
    decision.applyTo(headers);
  }

  @Override
  public void reset() {
    super.reset();
    apply();
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    apply();
    super.sendError(sc, msg);
  }

  @Override
  public void sendError(int sc) throws IOException {
    apply();
    super.sendError(sc);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    apply();
    super.sendRedirect(location);
  }

  @Override
  public void setHeader(String name, String value) {
    if (!decision.suppresses(name)) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!decision.suppresses(name)) {
      super.addHeader(name, value);
    }
  }
}
