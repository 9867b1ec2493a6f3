package dev.bulwark.servlet;

import dev.bulwark.headers.ContentSecurityPolicy;
import dev.bulwark.headers.SecurityHeadersDecision;
import dev.bulwark.headers.SecurityHeadersEngine;
import dev.bulwark.headers.SecurityHeadersPolicies;
import dev.bulwark.headers.SecurityHeadersPolicy;
import dev.bulwark.headers.SecurityHeadersSettings;
import dev.bulwark.servlet.internal.HeaderKeepingResponse;
import dev.bulwark.servlet.internal.InitParams;
import dev.bulwark.servlet.internal.ServletRequestView;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Servlet adapter for {@link SecurityHeadersEngine}: writes the policy's headers before
 * the application runs, so they reach normal responses, redirects and error pages alike, and
 * exposes the response's CSP nonce to templates as the request attribute
 * {@value #NONCE_ATTRIBUTE}.
 *
 * <p>Configure it in code ({@code new SecurityHeadersFilter(policy)}) or with init-params,
 * validated at {@code init()}; with none, the filter applies
 * {@link SecurityHeadersPolicies#recommended()}. The init-params are {@code preset},
 * {@code csp}, {@code csp-nonce}, {@code csp-report-only}, {@code reporting-endpoints},
 * {@code report-to}, {@code frame-options}, {@code referrer-policy},
 * {@code permissions-policy}, {@code coep}, {@code no-store-paths},
 * {@code clear-site-data-paths}, {@code overwrite} and {@code remove-headers}; see
 * {@link SecurityHeadersSettings}. Headers already present are kept unless the policy
 * overwrites them. Headers the policy removes ({@code X-Powered-By}) are stripped even when the
 * container set them, and dropped when the application sets them. Thread-safe once initialised.
 */
public final class SecurityHeadersFilter implements Filter {

  /** The request attribute holding the CSP nonce of the response (a base64 string). */
  public static final String NONCE_ATTRIBUTE = ContentSecurityPolicy.NONCE_ATTRIBUTE;

  private @Nullable SecurityHeadersEngine engine;

  /** For containers: configure with init-params (none: the recommended preset). */
  public SecurityHeadersFilter() {}

  /**
   * Configures the filter in code, with a fresh {@link SecureRandom} for nonces; init-params
   * are then ignored.
   *
   * @param policy the policy
   */
  public SecurityHeadersFilter(SecurityHeadersPolicy policy) {
    this(policy, new SecureRandom());
  }

  /**
   * Configures the filter in code.
   *
   * @param policy the policy
   * @param random the source of nonces
   */
  public SecurityHeadersFilter(SecurityHeadersPolicy policy, SecureRandom random) {
    this.engine = SecurityHeadersEngine.of(policy, random);
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    if (engine != null) {
      return;
    }
    InitParams params = new InitParams(config, SecurityHeadersSettings.NAMES);
    try {
      engine = SecurityHeadersEngine.of(SecurityHeadersSettings.of(params.all()).policy(),
          new SecureRandom());
    } catch (IllegalArgumentException e) {
      throw params.invalid(e);
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    SecurityHeadersEngine headers =
        Objects.requireNonNull(engine, "SecurityHeadersFilter used before init()");
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    SecurityHeadersDecision decision = headers.decide(ServletRequestView.routingPath(request));
    if (decision.nonce() != null) {
      request.setAttribute(NONCE_ATTRIBUTE, decision.nonce());
    }
    HeaderKeepingResponse wrapped = new HeaderKeepingResponse(response, decision);
    wrapped.apply();
    try {
      chain.doFilter(request, wrapped);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      // On its way to the container's error page: write again anything a reset lost. (A normal
      // return needs nothing: reset, sendError and sendRedirect already re-applied them.)
      wrapped.apply();
      throw e;
    }
  }

  @Override
  public String toString() {
    return "SecurityHeadersFilter[" + (engine == null ? "not initialised" : engine)
        + "]";
  }
}
