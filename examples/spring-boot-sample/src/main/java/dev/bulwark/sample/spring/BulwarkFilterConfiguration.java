package dev.bulwark.sample.spring;

import dev.bulwark.cors.CorsPolicy;
import dev.bulwark.fetchmetadata.FetchMetadataPolicy;
import dev.bulwark.headers.SecurityHeadersPolicies;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.https.HttpsPolicy;
import dev.bulwark.ratelimit.ClientKeys;
import dev.bulwark.ratelimit.LocalRateLimitStore;
import dev.bulwark.ratelimit.RateLimitEngine;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimitRule;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.servlet.CorsFilter;
import dev.bulwark.servlet.FetchMetadataFilter;
import dev.bulwark.servlet.HttpsRedirectFilter;
import dev.bulwark.servlet.RateLimitFilter;
import dev.bulwark.servlet.SecurityHeadersFilter;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Registers Bulwark's five Servlet filters with {@link FilterRegistrationBean}, each with an
 * explicit order.
 *
 * <p><b>The order, and why.</b>
 *
 * <ol>
 *   <li>{@link SecurityHeadersFilter}: writes its headers before anything else answers, so the
 *       redirects, 403s and 429s of the filters below carry them too.
 *   <li>{@link HttpsRedirectFilter}: plain HTTP never reaches the application (and a wrong
 *       {@code Host} gets a 400, not a redirect to an attacker's host).
 *   <li>{@link CorsFilter} on {@code /api/*}, when CORS origins are configured: answers preflights, which browsers send as
 *       {@code Sec-Fetch-Site: cross-site}, before the CSRF check would refuse them.
 *   <li>{@link FetchMetadataFilter}: refuses cross-site state changes (CSRF).
 *   <li>{@link RateLimitFilter}: counts what is left, per client address behind the trusted
 *       proxies; login attempts count only when they fail (401).
 * </ol>
 *
 * <p>All five run before Spring Security's filter chain ({@link
 * SecurityProperties#DEFAULT_FILTER_ORDER}, -100) and before Spring's own {@code
 * FormContentFilter} (-9900): a request Bulwark refuses never costs a session lookup, an
 * authentication attempt or a body parse, and Spring Security (when an application adds it)
 * sees only requests that are already on HTTPS, same-site or from an allowed origin, and within
 * their limits. Only Boot's {@code CharacterEncodingFilter} ({@link Ordered#HIGHEST_PRECEDENCE})
 * runs earlier; it reads nothing from the request.
 *
 * <p>Every policy is built here, at start-up: a bad setting (a {@code *} origin with
 * credentials, a zero limit, an unparsable proxy CIDR) stops the application with a message
 * that names it.
 */
@Configuration(proxyBeanMethods = false)
public class BulwarkFilterConfiguration {

  /** The order of the first Bulwark filter; the others follow in steps of {@link #STEP}. */
  public static final int FIRST_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  /** The gap between two Bulwark filters, leaving room for an application's own. */
  public static final int STEP = 10;

  private final ClientResolver resolver;

  /**
   * Builds the client resolver every filter shares: one answer to "who is the client, over
   * which scheme, for which host".
   *
   * @param trustedProxies CIDR blocks of the reverse proxies in front of the application
   */
  public BulwarkFilterConfiguration(
      @Value("${bulwark.sample.trusted-proxies:}") List<String> trustedProxies) {
    List<String> proxies = listed(trustedProxies);
    this.resolver = proxies.isEmpty()
        ? ClientResolver.direct()
        : ClientResolver.of(TrustedProxies.builder().trust(proxies).build());
  }

  /**
   * Security headers: the recommended preset, no caching of the account endpoints.
   *
   * @return the registration
   */
  @Bean
  public FilterRegistrationBean<SecurityHeadersFilter> bulwarkSecurityHeaders() {
    var policy = SecurityHeadersPolicies.recommended().toBuilder()
        .noStore("/login", "/signup", "/api/*")
        .build();
    return register(new SecurityHeadersFilter(policy), 0, "/*");
  }

  /**
   * HTTPS redirect with HSTS; {@code /health} stays reachable over plain HTTP for probes.
   *
   * @param hosts the canonical host names
   * @param httpsPort the port to redirect plain HTTP to
   * @return the registration
   */
  @Bean
  public FilterRegistrationBean<HttpsRedirectFilter> bulwarkHttpsRedirect(
      @Value("${bulwark.sample.hosts:localhost}") List<String> hosts,
      @Value("${bulwark.sample.https-port:443}") int httpsPort) {
    var policy = HttpsPolicy.builder()
        .allowHosts(listed(hosts))
        .httpsPort(httpsPort)
        .excludePaths("/health")
        .build();
    return register(new HttpsRedirectFilter(policy, resolver), 1, "/*");
  }

  /**
   * CORS with credentials for the configured origins on {@code /api/*}; others are refused
   * with a 403 instead of being left to the browser. Registered only when
   * {@code bulwark.sample.cors-origins} lists an origin: without one the API is same-origin only,
   * and a {@code CorsPolicy} that allows nobody is refused at build time.
   *
   * @param origins the origins allowed to call the API from a browser
   * @return the registration
   */
  @Bean
  @Conditional(CorsOriginsConfigured.class)
  public FilterRegistrationBean<CorsFilter> bulwarkCors(
      @Value("${bulwark.sample.cors-origins:}") List<String> origins) {
    var policy = CorsPolicy.builder()
        .allowOrigins(listed(origins))
        .allowMethods("GET", "POST")
        .allowHeaders("Content-Type")
        .allowCredentials()
        .maxAge(Duration.ofMinutes(10))
        .rejectDisallowedRequests()
        .build();
    return register(new CorsFilter(policy, resolver), 2, "/api/*");
  }

  /**
   * Fetch-Metadata CSRF protection; the CORS origins may also write.
   *
   * @param origins the origins allowed to call the API from a browser
   * @return the registration
   */
  @Bean
  public FilterRegistrationBean<FetchMetadataFilter> bulwarkFetchMetadata(
      @Value("${bulwark.sample.cors-origins:}") List<String> origins) {
    var policy = FetchMetadataPolicy.builder().allowOrigins(listed(origins)).build();
    return register(new FetchMetadataFilter(policy, resolver), 3, "/*");
  }

  /**
   * Rate limits: the API per client address, log-in failures per client address.
   *
   * @param apiLimit API requests per {@code apiPeriod}
   * @param apiPeriod the API period
   * @param loginLimit failed log-ins per {@code loginPeriod}
   * @param loginPeriod the log-in period
   * @return the registration
   */
  @Bean
  public FilterRegistrationBean<RateLimitFilter> bulwarkRateLimit(
      @Value("${bulwark.sample.api-limit:100}") int apiLimit,
      @Value("${bulwark.sample.api-period:1m}") Duration apiPeriod,
      @Value("${bulwark.sample.login-limit:5}") int loginLimit,
      @Value("${bulwark.sample.login-period:15m}") Duration loginPeriod) {
    var store = LocalRateLimitStore.create(LocalRateLimitStore.DEFAULT_MAX_KEYS);
    var api = RateLimitPolicy.builder()
        .name("api").limit(apiLimit).per(apiPeriod).key(ClientKeys.address()).build();
    var login = RateLimitPolicy.builder()
        .name("login").limit(loginLimit).per(loginPeriod).key(ClientKeys.address()).build();
    var engine = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(RateLimiter.of(api, store)).paths("/api/*").build())
        .rule(RateLimitRule.builder(RateLimiter.of(login, store))
            .paths("/login").methods("POST").chargeOnlyStatuses(401).build())
        .exempt("/health")
        .resolver(resolver)
        .build();
    return register(new RateLimitFilter(engine), 4, "/*");
  }

  /** True when {@code bulwark.sample.cors-origins} names at least one origin. */
  static final class CorsOriginsConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !context.getEnvironment().getProperty("bulwark.sample.cors-origins", "").isBlank();
    }
  }

  /** A comma-separated setting's entries, trimmed, without empty ones ("" is no entry). */
  private static List<String> listed(List<String> values) {
    return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  private static <F extends Filter> FilterRegistrationBean<F> register(
      F filter, int position, String urlPattern) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.setName("bulwark-" + position + "-" + filter.getClass().getSimpleName());
    registration.setOrder(FIRST_ORDER + position * STEP);
    registration.addUrlPatterns(urlPattern);
    return registration;
  }
}
