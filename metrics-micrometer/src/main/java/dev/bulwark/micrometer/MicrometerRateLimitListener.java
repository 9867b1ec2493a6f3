package dev.bulwark.micrometer;

import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimitListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts rate-limit decisions in a Micrometer {@link MeterRegistry}.
 *
 * <pre>{@code
 * RateLimitListener metrics = MicrometerRateLimitListener.create(registry);
 * RateLimiter limiter = RateLimiter.of(policy, store, NanoClock.system(), metrics);
 * // or, configured by init-params: new RateLimitFilter(metrics)
 * }</pre>
 *
 * <p>Meters, each tagged {@code policy} (the policy's name) plus any common tags given:
 *
 * <ul>
 *   <li>{@value #DECISIONS} with {@code outcome=allowed} or {@code outcome=limited}: requests the
 *       store allowed or refused;
 *   <li>{@value #STORE_ERRORS} with {@code outcome=allowed} or {@code outcome=refused}: decisions
 *       the store could not make, by what decided instead (fail open, fail closed, or the
 *       store's local fallback); these are not counted in {@value #DECISIONS}.
 * </ul>
 *
 * <p>No key, address or principal ever becomes a tag, so the number of meters is bounded by the
 * number of policies. Counters are looked up once per policy and outcome and then cached; each
 * decision costs one counter increment. Thread-safe.
 */
public final class MicrometerRateLimitListener implements RateLimitListener {

  /** The counter of decisions made by the store. */
  public static final String DECISIONS = "bulwark.ratelimit.decisions";

  /** The counter of decisions the store could not make. */
  public static final String STORE_ERRORS = "bulwark.ratelimit.store.errors";

  private static final int ALLOWED = 0;
  private static final int LIMITED = 1;
  private static final int ERROR_ALLOWED = 2;
  private static final int ERROR_REFUSED = 3;

  private final MeterRegistry registry;
  private final Tags commonTags;
  private final ConcurrentMap<String, Counter[]> byPolicy = new ConcurrentHashMap<>();

  private MicrometerRateLimitListener(MeterRegistry registry, Tags commonTags) {
    this.registry = registry;
    this.commonTags = commonTags;
  }

  /**
   * A listener registering its counters in {@code registry}.
   *
   * @param registry the registry
   * @return the listener
   */
  public static MicrometerRateLimitListener create(MeterRegistry registry) {
    return create(registry, Tags.empty());
  }

  /**
   * A listener registering its counters in {@code registry} with extra tags on every meter.
   *
   * @param registry the registry
   * @param commonTags tags added to every meter (for example the application's name)
   * @return the listener
   * @throws IllegalArgumentException when a common tag is named {@code policy} or
   *     {@code outcome}
   */
  public static MicrometerRateLimitListener create(MeterRegistry registry,
      Iterable<Tag> commonTags) {
    Objects.requireNonNull(registry, "registry");
    Tags tags = Tags.of(Objects.requireNonNull(commonTags, "commonTags"));
    for (Tag tag : tags) {
      if ("policy".equals(tag.getKey()) || "outcome".equals(tag.getKey())) {
        throw new IllegalArgumentException("common tag '" + tag.getKey() + "' is set by the"
            + " listener itself; rename it");
      }
    }
    return new MicrometerRateLimitListener(registry, tags);
  }

  @Override
  public void onAllowed(RateLimitDecision decision) {
    counters(decision)[ALLOWED].increment();
  }

  @Override
  public void onLimited(RateLimitDecision decision) {
    counters(decision)[LIMITED].increment();
  }

  @Override
  public void onStoreError(RateLimitDecision decision, RuntimeException error) {
    counters(decision)[decision.allowed() ? ERROR_ALLOWED : ERROR_REFUSED].increment();
  }

  private Counter[] counters(RateLimitDecision decision) {
    String policy = decision.policy().name();
    Counter[] counters = byPolicy.get(policy);
    return counters != null ? counters : byPolicy.computeIfAbsent(policy, this::register);
  }

  private Counter[] register(String policy) {
    Tags tags = commonTags.and("policy", policy);
    return new Counter[] {
        counter(DECISIONS, "Rate-limit decisions made by the store", tags, "allowed"),
        counter(DECISIONS, "Rate-limit decisions made by the store", tags, "limited"),
        counter(STORE_ERRORS, "Rate-limit decisions the store could not make", tags, "allowed"),
        counter(STORE_ERRORS, "Rate-limit decisions the store could not make", tags, "refused"),
    };
  }

  private Counter counter(String name, String description, Tags tags, String outcome) {
    return Counter.builder(name).description(description).tags(tags).tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public String toString() {
    return "MicrometerRateLimitListener[" + registry.getClass().getSimpleName() + "]";
  }
}
