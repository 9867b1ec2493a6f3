package dev.bulwark.ratelimit.spi;

/**
 * Where rate-limit state lives. Version {@value #VERSION} of the port.
 *
 * <p>A store decides a whole request for one key atomically, with the arithmetic of
 * {@link Gcra}: read the key's TAT (or {@link Gcra#fullAt} when absent), evaluate, and write
 * the new TAT only when allowed. A remote store does this in one round trip (a script), never
 * as read-then-compare-and-set from the client. A store may forget a key once its state is full
 * again ({@link GcraParams#toleranceNanos()} after its last charge), and must bound the number
 * of keys it holds.
 *
 * <p>Implementations are thread-safe. Under any interleaving of concurrent callers, the number
 * of units allowed for a key never exceeds what a single caller, calling in sequence, would
 * have been allowed. {@code bulwark-testkit}'s {@code RateLimitStoreContract} checks this.
 *
 * <p>The {@code nowNanos} argument is the caller's {@code NanoClock} reading. A distributed
 * store whose nodes do not share a clock may use its own shared clock instead, consistently for
 * every key.
 */
public interface RateLimitStore {

  /** The version of this port; a store reports the version it implements. */
  int VERSION = 1;

  /**
   * The port version this store implements.
   *
   * @return {@link #VERSION} for stores written against this interface
   */
  default int spiVersion() {
    return VERSION;
  }

  /**
   * Charges {@code cost} units to {@code key} if the policy allows it.
   *
   * @param key the full key (policy name and client key); at most a few hundred characters
   * @param cost 0 to {@code params.burst()}
   * @param params the policy
   * @param nowNanos the time
   * @return the decision
   * @throws RateLimitStoreException when the store cannot answer (the caller applies the
   *     policy's fail-open or fail-closed choice)
   */
  GcraResult acquire(String key, long cost, GcraParams params, long nowNanos);

  /**
   * Whether {@code cost} units would be allowed for {@code key}, without charging anything.
   *
   * @param key the full key
   * @param cost 0 to {@code params.burst()}
   * @param params the policy
   * @param nowNanos the time
   * @return the decision; the key's state is unchanged
   * @throws RateLimitStoreException when the store cannot answer
   */
  GcraResult check(String key, long cost, GcraParams params, long nowNanos);
}
