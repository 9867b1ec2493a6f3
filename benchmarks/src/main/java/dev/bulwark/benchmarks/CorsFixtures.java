package dev.bulwark.benchmarks;

import dev.bulwark.cors.CorsPolicy;
import dev.bulwark.http.Ascii;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The requests and the equivalent policies that the CORS benchmarks give every implementation.
 *
 * <p>Policy: origin {@code https://app.example.com} plus the pattern
 * {@code https://*.example.com} (Tomcat has no patterns: it gets the exact origin only),
 * methods {@code GET, POST, PUT}, headers {@code Content-Type, Authorization}, credentials,
 * max-age 600 s. A disallowed request is answered 403 by all three: Spring and Tomcat always do
 * that, so Bulwark is configured with {@code rejectDisallowedRequests()} instead of its default
 * (pass the request on without CORS headers), which would do less work.
 */
final class CorsFixtures {

  static final String SIMPLE = "simple";
  static final String PREFLIGHT = "preflight";
  static final String REJECTED = "rejected";

  static final String ALLOWED_ORIGIN = "https://app.example.com";
  static final String PATTERN = "https://*.example.com";
  static final String EVIL_ORIGIN = "https://evil.example.net";
  static final String REQUEST_HEADERS = "content-type, authorization";
  static final String ACAO = "Access-Control-Allow-Origin";

  /** The versions in the {@link Peer} labels; checked against the class path at set-up. */
  static final String SPRING_VERSION = "6.2.19";
  static final String TOMCAT_VERSION = "11.0.27";

  private CorsFixtures() {}

  static CorsPolicy bulwarkPolicy() {
    return CorsPolicy.builder()
        .allowOrigins(ALLOWED_ORIGIN, PATTERN)
        .allowMethods("GET", "POST", "PUT")
        .allowHeaders("Content-Type", "Authorization")
        .allowCredentials()
        .maxAge(Duration.ofSeconds(600))
        .rejectDisallowedRequests()
        .build();
  }

  static CorsConfiguration springConfiguration() {
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(List.of(ALLOWED_ORIGIN));
    config.setAllowedOriginPatterns(List.of(PATTERN));
    config.setAllowedMethods(List.of("GET", "POST", "PUT"));
    config.setAllowedHeaders(List.of("Content-Type", "Authorization"));
    config.setAllowCredentials(true);
    config.setMaxAge(600L);
    return config;
  }

  /** Tomcat's init-params; {@code cors.request.decorate} keeps its default (true). */
  static MockFilterConfig tomcatConfig() {
    MockFilterConfig config = new MockFilterConfig("tomcat-cors");
    config.addInitParameter("cors.allowed.origins", ALLOWED_ORIGIN);
    config.addInitParameter("cors.allowed.methods", "GET,POST,PUT");
    config.addInitParameter("cors.allowed.headers", "Content-Type,Authorization");
    config.addInitParameter("cors.support.credentials", "true");
    config.addInitParameter("cors.preflight.maxage", "600");
    return config;
  }

  /** A request of the given kind, addressed to {@code http://localhost:80/api/items}. */
  static MockHttpServletRequest servletRequest(String kind) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRequestURI("/api/items");
    switch (kind) {
      case SIMPLE -> {
        request.setMethod("GET");
        request.addHeader("Origin", ALLOWED_ORIGIN);
      }
      case PREFLIGHT -> {
        request.setMethod("OPTIONS");
        request.addHeader("Origin", ALLOWED_ORIGIN);
        request.addHeader("Access-Control-Request-Method", "PUT");
        request.addHeader("Access-Control-Request-Headers", REQUEST_HEADERS);
      }
      case REJECTED -> {
        request.setMethod("GET");
        request.addHeader("Origin", EVIL_ORIGIN);
      }
      default -> throw new IllegalArgumentException("unknown request kind: " + kind);
    }
    return request;
  }

  /** Throws unless {@code condition}; used by the set-up checks. */
  static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark set-up check failed: " + what);
    }
  }

  /** Whether a comma-separated header value contains {@code token}, ignoring case. */
  static boolean containsToken(@Nullable String value, String token) {
    if (value == null) {
      return false;
    }
    for (String part : value.split(",", -1)) {
      if (Ascii.equalsIgnoreCase(part.strip(), token)) {
        return true;
      }
    }
    return false;
  }

  /** A filter chain that does nothing but count how often the request was passed on. */
  static final class CountingChain implements FilterChain {
    private int calls;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) {
      calls++;
    }

    int calls() {
      return calls;
    }
  }
}
