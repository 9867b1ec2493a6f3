package dev.bulwark.ratelimit;

/**
 * Turns a request into the key its allowance is counted under. Ready-made keys are in
 * {@link ClientKeys}.
 *
 * <p>A key must be bounded in length whatever the client sends (the ready-made keys hash
 * values longer than {@value ClientKeys#MAX_KEY_LENGTH} characters), and must not let a client
 * choose a fresh key per request unless that is intended (an API key is a client's own
 * identity; a spoofable header is not). Implementations are thread-safe and never throw for
 * request content.
 */
@FunctionalInterface
public interface RateLimitKey {

  /**
   * The key for a request.
   *
   * @param request the request
   * @return the key, never null
   */
  String keyFor(RateLimitRequest request);
}
