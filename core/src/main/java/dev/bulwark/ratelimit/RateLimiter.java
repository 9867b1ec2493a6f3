package dev.bulwark.ratelimit;

import dev.bulwark.ratelimit.spi.GcraResult;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.ratelimit.spi.RateLimitStoreException;
import dev.bulwark.time.NanoClock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Applies one {@link RateLimitPolicy} with a {@link RateLimitStore}: the engine.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.of(policy, LocalRateLimitStore.create(100_000));
 * RateLimitDecision decision = limiter.tryAcquire("user-42");
 * if (!decision.allowed()) { ... 429, Retry-After: decision.retryAfterSeconds() ... }
 * }</pre>
 *
 * <p>Ordinary outcomes (allowed, limited, store failure) are values; exceptions are only for
 * misuse (a cost outside 0 to the burst). Keys are scoped by the policy's name, so several
 * policies can share one store. Thread-safe.
 */
public final class RateLimiter {

  private final RateLimitPolicy policy;
  private final RateLimitStore store;
  private final NanoClock clock;
  private final RateLimitListener listener;
  private final String prefix;
  private final @Nullable LocalRateLimitStore local;

  private RateLimiter(RateLimitPolicy policy, RateLimitStore store, NanoClock clock,
      RateLimitListener listener) {
    this.policy = policy;
    this.store = store;
    this.clock = clock;
    this.listener = listener;
    this.prefix = policy.name() + ":";
    this.local = store instanceof LocalRateLimitStore l ? l : null;
  }

  /**
   * A limiter on the system clock, without listener.
   *
   * @param policy the policy
   * @param store the store
   * @return the limiter
   */
  public static RateLimiter of(RateLimitPolicy policy, RateLimitStore store) {
    return of(policy, store, NanoClock.system(), RateLimitListener.NONE);
  }

  /**
   * A limiter.
   *
   * @param policy the policy
   * @param store the store
   * @param clock the clock (the same one the store expires keys with)
   * @param listener receives every decision
   * @return the limiter
   */
  public static RateLimiter of(RateLimitPolicy policy, RateLimitStore store, NanoClock clock,
      RateLimitListener listener) {
    return new RateLimiter(Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(listener, "listener"));
  }

  /**
   * The policy.
   *
   * @return the policy
   */
  public RateLimitPolicy policy() {
    return policy;
  }

  RateLimitStore store() {
    return store;
  }

  /**
   * Charges one unit to {@code key}.
   *
   * @param key the client key
   * @return the decision
   */
  public RateLimitDecision tryAcquire(String key) {
    return tryAcquire(key, 1);
  }

  /**
   * Charges {@code cost} units to {@code key} if the policy allows it; nothing when it does not.
   *
   * @param key the client key
   * @param cost 0 to the policy's burst
   * @return the decision
   * @throws IllegalArgumentException when cost is outside 0 to the burst
   */
  public RateLimitDecision tryAcquire(String key, long cost) {
    return decide(key, cost, true);
  }

  /**
   * Charges {@code cost} units to the key {@link RateLimitPolicy#key()} gives the request.
   *
   * @param request the request
   * @param cost 0 to the policy's burst
   * @return the decision
   */
  public RateLimitDecision tryAcquire(RateLimitRequest request, long cost) {
    return tryAcquire(policy.key().keyFor(request), cost);
  }

  /**
   * Whether {@code cost} units would be allowed for {@code key} now, charging nothing.
   *
   * @param key the client key
   * @param cost 0 to the policy's burst
   * @return the decision
   */
  public RateLimitDecision check(String key, long cost) {
    return decide(key, cost, false);
  }

  /**
   * Whether {@code cost} units would be allowed for the request now, charging nothing.
   *
   * @param request the request
   * @param cost 0 to the policy's burst
   * @return the decision
   */
  public RateLimitDecision check(RateLimitRequest request, long cost) {
    return check(policy.key().keyFor(request), cost);
  }

  private RateLimitDecision decide(String key, long cost, boolean charge) {
    Objects.requireNonNull(key, "key");
    if (cost < 0 || cost > policy.burst()) {
      throw new IllegalArgumentException(
          "cost must be 0 to the policy's burst (" + policy.burst() + "), got " + cost);
    }
    long now = clock.nanoTime();
    RateLimitDecision decision;
    try {
      LocalRateLimitStore l = local;
      if (l != null && charge) {
        // The local store takes (name, key) pairs and answers with a primitive: no
        // "name:key" string and no GcraResult per call.
        decision = RateLimitDecision.ofOutcome(policy, l.charge(policy, key, cost, now), cost);
      } else {
        decision = RateLimitDecision.of(policy, result(key, cost, charge, now));
      }
    } catch (RuntimeException e) {
      GcraResult fallback =
          e instanceof RateLimitStoreException failure ? failure.fallbackResult() : null;
      decision = fallback == null ? RateLimitDecision.storeFailure(policy)
          : RateLimitDecision.of(policy, fallback);
      listener.onStoreError(decision, e);
      return decision;
    }
    if (decision.allowed()) {
      if (charge) {
        listener.onAllowed(decision);
      }
    } else {
      listener.onLimited(decision);
    }
    return decision;
  }

  private GcraResult result(String key, long cost, boolean charge, long now) {
    LocalRateLimitStore l = local;
    if (l != null) {
      return l.check(policy, key, cost, now);
    }
    String storeKey = prefix + key;
    return charge
        ? store.acquire(storeKey, cost, policy.params(), now)
        : store.check(storeKey, cost, policy.params(), now);
  }

  @Override
  public String toString() {
    return "RateLimiter[" + policy + ", " + store + "]";
  }
}
