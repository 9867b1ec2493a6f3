package dev.bulwark.servlet;

import dev.bulwark.http.ClientResolver;
import dev.bulwark.https.HttpsEngine;
import dev.bulwark.https.HttpsPolicy;
import dev.bulwark.https.HttpsSettings;
import dev.bulwark.https.RedirectDecision;
import dev.bulwark.servlet.internal.InitParams;
import dev.bulwark.servlet.internal.ProblemResponse;
import dev.bulwark.servlet.internal.ServletRequestView;
import dev.bulwark.servlet.internal.ServletResponseHeaders;
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
 * The Servlet adapter for {@link HttpsEngine}: redirects plain-HTTP requests to HTTPS on an
 * allow-listed host (308 by default, an empty body), answers 400 with a problem body when the
 * request names another host or a malformed one, and adds {@code Strict-Transport-Security} to
 * secure responses. Put it first in the chain.
 *
 * <p>Configure it in code ({@code new HttpsRedirectFilter(policy, resolver)}) or with
 * init-params, validated at {@code init()}: {@code allowed-hosts} (required), {@code https-port},
 * {@code port-map} ({@code 8080:8443}), {@code status} (308, 301, 307), {@code exclude-paths},
 * {@code hsts}, {@code hsts-max-age}, {@code hsts-include-subdomains}, {@code hsts-preload},
 * {@code trusted-proxies} and {@code forwarded-headers}; see {@link HttpsSettings}.
 * Thread-safe once initialised.
 */
public final class HttpsRedirectFilter implements Filter {

  private @Nullable HttpsEngine engine;

  /** For containers: configure with init-params. */
  public HttpsRedirectFilter() {}

  /**
   * Configures the filter in code; init-params are then ignored.
   *
   * @param policy the HTTPS policy
   * @param resolver resolves the client's scheme, host and port behind trusted proxies
   */
  public HttpsRedirectFilter(HttpsPolicy policy, ClientResolver resolver) {
    this.engine = HttpsEngine.of(policy, resolver);
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    if (engine != null) {
      return;
    }
    InitParams params = new InitParams(config, HttpsSettings.NAMES);
    try {
      HttpsSettings settings = HttpsSettings.of(params.all());
      engine = HttpsEngine.of(settings.policy(), ClientResolver.of(settings.trustedProxies()));
    } catch (IllegalArgumentException e) {
      throw params.invalid(e);
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpsEngine https = Objects.requireNonNull(engine, "HttpsRedirectFilter used before init()");
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    RedirectDecision decision = https.decide(new ServletRequestView(request));
    decision.writeHeaders(new ServletResponseHeaders(response));
    switch (decision.kind()) {
      case REDIRECT -> {
        response.setStatus(decision.status());
        response.setContentLength(0);
      }
      case REJECTED -> ProblemResponse.send(
          response, decision.status(), "Bad Request", decision.describe());
      default -> chain.doFilter(request, response);
    }
  }

  @Override
  public String toString() {
    return "HttpsRedirectFilter[" + (engine == null ? "not initialised" : engine.policy()) + "]";
  }
}
