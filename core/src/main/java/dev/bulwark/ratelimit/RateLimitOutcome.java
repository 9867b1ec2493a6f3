package dev.bulwark.ratelimit;

import dev.bulwark.http.HttpResponseHeaders;
import java.util.List;

/**
 * The engine's answer for one request: the decision of every rule that applied, and the
 * charges still due after the response (count-only-failures rules). Immutable.
 */
public final class RateLimitOutcome {

  /** A charge due after the response: the rule and the key it is charged under. */
  record Pending(RateLimitRule rule, String key) {}

  private final List<RateLimitDecision> decisions;
  private final List<Pending> pending;
  private final HeaderMode headerMode;
  private final RateLimitDecision refusal;

  RateLimitOutcome(List<RateLimitDecision> decisions, List<Pending> pending, HeaderMode mode) {
    this.decisions = List.copyOf(decisions);
    this.pending = List.copyOf(pending);
    this.headerMode = mode;
    RateLimitDecision first = null;
    for (RateLimitDecision d : this.decisions) {
      if (!d.allowed() && (first == null || d.retryAfterNanosLonger(first))) {
        first = d;
      }
    }
    this.refusal = first;
  }

  /**
   * Whether every rule that applied allowed the request.
   *
   * @return true when the request may proceed
   */
  public boolean allowed() {
    return refusal == null;
  }

  /**
   * Whether the refusal came from a store that could not answer (answer 503, not 429).
   *
   * @return true when refused by a fail-closed store failure
   */
  public boolean refusedByStoreFailure() {
    return refusal != null && refusal.storeFailed();
  }

  /**
   * The decisions of the rules that applied, in rule order; empty when none applied.
   *
   * @return the decisions
   */
  public List<RateLimitDecision> decisions() {
    return decisions;
  }

  /**
   * The {@code Retry-After} value when refused: the longest wait among the refusing policies,
   * in whole seconds rounded up.
   *
   * @return seconds, 0 when allowed
   */
  public long retryAfterSeconds() {
    return refusal == null ? 0 : Math.max(1, refusal.retryAfterSeconds());
  }

  /**
   * Whether charges are due after the response.
   *
   * @return true when {@link RateLimitEngine#complete} has work to do
   */
  public boolean hasPendingCharges() {
    return !pending.isEmpty();
  }

  /**
   * Whether a response with this status is charged by {@link RateLimitEngine#complete}.
   *
   * @param status the response status
   * @return true when some count-only-failures rule charges it
   */
  public boolean chargesStatus(int status) {
    for (Pending charge : pending) {
      if (charge.rule().chargeOnlyStatuses().contains(status)) {
        return true;
      }
    }
    return false;
  }

  List<Pending> pending() {
    return pending;
  }

  /**
   * Writes the rate-limit headers of the configured {@link HeaderMode}, and {@code Retry-After}
   * when refused.
   *
   * @param headers the response headers
   */
  public void writeHeaders(HttpResponseHeaders headers) {
    if (refusal != null) {
      headers.set("Retry-After", Long.toString(retryAfterSeconds()));
    }
    if (headerMode == HeaderMode.NONE || decisions.isEmpty()) {
      return;
    }
    StringBuilder policies = new StringBuilder();
    StringBuilder states = new StringBuilder();
    RateLimitDecision tightest = null;
    for (RateLimitDecision d : decisions) {
      if (d.storeFailed()) {
        continue;
      }
      append(policies, d.policy().policyHeaderItem());
      append(states, d.headerItem());
      if (tightest == null || d.remaining() < tightest.remaining()) {
        tightest = d;
      }
    }
    if (tightest == null) {
      return;
    }
    headers.set("RateLimit-Policy", policies.toString());
    headers.set("RateLimit", states.toString());
    if (headerMode == HeaderMode.IETF_AND_LEGACY) {
      headers.set("X-RateLimit-Limit", Long.toString(tightest.policy().limit()));
      headers.set("X-RateLimit-Remaining", Long.toString(tightest.remaining()));
      headers.set("X-RateLimit-Reset", Long.toString(tightest.resetSeconds()));
    }
  }

  private static void append(StringBuilder out, String item) {
    if (out.length() > 0) {
      out.append(", ");
    }
    out.append(item);
  }

  @Override
  public String toString() {
    return "RateLimitOutcome" + decisions;
  }
}
