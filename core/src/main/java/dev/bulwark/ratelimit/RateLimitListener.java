package dev.bulwark.ratelimit;

/**
 * Receives every decision, for metrics and logs. Methods are called on the request thread and
 * must be fast and must not throw. All methods do nothing by default.
 */
public interface RateLimitListener {

  /** A listener that ignores everything. */
  RateLimitListener NONE = new RateLimitListener() {};

  /**
   * A request was allowed.
   *
   * @param decision the decision
   */
  default void onAllowed(RateLimitDecision decision) {}

  /**
   * A request was refused by the limit.
   *
   * @param decision the decision
   */
  default void onLimited(RateLimitDecision decision) {}

  /**
   * The store could not answer; {@code decision} shows what decided instead: the policy's
   * fail-open or fail-closed choice ({@link RateLimitDecision#storeFailed()} is true), or the
   * store's own fallback, such as the Redis store's local fallback (an ordinary decision from
   * the local state; {@code onAllowed}/{@code onLimited} are not called for it).
   *
   * @param decision the decision
   * @param error the store's exception (its message never contains a key)
   */
  default void onStoreError(RateLimitDecision decision, RuntimeException error) {}
}
