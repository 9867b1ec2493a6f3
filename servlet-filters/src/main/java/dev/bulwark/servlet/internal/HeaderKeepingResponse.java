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
 * ({@code X-Powered-By}) are dropped when the application sets them.
 */
public final class HeaderKeepingResponse extends HttpServletResponseWrapper {

  private final SecurityHeadersDecision decision;
  private final ServletResponseHeaders headers;

  /**
   * Wraps a response to which {@code decision} was already written.
   *
   * @param response the container's response
   * @param decision the security headers of this response
   */
  public HeaderKeepingResponse(HttpServletResponse response, SecurityHeadersDecision decision) {
    super(response);
    this.decision = decision;
    this.headers = new ServletResponseHeaders(response);
  }

  /** Writes the headers again, if the response is not committed yet. */
  public void reapply() {
    if (!isCommitted()) {
      decision.applyTo(headers);
    }
  }

  @Override
  public void reset() {
    super.reset();
    reapply();
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    reapply();
    super.sendError(sc, msg);
  }

  @Override
  public void sendError(int sc) throws IOException {
    reapply();
    super.sendError(sc);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    reapply();
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
