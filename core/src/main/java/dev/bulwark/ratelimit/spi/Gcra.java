package dev.bulwark.ratelimit.spi;

/**
 * The Generic Cell Rate Algorithm, the reference arithmetic every {@link RateLimitStore} runs.
 *
 * <h2>Algorithm</h2>
 *
 * <p>A key's whole state is one timestamp, its <em>theoretical arrival time</em> (TAT): the
 * time at which the key would be full again if nothing else were charged. With emission
 * interval {@code T} and burst {@code B} (tolerance {@code τ = B·T}), a request of cost
 * {@code c} at time {@code now}:
 *
 * <ol>
 *   <li>{@code d = max(TAT − now, 0)}: how far the key is from full;
 *   <li>{@code d' = d + c·T}; if {@code d' > τ} the request is refused, the state is unchanged,
 *       and it may retry after {@code d' − τ};
 *   <li>otherwise it is allowed and {@code TAT = now + d'}.
 * </ol>
 *
 * <p>{@code remaining = ⌊(τ − d')/T⌋} after an allowance ({@code ⌊(τ − d)/T⌋} after a refusal)
 * and {@code reset = d'} (or {@code d}) are exact: no rounding beyond the integer division.
 * Times are {@link System#nanoTime()}-style values, compared only by subtraction, so any origin
 * works (including one near {@link Long#MAX_VALUE}).
 *
 * <p>Stateless and thread-safe; the store makes the read-decide-write atomic.
 */
public final class Gcra {

  private Gcra() {}

  /**
   * One decision.
   *
   * @param result what the caller sees
   * @param newTat the TAT to store when {@code result.allowed()}; the old TAT otherwise
   */
  public record Step(GcraResult result, long newTat) {}

  /**
   * The state of a key that has never been charged (or whose state expired) at {@code now}.
   *
   * @param nowNanos the time
   * @return the TAT of a full key
   */
  public static long fullAt(long nowNanos) {
    return nowNanos;
  }

  /**
   * Decides one request against a key's stored TAT.
   *
   * @param tat the stored TAT ({@link #fullAt(long)} for an unknown key)
   * @param cost units to charge, 0 to {@code params.burst()}; 0 only looks
   * @param params the policy's parameters
   * @param nowNanos the time
   * @return the result and the TAT to store
   * @throws IllegalArgumentException when cost is negative or larger than the burst
   */
  public static Step evaluate(long tat, long cost, GcraParams params, long nowNanos) {
    checkCost(cost, params);
    long d = delay(tat, params, nowNanos);
    long after = d + cost * params.emissionIntervalNanos();
    if (after > params.toleranceNanos()) {
      return new Step(refused(d, cost, params), tat);
    }
    return new Step(allowed(after, params), nowNanos + after);
  }

  /**
   * How far a key is from full: {@code d = min(max(TAT − now, 0), τ)}. A TAT further ahead
   * than the tolerance cannot come from this algorithm with these parameters (the policy
   * changed or the state is foreign): it is clamped, erring towards refusal.
   *
   * @param tat the stored TAT
   * @param params the policy's parameters
   * @param nowNanos the time
   * @return {@code d}, 0 to {@code params.toleranceNanos()}
   */
  public static long delay(long tat, GcraParams params, long nowNanos) {
    return Math.min(Math.max(tat - nowNanos, 0), params.toleranceNanos());
  }

  /**
   * The result of an allowed request; the new TAT is {@code now + after}.
   *
   * @param after {@code d + cost·T}, at most the tolerance
   * @param params the policy's parameters
   * @return the result
   */
  public static GcraResult allowed(long after, GcraParams params) {
    return new GcraResult(true, remaining(after, params), after, 0);
  }

  /**
   * Whole units left to a key {@code delay} from full: {@code ⌊(τ − delay)/T⌋}.
   *
   * @param delay {@code d'} after an allowance, {@code d} after a refusal; 0 to the tolerance
   * @param params the policy's parameters
   * @return 0 to the burst
   */
  public static long remaining(long delay, GcraParams params) {
    return (params.toleranceNanos() - delay) / params.emissionIntervalNanos();
  }

  /**
   * How long a refused request must wait: {@code d + cost·T − τ}.
   *
   * @param delay {@code d} from {@link #delay}
   * @param cost the refused cost
   * @param params the policy's parameters
   * @return positive when {@code d + cost·T} exceeds the tolerance
   */
  public static long retryAfter(long delay, long cost, GcraParams params) {
    return delay + cost * params.emissionIntervalNanos() - params.toleranceNanos();
  }

  /**
   * The result of a refused request; the TAT is unchanged.
   *
   * @param delay {@code d} from {@link #delay}
   * @param cost the refused cost ({@code d + cost·T} exceeds the tolerance)
   * @param params the policy's parameters
   * @return the result
   */
  public static GcraResult refused(long delay, long cost, GcraParams params) {
    return new GcraResult(false, remaining(delay, params), delay,
        retryAfter(delay, cost, params));
  }

  /**
   * The same as {@link #evaluate} without charging anything: whether {@code cost} would be
   * allowed now.
   *
   * @param tat the stored TAT
   * @param cost the cost to test
   * @param params the policy's parameters
   * @param nowNanos the time
   * @return the result ({@code remaining} and {@code reset} describe the unchanged state)
   */
  public static GcraResult peek(long tat, long cost, GcraParams params, long nowNanos) {
    Step step = evaluate(tat, cost, params, nowNanos);
    if (!step.result().allowed()) {
      return step.result();
    }
    return allowed(delay(tat, params, nowNanos), params);
  }

  /**
   * Checks a cost against the parameters.
   *
   * @param cost the cost
   * @param params the parameters
   * @throws IllegalArgumentException when cost is negative or larger than the burst
   */
  public static void checkCost(long cost, GcraParams params) {
    if (cost < 0 || cost > params.burst()) {
      throw new IllegalArgumentException(
          "cost must be 0 to the policy's burst (" + params.burst() + "), got " + cost);
    }
  }
}
