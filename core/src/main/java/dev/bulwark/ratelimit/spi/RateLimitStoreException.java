package dev.bulwark.ratelimit.spi;

/**
 * A store could not decide (unreachable, timed out). The limiter turns it into a decision
 * according to the policy's fail-open or fail-closed setting; it never reaches the client.
 */
public class RateLimitStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed; never a key or a secret
   * @param cause the underlying failure
   */
  public RateLimitStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception.
   *
   * @param message what failed; never a key or a secret
   */
  public RateLimitStoreException(String message) {
    super(message);
  }
}
