package dev.bulwark.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * Charges a count-only-failures outcome as soon as the application sets a charged status
 * ({@code setStatus} or {@code sendError}), before any byte of the response leaves: a client
 * that waits for the answer to one failure and sends the next is then always counted. Charges
 * at most once; {@link #finish()} charges the final status if nothing was charged yet. One
 * instance per request; not thread-safe.
 */
public final class StatusChargingResponse extends HttpServletResponseWrapper {

  private final IntPredicate charged;
  private final IntConsumer charge;
  private boolean done;

  /**
   * Wraps a response.
   *
   * @param response the response
   * @param charged whether a status is charged (the outcome's {@code chargesStatus})
   * @param charge charges a status (the engine's {@code complete} for the outcome)
   */
  public StatusChargingResponse(HttpServletResponse response, IntPredicate charged,
      IntConsumer charge) {
    super(response);
    this.charged = charged;
    this.charge = charge;
  }

  private void status(int status) {
    if (!done && charged.test(status)) {
      done = true;
      charge.accept(status);
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
