package dev.bulwark.servlet;

import dev.bulwark.fetchmetadata.FetchMetadataDecision;
import dev.bulwark.fetchmetadata.FetchMetadataEngine;
import dev.bulwark.fetchmetadata.FetchMetadataPolicy;
import dev.bulwark.fetchmetadata.FetchMetadataSettings;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.servlet.internal.InitParams;
import dev.bulwark.servlet.internal.ProblemResponse;
import dev.bulwark.servlet.internal.ServletRequestView;
import dev.bulwark.servlet.internal.ServletResponseHeaders;
import dev.bulwark.servlet.internal.VaryPreservingResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import dev.bulwark.time.LogThrottle;
import dev.bulwark.time.NanoClock;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Servlet adapter for {@link FetchMetadataEngine}: refuses cross-site requests the policy
 * does not accept with 403 and a problem body, before they reach the application. In
 * report-only mode it logs the would-be rejection (at {@code WARNING}, through
 * {@link System.Logger} {@code dev.bulwark.servlet.FetchMetadataFilter}, with no request data)
 * and passes the request on; at most one such line is written per
 * {@link #REPORT_LOG_INTERVAL}, carrying the number of reports held back since the previous
 * one, so a flood of cross-site requests cannot flood the log. Cacheable responses get {@code Vary} on the Fetch Metadata
 * headers; the application's own {@code Vary} values are kept.
 *
 * <p>Configure it in code ({@code new FetchMetadataFilter(policy, resolver)}) or with
 * init-params, validated at {@code init()}: {@code allow-same-site}, {@code allowed-paths},
 * {@code allowed-origins}, {@code report-only}, {@code allow-without-origin-or-referer},
 * {@code trusted-proxies} and {@code forwarded-headers}; see {@link FetchMetadataSettings}.
 * Thread-safe once initialised.
 */
public final class FetchMetadataFilter implements Filter {

  private static final System.Logger LOG =
      System.getLogger("dev.bulwark.servlet.FetchMetadataFilter");

  /** At most one report-only log line per this interval (10 seconds). */
  public static final Duration REPORT_LOG_INTERVAL = Duration.ofSeconds(10);

  private @Nullable FetchMetadataEngine engine;
  private final LogThrottle reports;

  /** For containers: configure with init-params. */
  public FetchMetadataFilter() {
    this.reports = LogThrottle.every(REPORT_LOG_INTERVAL, NanoClock.system());
  }

  /**
   * Configures the filter in code; init-params are then ignored.
   *
   * @param policy the Fetch Metadata policy
   * @param resolver resolves the application's own origin behind trusted proxies
   */
  public FetchMetadataFilter(FetchMetadataPolicy policy, ClientResolver resolver) {
    this(policy, resolver, NanoClock.system());
  }

  /**
   * Configures the filter in code with the clock that paces report-only log lines.
   *
   * @param policy the Fetch Metadata policy
   * @param resolver resolves the application's own origin behind trusted proxies
   * @param clock the clock of the log throttle
   */
  public FetchMetadataFilter(FetchMetadataPolicy policy, ClientResolver resolver,
      NanoClock clock) {
    this.engine = FetchMetadataEngine.of(policy, resolver);
    this.reports = LogThrottle.every(REPORT_LOG_INTERVAL, clock);
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    if (engine != null) {
      return;
    }
    InitParams params = new InitParams(config, FetchMetadataSettings.NAMES);
    try {
      FetchMetadataSettings settings = FetchMetadataSettings.of(params.all());
      engine = FetchMetadataEngine.of(
          settings.policy(), ClientResolver.of(settings.trustedProxies()));
    } catch (IllegalArgumentException e) {
      throw params.invalid(e);
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    FetchMetadataEngine fetch =
        Objects.requireNonNull(engine, "FetchMetadataFilter used before init()");
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    FetchMetadataDecision decision = fetch.decide(new ServletRequestView(request));
    decision.writeHeaders(new ServletResponseHeaders(response));
    if (decision.answersRequest()) {
      ProblemResponse.send(response, decision.status(), "Forbidden", decision.describe());
      return;
    }
    if (decision.isReported()) {
      long suppressed = reports.admit();
      if (suppressed == 0) {
        LOG.log(Level.WARNING, "report-only: {0}", decision.describe());
      } else if (suppressed > 0) {
        LOG.log(Level.WARNING, "report-only: {0} (and {1} more reports not logged since the"
            + " previous line)", decision.describe(), String.valueOf(suppressed));
      }
    }
    chain.doFilter(request, new VaryPreservingResponse(response));
  }

  @Override
  public String toString() {
    return "FetchMetadataFilter[" + (engine == null ? "not initialised" : engine.policy()) + "]";
  }
}
