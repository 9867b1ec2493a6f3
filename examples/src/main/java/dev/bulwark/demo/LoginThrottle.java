package dev.bulwark.demo;

import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Failed log-ins per user name, with Bulwark's rate-limit engine used directly (the per-address
 * limit is the {@code RateLimitFilter}'s job; see {@link SecurityChain}). An attacker who rotates
 * addresses still gets only {@code --login-limit} guesses per name and period.
 *
 * <p>A log-in first {@linkplain RateLimiter#check checks} the name's budget without spending it;
 * only a failure {@linkplain RateLimiter#tryAcquire spends} one unit, so a user who types the
 * password right is never slowed down. (Concurrent failures may overshoot the limit by the number
 * of requests in flight; the per-address filter bounds those.) Keys are the name's bytes, base64,
 * so any name fits the store's key rules.
 */
final class LoginThrottle {

  private final RateLimiter limiter;

  LoginThrottle(RateLimiter limiter) {
    this.limiter = limiter;
  }

  /** Refuses with 429 when the name has no failures left; writes the rate-limit headers. */
  void admit(String username, HttpServletResponse response) throws ClientError {
    RateLimitDecision decision = limiter.check(key(username), 1);
    if (!decision.allowed()) {
      writeHeaders(decision, response);
      response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
      throw new ClientError(429, "Too Many Requests", "Too many failed log-ins for this user"
          + " name; retry after the Retry-After delay.");
    }
  }

  /** Spends one failure for the name. */
  void failed(String username, HttpServletResponse response) {
    writeHeaders(limiter.tryAcquire(key(username)), response);
  }

  private static void writeHeaders(RateLimitDecision decision, HttpServletResponse response) {
    // Added beside the filter's per-address items: both limits are visible to the client.
    response.addHeader("RateLimit-Policy", decision.policy().policyHeaderItem());
    response.addHeader("RateLimit", decision.headerItem());
  }

  private static String key(String username) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(username.getBytes(StandardCharsets.UTF_8));
  }
}
