package dev.bulwark.servlet;

import dev.bulwark.cors.CorsDecision;
import dev.bulwark.cors.CorsEngine;
import dev.bulwark.cors.CorsPolicy;
import dev.bulwark.cors.CorsSettings;
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
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Servlet adapter for {@link CorsEngine}. Put it before authentication so preflights are
 * answered here (204 or 403) and never reach a filter that would answer 401.
 *
 * <p>Configure it in code ({@code new CorsFilter(policy, resolver)}) or with init-params,
 * validated at {@code init()}: {@code allowed-origins} (exact origins and patterns, separated
 * by commas or whitespace; {@code *} for any origin, {@code null} for the opaque origin),
 * {@code allowed-methods}, {@code allowed-headers} ({@code *} for any), {@code exposed-headers},
 * {@code allow-credentials} (true/false), {@code max-age} (seconds),
 * {@code allow-private-network} (true/false), {@code reject-disallowed} (true/false: 403 for a
 * disallowed actual request instead of passing it on), {@code trusted-proxies} (CIDRs) and
 * {@code forwarded-headers} ({@code x-forwarded} or {@code forwarded}).
 *
 * <p>Every response on a filtered path gets {@code Vary: Origin} (preflights also vary on the
 * request method and headers); the application's own {@code Vary} values are kept. Thread-safe
 * once initialised.
 */
public final class CorsFilter implements Filter {

  private @Nullable CorsEngine engine;

  /** For containers: configure with init-params. */
  public CorsFilter() {}

  /**
   * Configures the filter in code; init-params are then ignored.
   *
   * @param policy the CORS policy
   * @param resolver resolves the application's own origin behind trusted proxies
   */
  public CorsFilter(CorsPolicy policy, ClientResolver resolver) {
    this.engine = CorsEngine.of(policy, resolver);
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    if (engine != null) {
      return;
    }
    InitParams params = new InitParams(config, CorsSettings.NAMES);
    try {
      CorsSettings settings = CorsSettings.of(params.all());
      engine = CorsEngine.of(settings.policy(), ClientResolver.of(settings.trustedProxies()));
    } catch (IllegalArgumentException e) {
      throw params.invalid(e);
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    CorsEngine cors = Objects.requireNonNull(engine, "CorsFilter used before init()");
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    CorsDecision decision = cors.decide(new ServletRequestView(request));
    decision.writeHeaders(new ServletResponseHeaders(response));
    if (decision.answersRequest()) {
      if (decision.status() == 204) {
        response.setStatus(204);
      } else {
        ProblemResponse.send(response, decision.status(), "Forbidden", decision.describe());
      }
      return;
    }
    chain.doFilter(request, new VaryPreservingResponse(response));
  }

  @Override
  public String toString() {
    return "CorsFilter[" + (engine == null ? "not initialised" : engine.policy()) + "]";
  }
}
