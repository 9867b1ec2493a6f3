package dev.bulwark.ratelimit.spi;

import org.jspecify.annotations.Nullable;

/**
 * A store could not decide (unreachable, timed out). The limiter turns it into a decision
 * according to the policy's fail-open or fail-closed setting; it never reaches the client.
 *
 * <p>A store that decided with a fallback of its own (a local store while Redis is down)
 * throws this exception carrying that decision ({@link #fallbackResult()}): the limiter then
 * uses the fallback's result as an ordinary decision and still reports the store error to its
 * listener, so metrics see every decision that did not come from the shared store.
 */
public class RateLimitStoreException extends RuntimeException {

  private static final long serialVersionUID = 2L;

  /** Not serialised: a deserialised exception is a plain store failure. */
  private final transient @Nullable GcraResult fallbackResult;

  /**
   * Creates the exception.
   *
   * @param message what failed; never a key or a secret
   * @param cause the underlying failure
   */
  public RateLimitStoreException(String message, Throwable cause) {
    super(message, cause);
    this.fallbackResult = null;
  }

  /**
   * A failure that the store's fallback decided anyway.
   *
   * @param message what failed; never a key or a secret
   * @param cause the underlying failure
   * @param fallbackResult the fallback's decision, to be used as the answer
   */
  public RateLimitStoreException(String message, Throwable cause, GcraResult fallbackResult) {
    super(message, cause);
    this.fallbackResult = fallbackResult;
  }

  /**
   * Creates the exception.
   *
   * @param message what failed; never a key or a secret
   */
  public RateLimitStoreException(String message) {
    super(message);
    this.fallbackResult = null;
  }

  /**
   * The decision the store's fallback made, if it had one.
   *
   * @return the fallback's result, or null when nothing decided
   */
  public @Nullable GcraResult fallbackResult() {
    return fallbackResult;
  }
}
