package dev.bulwark.demo;

import dev.bulwark.cors.CorsPolicy;
import dev.bulwark.fetchmetadata.FetchMetadataPolicy;
import dev.bulwark.headers.SecurityHeadersPolicies;
import dev.bulwark.headers.SecurityHeadersPolicy;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.https.HttpsPolicy;
import dev.bulwark.ratelimit.ClientKeys;
import dev.bulwark.ratelimit.RateLimitEngine;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimitRule;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.servlet.CorsFilter;
import dev.bulwark.servlet.FetchMetadataFilter;
import dev.bulwark.servlet.HttpsRedirectFilter;
import dev.bulwark.servlet.RateLimitFilter;
import dev.bulwark.servlet.SecurityHeadersFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Bulwark's filters, built in code from the options and installed in this order (the order is
 * the point of this class):
 *
 * <ol>
 *   <li>{@link SecurityHeadersFilter} (recommended preset, nonce CSP, {@code no-store} on pages
 *       with private data, {@code Clear-Site-Data} on {@code /logout}): first, so that every
 *       response, including the redirects and refusals of the filters below, carries the
 *       headers.
 *   <li>{@link HttpsRedirectFilter}: plain HTTP goes no further than here (308 to the canonical
 *       host, 400 for any other {@code Host}); {@code /health} is exempt. Adds HSTS on HTTPS.
 *   <li>{@link CorsFilter} on {@code /api/*}, only when {@code --cors-origin} is given: it answers
 *       preflights, which browsers send as {@code Sec-Fetch-Site: cross-site}, before the CSRF
 *       check would refuse them.
 *   <li>{@link FetchMetadataFilter}: refuses cross-site writes (CSRF) and cross-site reads that
 *       are not navigations, with 403; the exact CORS origins are allowed here too.
 *   <li>{@link RateLimitFilter}: failed log-ins ({@code 401}) per client address on
 *       {@code POST /login}, and every {@code /api} request per address; {@code /health} is
 *       exempt. It runs after the CSRF check so that forged cross-site requests do not spend a
 *       victim's allowance. (The per-user-name log-in limit is in the servlet:
 *       {@link LoginThrottle}.)
 * </ol>
 *
 * All of them resolve the client through one {@link ClientResolver}, which believes
 * {@code X-Forwarded-*} only from the {@code --trusted-proxy} ranges.
 */
final class SecurityChain {

  /** A filter and the URL pattern it is mapped to. */
  record Mounted(Filter filter, String pattern) {}

  private SecurityChain() {}

  /** The resolver shared by every filter. */
  static ClientResolver resolver(DemoOptions options) {
    if (options.trustedProxies().isEmpty()) {
      return ClientResolver.direct();
    }
    return ClientResolver.of(TrustedProxies.builder().trust(options.trustedProxies()).build());
  }

  /** The failed-log-in limit, per address (the filter) and per user name (the servlet). */
  static RateLimitPolicy loginPolicy(DemoOptions options, String name) {
    return RateLimitPolicy.builder().name(name)
        .limit(options.loginLimit().count()).per(options.loginLimit().period())
        .key(ClientKeys.address()).build();
  }

  static List<Mounted> filters(DemoOptions options, int httpPort, int httpsPort,
      RateLimitStore store) {
    ClientResolver resolver = resolver(options);
    List<Mounted> chain = new ArrayList<>();
    SecurityHeadersPolicy headers = SecurityHeadersPolicies.recommendedWithNonce().toBuilder()
        .noStore("/", "/api/*")
        .clearSiteData("/logout")
        .build();
    chain.add(new Mounted(new SecurityHeadersFilter(headers), "/*"));
    chain.add(new Mounted(new HttpsRedirectFilter(HttpsPolicy.builder()
        .allowHosts(options.host())
        .mapPort(httpPort, httpsPort)
        .httpsPort(httpsPort)
        .excludePaths("/health")
        .build(), resolver), "/*"));
    List<String> exactOrigins = new ArrayList<>();
    if (!options.corsOrigins().isEmpty()) {
      chain.add(new Mounted(new CorsFilter(CorsPolicy.builder()
          .allowOrigins(options.corsOrigins())
          .allowMethods("GET", "POST", "PUT")
          .allowHeaders("Content-Type")
          .allowCredentials()
          .build(), resolver), "/api/*"));
      for (String origin : options.corsOrigins()) {
        if (origin.indexOf('*') < 0) {
          exactOrigins.add(origin);
        }
      }
    }
    chain.add(new Mounted(new FetchMetadataFilter(FetchMetadataPolicy.builder()
        .allowOrigins(exactOrigins)
        .build(), resolver), "/*"));
    RateLimitEngine limits = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(RateLimiter.of(loginPolicy(options, "login"), store))
            .paths("/login").methods("POST").chargeOnlyStatuses(401).build())
        .rule(RateLimitRule.builder(RateLimiter.of(RateLimitPolicy.builder().name("api")
                .limit(options.apiLimit().count()).per(options.apiLimit().period())
                .key(ClientKeys.address()).build(), store))
            .paths("/api/*").build())
        .exempt("/health")
        .resolver(resolver)
        .build();
    chain.add(new Mounted(new RateLimitFilter(limits), "/*"));
    return chain;
  }

  static void install(ServletContextHandler context, List<Mounted> chain) {
    for (Mounted mounted : chain) {
      FilterHolder holder = new FilterHolder(mounted.filter());
      holder.setName(mounted.filter().getClass().getSimpleName());
      context.addFilter(holder, mounted.pattern(), EnumSet.of(DispatcherType.REQUEST));
    }
  }
}
