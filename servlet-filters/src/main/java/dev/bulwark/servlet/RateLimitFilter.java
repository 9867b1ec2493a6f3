package dev.bulwark.servlet;

import dev.bulwark.ratelimit.RateLimitEngine;
import dev.bulwark.ratelimit.RateLimitListener;
import dev.bulwark.ratelimit.RateLimitOutcome;
import dev.bulwark.ratelimit.RateLimitSettings;
import dev.bulwark.servlet.internal.InitParams;
import dev.bulwark.servlet.internal.ProblemResponse;
import dev.bulwark.servlet.internal.ServletRequestView;
import dev.bulwark.servlet.internal.ServletResponseHeaders;
import dev.bulwark.servlet.internal.StatusChargingResponse;
import dev.bulwark.time.NanoClock;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Servlet adapter for {@link RateLimitEngine}: refuses requests over their limit with
 * {@code 429 Too Many Requests}, {@code Retry-After} (whole seconds, rounded up) and an
 * {@code application/problem+json} body, and adds the {@code RateLimit-Policy} and
 * {@code RateLimit} headers (draft-ietf-httpapi-ratelimit-headers) to allowed and refused
 * responses. When a fail-closed store cannot answer, the answer is 503.
 *
 * <p>Configure it in code ({@code new RateLimitFilter(engine)}: several rules, any store,
 * listeners) or with init-params read by {@link RateLimitSettings} at {@code init()}:
 * {@code limit}, {@code period} ({@code PT1M} or {@code 1m}), {@code name}, {@code burst},
 * {@code key} ({@code address}, {@code principal}, {@code header:NAME}, {@code path},
 * {@code global}, joined by {@code +}), {@code ipv6-prefix}, {@code paths},
 * {@code exclude-paths}, {@code methods}, {@code cost}, {@code charge-statuses} (count only
 * responses with these statuses, e.g. {@code 401}), {@code headers} ({@code ietf},
 * {@code ietf+legacy}, {@code none}), {@code fail-open}, {@code max-keys},
 * {@code trusted-proxies}, {@code forwarded-headers}.
 *
 * <p>Paths are matched against the container's decoded, normalised path within the
 * application (servlet path plus path info), so {@code /login;x} or {@code /%6Cogin} count as
 * {@code /login}. Put the filter after authentication when keying by principal. Thread-safe
 * once initialised.
 */
public final class RateLimitFilter implements Filter {

  private @Nullable RateLimitEngine engine;
  private boolean ownsEngine;
  private final RateLimitListener listener;

  /** For containers: configure with init-params. */
  public RateLimitFilter() {
    this.listener = RateLimitListener.NONE;
  }

  /**
   * Configures the filter with init-params at {@code init()}, reporting every decision to
   * {@code listener} (for example {@code bulwark-micrometer}'s
   * {@code MicrometerRateLimitListener}).
   *
   * @param listener receives every decision of every rule
   */
  public RateLimitFilter(RateLimitListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Configures the filter in code; init-params are then ignored.
   *
   * @param engine the rules to apply
   */
  public RateLimitFilter(RateLimitEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.listener = RateLimitListener.NONE;
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    if (engine != null) {
      return;
    }
    InitParams params = new InitParams(config, RateLimitSettings.NAMES);
    try {
      engine = RateLimitSettings.of(params.all())
          .engine(NanoClock.system(), listener);
      ownsEngine = true;
    } catch (IllegalArgumentException e) {
      throw params.invalid(e);
    }
  }

  /** Closes the store (a Redis connection) when init-params created it; never throws. */
  @Override
  public void destroy() {
    RateLimitEngine current = engine;
    if (ownsEngine && current != null) {
      current.closeStores();
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    RateLimitEngine limits =
        Objects.requireNonNull(engine, "RateLimitFilter used before init()");
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    String path = ServletRequestView.routingPath(request);
    Principal principal = request.getUserPrincipal();
    RateLimitOutcome outcome = limits.admit(new ServletRequestView(request), path,
        principal == null ? null : principal.getName());
    outcome.writeHeaders(new ServletResponseHeaders(response));
    if (!outcome.allowed()) {
      if (outcome.refusedByStoreFailure()) {
        ProblemResponse.send(response, 503, "Service Unavailable",
            "The rate limiter cannot decide right now; retry later.");
      } else {
        ProblemResponse.send(response, 429, "Too Many Requests",
            "The rate limit for this client is exhausted; retry after the Retry-After delay.");
      }
      return;
    }
    if (!outcome.hasPendingCharges()) {
      chain.doFilter(request, response);
      return;
    }
    StatusChargingResponse charging = new StatusChargingResponse(response,
        outcome::chargesStatus, status -> limits.complete(outcome, status));
    try {
      chain.doFilter(request, charging);
    } finally {
      charging.finish();
    }
  }

  @Override
  public String toString() {
    return "RateLimitFilter[" + (engine == null ? "not initialised" : engine) + "]";
  }
}
