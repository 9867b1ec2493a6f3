package dev.bulwark.ratelimit;

import dev.bulwark.ratelimit.spi.Gcra;
import dev.bulwark.ratelimit.spi.GcraParams;
import dev.bulwark.ratelimit.spi.GcraResult;
import java.time.Duration;
import java.util.Objects;

/**
 * The answer to one request under one policy: allowed or not, what is left, when the key is
 * full again, and when to retry. Immutable.
 */
public final class RateLimitDecision {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final RateLimitPolicy policy;
  private final boolean allowed;
  private final long remaining;
  private final long resetNanos;
  private final long retryAfterNanos;
  private final boolean storeFailed;

  private RateLimitDecision(RateLimitPolicy policy, boolean allowed, long remaining,
      long resetNanos, long retryAfterNanos, boolean storeFailed) {
    this.policy = policy;
    this.allowed = allowed;
    this.remaining = remaining;
    this.resetNanos = resetNanos;
    this.retryAfterNanos = retryAfterNanos;
    this.storeFailed = storeFailed;
  }

  static RateLimitDecision of(RateLimitPolicy policy, GcraResult result) {
    return new RateLimitDecision(policy, result.allowed(), result.remaining(),
        result.resetNanos(), result.retryAfterNanos(), false);
  }

  /**
   * The decision for a {@link LocalRateLimitStore} outcome, without a {@link GcraResult}.
   *
   * @param outcome {@code d'} when allowed, {@code -1 - d} when refused
   */
  static RateLimitDecision ofOutcome(RateLimitPolicy policy, long outcome, long cost) {
    GcraParams params = policy.params();
    if (outcome >= 0) {
      return new RateLimitDecision(policy, true, Gcra.remaining(outcome, params), outcome, 0,
          false);
    }
    long delay = -1 - outcome;
    return new RateLimitDecision(policy, false, Gcra.remaining(delay, params), delay,
        Gcra.retryAfter(delay, cost, params), false);
  }

  static RateLimitDecision storeFailure(RateLimitPolicy policy) {
    return policy.failOpen()
        ? new RateLimitDecision(policy, true, 0, 0, 0, true)
        : new RateLimitDecision(policy, false, 0, 0, NANOS_PER_SECOND, true);
  }

  /**
   * The policy that decided.
   *
   * @return the policy
   */
  public RateLimitPolicy policy() {
    return Objects.requireNonNull(policy);
  }

  /**
   * Whether the request may proceed (its cost was charged).
   *
   * @return true when allowed
   */
  public boolean allowed() {
    return allowed;
  }

  /**
   * Units the key may still spend right now.
   *
   * @return 0 or more
   */
  public long remaining() {
    return remaining;
  }

  /**
   * Time until the key's allowance is full again.
   *
   * @return the reset delay
   */
  public Duration reset() {
    return Duration.ofNanos(resetNanos);
  }

  /**
   * When refused, time until the same request would be allowed; zero when allowed.
   *
   * @return the retry delay
   */
  public Duration retryAfter() {
    return Duration.ofNanos(retryAfterNanos);
  }

  /**
   * The reset delay in whole seconds, rounded up.
   *
   * @return seconds
   */
  public long resetSeconds() {
    return ceilSeconds(resetNanos);
  }

  /**
   * The value of {@code Retry-After}: the retry delay in whole seconds, rounded up, so a client
   * that waits that long is never early; at least 1 when refused, 0 when allowed.
   *
   * @return seconds
   */
  public long retryAfterSeconds() {
    return ceilSeconds(retryAfterNanos);
  }

  /**
   * Whether the store failed and the policy's fail-open or fail-closed choice decided.
   *
   * @return true after a store failure
   */
  public boolean storeFailed() {
    return storeFailed;
  }

  /**
   * This decision as one item of the {@code RateLimit} field
   * (draft-ietf-httpapi-ratelimit-headers).
   *
   * @return e.g. {@code "api";r=42;t=18}
   */
  public String headerItem() {
    return "\"" + policy.name() + "\";r=" + remaining + ";t=" + resetSeconds();
  }

  @Override
  public String toString() {
    return "RateLimitDecision[" + policy.name() + (allowed ? " allowed" : " refused")
        + ", remaining " + remaining + ", reset " + reset() + ", retry after " + retryAfter()
        + (storeFailed ? ", store failed" : "") + "]";
  }

  boolean retryAfterNanosLonger(RateLimitDecision other) {
    return retryAfterNanos > other.retryAfterNanos;
  }

  private static long ceilSeconds(long nanos) {
    return -Math.floorDiv(-nanos, NANOS_PER_SECOND);
  }
}
