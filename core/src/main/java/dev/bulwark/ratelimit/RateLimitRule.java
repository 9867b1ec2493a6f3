package dev.bulwark.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a {@link RateLimiter} applies: path patterns, methods, the cost of one request, and
 * whether every request is charged or only failures.
 *
 * <p><b>Counting only failures</b> ({@link Builder#chargeOnlyStatuses}), e.g. 401 on a login
 * endpoint: before the request, the engine only checks that one more failure would be allowed
 * (a client over the limit gets 429 without reaching the application); after the response, it
 * charges the cost when the status is in the set. Requests in flight at the same time are not
 * yet charged, so concurrent failures can exceed the limit by at most the number of requests
 * in flight for that key; the next request after them is refused. Immutable.
 */
public final class RateLimitRule {

  private final RateLimiter limiter;
  private final List<PathPattern> paths;
  private final Set<String> methods;
  private final long cost;
  private final Set<Integer> chargeOnlyStatuses;

  private RateLimitRule(Builder b) {
    this.limiter = b.limiter;
    this.paths = List.copyOf(b.paths);
    this.methods = Set.copyOf(b.methods);
    this.cost = b.cost;
    this.chargeOnlyStatuses = Set.copyOf(b.statuses);
  }

  /**
   * A builder for a rule applying {@code limiter}.
   *
   * @param limiter the limiter
   * @return the builder
   */
  public static Builder builder(RateLimiter limiter) {
    return new Builder(Objects.requireNonNull(limiter, "limiter"));
  }

  /**
   * The limiter.
   *
   * @return the limiter
   */
  public RateLimiter limiter() {
    return limiter;
  }

  /**
   * The cost of one request.
   *
   * @return units
   */
  public long cost() {
    return cost;
  }

  /**
   * Whether the rule charges only responses with a status in {@link #chargeOnlyStatuses()}.
   *
   * @return true for a count-only-failures rule
   */
  public boolean chargesAfterResponse() {
    return !chargeOnlyStatuses.isEmpty();
  }

  /**
   * The statuses charged after the response; empty when every request is charged up front.
   *
   * @return the statuses
   */
  public Set<Integer> chargeOnlyStatuses() {
    return chargeOnlyStatuses;
  }

  boolean applies(String method, String path) {
    if (!methods.isEmpty() && !methods.contains(method)) {
      return false;
    }
    for (PathPattern pattern : paths) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "RateLimitRule[" + limiter.policy() + " on " + paths
        + (methods.isEmpty() ? "" : " " + new TreeSet<>(methods)) + ", cost " + cost
        + (chargeOnlyStatuses.isEmpty() ? "" : ", charging only " + chargeOnlyStatuses) + "]";
  }

  /** Collects a rule's settings. Not thread-safe. */
  public static final class Builder {
    private final RateLimiter limiter;
    private final List<PathPattern> paths = new ArrayList<>();
    private final Set<String> methods = new TreeSet<>();
    private long cost = 1;
    private final Set<Integer> statuses = new TreeSet<>();

    private Builder(RateLimiter limiter) {
      this.limiter = limiter;
    }

    /**
     * Path patterns the rule applies to (default {@code /*}): {@code /*}, {@code /api/*},
     * {@code *.json} or an exact path, matched against the decoded, normalised path within the
     * application.
     *
     * @param patterns the patterns
     * @return this builder
     */
    public Builder paths(String... patterns) {
      for (String pattern : patterns) {
        paths.add(PathPattern.parse(Objects.requireNonNull(pattern, "pattern").strip()));
      }
      return this;
    }

    /**
     * Methods the rule applies to (default: all), case-sensitive as in HTTP.
     *
     * @param names e.g. {@code POST}
     * @return this builder
     */
    public Builder methods(String... names) {
      for (String name : names) {
        methods.add(Objects.requireNonNull(name, "method").strip());
      }
      return this;
    }

    /**
     * The cost of one request (default 1).
     *
     * @param cost 1 to the policy's burst
     * @return this builder
     */
    public Builder cost(long cost) {
      this.cost = cost;
      return this;
    }

    /**
     * Charge only responses with one of these statuses (e.g. 401 for a login endpoint), after
     * the response; see the class comment for the race this implies.
     *
     * @param codes statuses, 100 to 599
     * @return this builder
     */
    public Builder chargeOnlyStatuses(int... codes) {
      for (int code : codes) {
        statuses.add(code);
      }
      return this;
    }

    /**
     * Validates and builds the rule.
     *
     * @return the rule
     * @throws IllegalArgumentException naming the setting to fix
     */
    public RateLimitRule build() {
      if (paths.isEmpty()) {
        paths.add(PathPattern.parse("/*"));
      }
      long burst = limiter.policy().burst();
      if (cost < 1 || cost > burst) {
        throw new IllegalArgumentException("cost must be 1 to the policy's burst (" + burst
            + "), got " + cost);
      }
      for (String method : methods) {
        if (method.isEmpty() || !method.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
          throw new IllegalArgumentException("methods must be HTTP method names like POST");
        }
      }
      for (int status : statuses) {
        if (status < 100 || status > 599) {
          throw new IllegalArgumentException(
              "charged statuses must be 100 to 599, got " + status);
        }
      }
      return new RateLimitRule(this);
    }
  }
}
