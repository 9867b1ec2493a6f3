package dev.bulwark.ratelimit;

import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.HttpRequestView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Applies a list of {@link RateLimitRule}s to requests: every rule whose paths and methods
 * match applies, and all must allow. Exempt paths skip every rule.
 *
 * <p>Use: {@link #admit} before the application; when the outcome is refused, answer 429 (or
 * 503 when {@link RateLimitOutcome#refusedByStoreFailure()}); otherwise run the application and
 * call {@link #complete} with the response status if {@link RateLimitOutcome#hasPendingCharges()}.
 *
 * <p>Rules are charged in order; a request refused by a later rule has already been charged by
 * the earlier ones (as with any set of independent limits). The client is resolved once, behind
 * the trusted proxies of the {@link ClientResolver}. Immutable and thread-safe.
 */
public final class RateLimitEngine {

  private final List<RateLimitRule> rules;
  private final List<PathPattern> exempt;
  private final ClientResolver resolver;
  private final HeaderMode headerMode;

  private RateLimitEngine(Builder b) {
    this.rules = List.copyOf(b.rules);
    this.exempt = List.copyOf(b.exempt);
    this.resolver = b.resolver;
    this.headerMode = b.headerMode;
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
   * The rules.
   *
   * @return the rules in order
   */
  public List<RateLimitRule> rules() {
    return rules;
  }

  /**
   * Decides a request before the application runs.
   *
   * @param view the request
   * @param path the decoded, normalised path within the application (for Servlet: servlet path
   *     plus path info), so {@code /a/../login} or {@code /login;x=y} match {@code /login}
   * @param principal the authenticated principal's name, or null
   * @return the outcome; headers to write with {@link RateLimitOutcome#writeHeaders}
   */
  public RateLimitOutcome admit(HttpRequestView view, String path, @Nullable String principal) {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(path, "path");
    for (PathPattern pattern : exempt) {
      if (pattern.matches(path)) {
        return new RateLimitOutcome(List.of(), List.of(), headerMode);
      }
    }
    String method = view.method();
    RateLimitRequest request = null;
    List<RateLimitDecision> decisions = new ArrayList<>(rules.size());
    List<RateLimitOutcome.Pending> pending = new ArrayList<>(0);
    for (RateLimitRule rule : rules) {
      if (!rule.applies(method, path)) {
        continue;
      }
      if (request == null) {
        request = new RateLimitRequest(view, resolver.resolve(view), principal);
      }
      RateLimiter limiter = rule.limiter();
      String key = limiter.policy().key().keyFor(request);
      RateLimitDecision decision;
      if (rule.chargesAfterResponse()) {
        decision = limiter.check(key, rule.cost());
        if (decision.allowed()) {
          pending.add(new RateLimitOutcome.Pending(rule, key));
        }
      } else {
        decision = limiter.tryAcquire(key, rule.cost());
      }
      decisions.add(decision);
      if (!decision.allowed()) {
        break;
      }
    }
    return new RateLimitOutcome(decisions, pending, headerMode);
  }

  /**
   * Charges the count-only-failures rules whose statuses include the response's status.
   *
   * @param outcome the outcome of {@link #admit} for this request
   * @param status the response status
   */
  public void complete(RateLimitOutcome outcome, int status) {
    for (RateLimitOutcome.Pending charge : outcome.pending()) {
      if (charge.rule().chargeOnlyStatuses().contains(status)) {
        charge.rule().limiter().tryAcquire(charge.key(), charge.rule().cost());
      }
    }
  }

  /**
   * Closes every rule's store that is {@link AutoCloseable} (a Redis store's connection and
   * threads), once each. For the owner of the stores, at shutdown; the engine must not be used
   * afterwards.
   *
   * @return the failures, empty when every store closed
   */
  public List<Exception> closeStores() {
    List<Object> closed = new ArrayList<>();
    List<Exception> failures = new ArrayList<>(0);
    for (RateLimitRule rule : rules) {
      Object store = rule.limiter().store();
      if (store instanceof AutoCloseable closeable
          && closed.stream().noneMatch(c -> c == store)) {
        closed.add(store);
        try {
          closeable.close();
        } catch (Exception e) {
          failures.add(e);
        }
      }
    }
    return failures;
  }

  @Override
  public String toString() {
    return "RateLimitEngine[rules=" + rules + ", exempt=" + exempt + ", headers=" + headerMode
        + "]";
  }

  /** Collects the engine's settings. Not thread-safe. */
  public static final class Builder {
    private final List<RateLimitRule> rules = new ArrayList<>();
    private final List<PathPattern> exempt = new ArrayList<>();
    private ClientResolver resolver = ClientResolver.direct();
    private HeaderMode headerMode = HeaderMode.IETF;

    private Builder() {}

    /**
     * Adds a rule; every matching rule applies.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder rule(RateLimitRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Paths no rule applies to (health checks, static assets).
     *
     * @param patterns path patterns, as for {@link RateLimitRule.Builder#paths}
     * @return this builder
     */
    public Builder exempt(String... patterns) {
      for (String pattern : patterns) {
        exempt.add(PathPattern.parse(Objects.requireNonNull(pattern, "pattern").strip()));
      }
      return this;
    }

    /**
     * Resolves client addresses behind trusted proxies (default: the TCP peer).
     *
     * @param resolver the resolver
     * @return this builder
     */
    public Builder resolver(ClientResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Which headers responses carry (default {@link HeaderMode#IETF}).
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder headers(HeaderMode mode) {
      this.headerMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Validates and builds the engine.
     *
     * @return the engine
     * @throws IllegalArgumentException when there is no rule, or two rules share a policy name
     */
    public RateLimitEngine build() {
      if (rules.isEmpty()) {
        throw new IllegalArgumentException("at least one rule is required");
      }
      List<String> names = new ArrayList<>();
      for (RateLimitRule rule : rules) {
        String name = rule.limiter().policy().name();
        if (names.contains(name)) {
          throw new IllegalArgumentException("two rules use the policy name '" + name
              + "'; give each policy its own name (headers and store keys use it)");
        }
        names.add(name);
      }
      return new RateLimitEngine(this);
    }
  }
}
