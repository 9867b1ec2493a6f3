package dev.bulwark.ratelimit;

import dev.bulwark.ratelimit.spi.GcraParams;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable rate-limit policy: a name, {@code limit} units per {@code period}, an optional
 * burst, and how requests are keyed.
 *
 * <pre>{@code
 * RateLimitPolicy login = RateLimitPolicy.builder()
 *     .name("login").limit(5).per(Duration.ofMinutes(1))
 *     .key(ClientKeys.address())          // resolved behind trusted proxies
 *     .build();
 * }</pre>
 *
 * <p><b>Algorithm.</b> GCRA (see {@link dev.bulwark.ratelimit.spi.Gcra}): one unit every
 * {@code period / limit} (rounded up to the nanosecond, so the limit is never exceeded), and up
 * to {@code burst} units at once (default: {@code limit}, so a fresh key may spend the whole
 * period's allowance at once, like a fixed window but without the double burst at window
 * edges).
 *
 * <p><b>Defaults.</b> No default limit or period: both must be set. Key: the client address
 * (IPv6 grouped by /64). A store failure refuses the request (fail closed) unless
 * {@link Builder#failOpen()} is asked for. Thread-safe (immutable).
 */
public final class RateLimitPolicy {

  /** The longest period: one year. */
  public static final Duration MAX_PERIOD = Duration.ofDays(366);

  private final String name;
  private final long limit;
  private final Duration period;
  private final long burst;
  private final RateLimitKey key;
  private final boolean failOpen;
  private final GcraParams params;
  private final String policyHeader;

  private RateLimitPolicy(Builder b, long limit, Duration period, long burst) {
    this.name = Objects.requireNonNull(b.name);
    this.limit = limit;
    this.period = period;
    this.burst = burst;
    this.key = b.key;
    this.failOpen = b.failOpen;
    long interval = ceilDiv(period.toNanos(), limit);
    this.params = new GcraParams(interval, burst);
    this.policyHeader = "\"" + name + "\";q=" + limit + ";w=" + ceilDiv(period.toMillis(), 1000);
  }

  /**
   * A fresh builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this policy's settings.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.limit = limit;
    b.period = period;
    b.burst = burst;
    b.burstSet = burst != limit;
    b.key = key;
    b.failOpen = failOpen;
    return b;
  }

  /**

   * Returns the name, shown in headers and metrics.

   *

   * @return the name, shown in headers and metrics

   */
  public String name() {
    return name;
  }

  /**

   * Returns units per period.

   *

   * @return units per period

   */
  public long limit() {
    return limit;
  }

  /**

   * Returns the period.

   *

   * @return the period

   */
  public Duration period() {
    return period;
  }

  /**

   * Returns units a full key may spend at once.

   *

   * @return units a full key may spend at once

   */
  public long burst() {
    return burst;
  }

  /**

   * Returns how requests are keyed.

   *

   * @return how requests are keyed

   */
  public RateLimitKey key() {
    return key;
  }

  /**

   * Returns whether a store failure lets requests through.

   *

   * @return whether a store failure lets requests through

   */
  public boolean failOpen() {
    return failOpen;
  }

  /**

   * Returns what a store needs.

   *

   * @return what a store needs

   */
  public GcraParams params() {
    return params;
  }

  /**
   * This policy as one item of the {@code RateLimit-Policy} field
   * (draft-ietf-httpapi-ratelimit-headers), rendered once at build time.
   *
   * @return e.g. {@code "api";q=100;w=60}
   */
  public String policyHeaderItem() {
    return policyHeader;
  }

  @Override
  public String toString() {
    return "RateLimitPolicy[" + name + ": " + limit + " per " + period + ", burst " + burst
        + ", key " + key + (failOpen ? ", fail open" : "") + "]";
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** Collects and validates a policy's settings. Not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private long limit;
    private @Nullable Duration period;
    private long burst;
    private boolean burstSet;
    private RateLimitKey key = ClientKeys.address();
    private boolean failOpen;

    private Builder() {}

    /**
     * The policy's name: 1 to 64 of {@code A-Z a-z 0-9 . _ -}. Required.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Units allowed per period, at least 1. Required.
     *
     * @param limit the limit
     * @return this builder
     */
    public Builder limit(long limit) {
      this.limit = limit;
      return this;
    }

    /**
     * The period the limit applies to, 1 ms to {@link #MAX_PERIOD}. Required.
     *
     * @param period the period
     * @return this builder
     */
    public Builder per(Duration period) {
      this.period = Objects.requireNonNull(period, "period");
      return this;
    }

    /**
     * Units a full key may spend at once (default: the limit).
     *
     * @param burst at least 1
     * @return this builder
     */
    public Builder burst(long burst) {
      this.burst = burst;
      this.burstSet = true;
      return this;
    }

    /**
     * How requests are keyed (default {@link ClientKeys#address()}).
     *
     * @param key the key
     * @return this builder
     */
    public Builder key(RateLimitKey key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * Let requests through when the store cannot answer (default: refuse them with 503).
     *
     * @return this builder
     */
    public Builder failOpen() {
      this.failOpen = true;
      return this;
    }

    /**
     * Validates the settings and builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException naming the setting to fix
     */
    public RateLimitPolicy build() {
      if (name == null) {
        throw new IllegalArgumentException("name is required, e.g. name(\"api\")");
      }
      if (!isName(name)) {
        throw new IllegalArgumentException("name must be 1 to 64 of A-Z a-z 0-9 . _ -");
      }
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1, got " + limit
            + "; a limit of 0 would refuse everything: remove the rule or exempt the path");
      }
      if (period == null) {
        throw new IllegalArgumentException("period is required, e.g. per(Duration.ofMinutes(1))");
      }
      if (period.compareTo(Duration.ofMillis(1)) < 0 || period.compareTo(MAX_PERIOD) > 0) {
        throw new IllegalArgumentException("period must be 1 ms to 366 days, got " + period);
      }
      if (burstSet && burst < 1) {
        throw new IllegalArgumentException("burst must be at least 1, got " + burst);
      }
      long effectiveBurst = burstSet ? burst : limit;
      long interval = ceilDiv(period.toNanos(), limit);
      if (effectiveBurst > GcraParams.MAX_TOLERANCE_NANOS / interval) {
        throw new IllegalArgumentException("burst is too large for this limit and period");
      }
      return new RateLimitPolicy(this, limit, period, effectiveBurst);
    }

    private static boolean isName(String name) {
      if (name.isEmpty() || name.length() > 64) {
        return false;
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '_' || c == '-';
        if (!ok) {
          return false;
        }
      }
      return true;
    }
  }
}
