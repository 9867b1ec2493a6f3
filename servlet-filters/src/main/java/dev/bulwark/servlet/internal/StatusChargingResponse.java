package dev.bulwark.servlet.internal;

import dev.bulwark.ratelimit.RateLimitEngine;
import dev.bulwark.ratelimit.RateLimitOutcome;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Charges a count-only-failures outcome as soon as the application sets a charged status
 * ({@code setStatus} or {@code sendError}), before any byte of the response leaves: a client
 * that waits for the answer to one failure and sends the next is then always counted. Charges
 * at most once; {@link #finish()} charges the final status if nothing was charged yet. One
 * instance per request; not thread-safe.
 */
public final class StatusChargingResponse extends HttpServletResponseWrapper {

  private final RateLimitEngine engine;
  private final RateLimitOutcome outcome;
  private boolean charged;

  /**
   * Wraps a response.
   *
   * @param response the response
   * @param engine the engine that admitted the request
   * @param outcome its outcome, with pending charges
   */
  public StatusChargingResponse(HttpServletResponse response, RateLimitEngine engine,
      RateLimitOutcome outcome) {
    super(response);
    this.engine = engine;
    this.outcome = outcome;
  }

  private void status(int status) {
    if (!charged && outcome.chargesStatus(status)) {
      charged = true;
      engine.complete(outcome, status);
    }
  }

  @Override
  public void setStatus(int sc) {
    status(sc);
    super.setStatus(sc);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    status(sc);
    super.sendError(sc, msg);
  }

  @Override
  public void sendError(int sc) throws IOException {
    status(sc);
    super.sendError(sc);
  }

  /** Charges the final status when no charged status was seen while the application ran. */
  public void finish() {
    status(getStatus());
  }
}
