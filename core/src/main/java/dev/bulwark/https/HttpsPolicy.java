package dev.bulwark.https;

import dev.bulwark.http.HostHeader;
import dev.bulwark.http.PathPatterns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How plain-HTTP requests are redirected to HTTPS and which {@code Strict-Transport-Security}
 * header secure responses carry. Immutable and thread-safe; build one at start-up.
 *
 * <p><b>Defaults:</b> status 308 (the method and body are kept, unlike 301/302 which turn a
 * POST into a GET); port 80 maps to 443, any other plain port to {@link Builder#httpsPort(int)}
 * (443 by default); no excluded path; HSTS {@code max-age=31536000; includeSubDomains}.
 *
 * <p><b>Security guarantees.</b> The redirect target's host is always one of
 * {@link Builder#allowHosts(String...)}, taken from this policy, never from the request: a
 * request addressed to another host is answered with 400, so a spoofed {@code Host} cannot turn
 * the redirect into an open redirect. {@code preload} is refused unless {@code max-age} is at
 * least one year and {@code includeSubDomains} is on, the preload list's requirements.
 *
 * <pre>{@code
 * HttpsPolicy https = HttpsPolicy.builder()
 *     .allowHosts("example.com", "www.example.com")
 *     .excludePaths("/healthz", "/.well-known/acme-challenge/*")
 *     .build();
 * }</pre>
 */
public final class HttpsPolicy {

  /** One year, the default and the preload list's minimum {@code max-age}. */
  public static final long ONE_YEAR_SECONDS = 31_536_000L;

  /** The longest {@code max-age} accepted: two years. */
  public static final long MAX_AGE_LIMIT_SECONDS = 2 * ONE_YEAR_SECONDS;

  final Set<String> hosts;
  final Map<Integer, Integer> portMap;
  final int httpsPort;
  final int status;
  final PathPatterns excluded;
  final long maxAgeSeconds;
  final boolean includeSubDomains;
  final boolean preload;
  final boolean hsts;
  final String hstsValue;

  private HttpsPolicy(Builder b, Set<String> hosts, PathPatterns excluded) {
    this.hosts = Set.copyOf(hosts);
    this.portMap = Map.copyOf(b.portMap);
    this.httpsPort = b.httpsPort;
    this.status = b.status;
    this.excluded = excluded;
    this.maxAgeSeconds = b.maxAgeSeconds;
    this.includeSubDomains = b.includeSubDomains;
    this.preload = b.preload;
    this.hsts = b.hsts;
    this.hstsValue = "max-age=" + maxAgeSeconds + (includeSubDomains ? "; includeSubDomains" : "")
        + (preload ? "; preload" : "");
  }

  /**
   * Starts a policy.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The {@code Strict-Transport-Security} value sent on secure responses.
   *
   * @return e.g. {@code max-age=31536000; includeSubDomains}, or null when HSTS is off
   */
  public @org.jspecify.annotations.Nullable String hstsHeaderValue() {
    return hsts ? hstsValue : null;
  }

  /**
   * The redirect status for {@code GET}/{@code HEAD}; other methods always get 308 (or 307)
   * so that their body is kept.
   *
   * @return 301, 307 or 308
   */
  public int status() {
    return status;
  }

  @Override
  public String toString() {
    return "HttpsPolicy[hosts=" + new java.util.TreeSet<>(hosts) + ", status=" + status
        + ", ports=" + new java.util.TreeMap<>(portMap) + ", default https port=" + httpsPort
        + ", excluded=" + excluded + ", hsts=" + (hsts ? hstsValue : "off") + "]";
  }

  /** Builds an {@link HttpsPolicy}; validates in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final List<String> hostTexts = new ArrayList<>();
    private final Map<Integer, Integer> portMap = new LinkedHashMap<>();
    private final List<String> excludeTexts = new ArrayList<>();
    private int httpsPort = 443;
    private int status = 308;
    private long maxAgeSeconds = ONE_YEAR_SECONDS;
    private boolean includeSubDomains = true;
    private boolean preload;
    private boolean hsts = true;

    private Builder() {
      portMap.put(80, 443);
    }

    /**
     * The canonical hosts requests may be redirected to; required. A plain-HTTP request for any
     * other host is refused with 400.
     *
     * @param hosts host names or IP literals without port, e.g. {@code example.com}
     * @return this builder
     */
    public Builder allowHosts(String... hosts) {
      return allowHosts(Arrays.asList(hosts));
    }

    /**
     * The canonical hosts requests may be redirected to; required.
     *
     * @param hosts host names or IP literals without port
     * @return this builder
     */
    public Builder allowHosts(Collection<String> hosts) {
      for (String host : hosts) {
        hostTexts.add(Objects.requireNonNull(host, "host"));
      }
      return this;
    }

    /**
     * The HTTPS port for plain ports not mapped by {@link #mapPort(int, int)}; 443 by default.
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public Builder httpsPort(int port) {
      this.httpsPort = port;
      return this;
    }

    /**
     * Maps a plain-HTTP port to its HTTPS port, e.g. 8080 to 8443. 80 to 443 is implicit.
     *
     * @param httpPort the port the plain request was addressed to
     * @param httpsPortForIt the port to redirect to
     * @return this builder
     */
    public Builder mapPort(int httpPort, int httpsPortForIt) {
      portMap.put(httpPort, httpsPortForIt);
      return this;
    }

    /**
     * The status for redirected {@code GET}/{@code HEAD}: 308 (default), 301 (permanent, the
     * classic choice for GET) or 307 (temporary). Other methods get 308, or 307 when 307 is
     * chosen, so that a POST stays a POST.
     *
     * @param status 301, 307 or 308
     * @return this builder
     */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /**
     * Paths served on plain HTTP without redirect: health checks, ACME HTTP-01 challenges. See
     * {@link PathPatterns} for the pattern syntax and the paths that never match.
     *
     * @param patterns exact paths and {@code /prefix/*} patterns
     * @return this builder
     */
    public Builder excludePaths(String... patterns) {
      return excludePaths(Arrays.asList(patterns));
    }

    /**
     * Paths served on plain HTTP without redirect.
     *
     * @param patterns exact paths and {@code /prefix/*} patterns
     * @return this builder
     */
    public Builder excludePaths(Collection<String> patterns) {
      for (String pattern : patterns) {
        excludeTexts.add(Objects.requireNonNull(pattern, "pattern"));
      }
      return this;
    }

    /**
     * The HSTS {@code max-age}; one year by default.
     *
     * @param maxAge 0 (tells browsers to forget HSTS) to two years, whole seconds
     * @return this builder
     */
    public Builder hstsMaxAge(Duration maxAge) {
      this.maxAgeSeconds = Objects.requireNonNull(maxAge, "maxAge").getSeconds();
      return this;
    }

    /**
     * Whether HSTS covers subdomains ({@code includeSubDomains}); on by default.
     *
     * @param include true to cover subdomains
     * @return this builder
     */
    public Builder hstsIncludeSubDomains(boolean include) {
      this.includeSubDomains = include;
      return this;
    }

    /**
     * Adds {@code preload}: asks to be put on browsers' built-in HSTS lists, which is hard to
     * undo. Requires a {@code max-age} of at least one year and {@code includeSubDomains}.
     *
     * @return this builder
     */
    public Builder hstsPreload() {
      this.preload = true;
      return this;
    }

    /**
     * Sends no {@code Strict-Transport-Security} header (for example when a proxy adds it).
     *
     * @return this builder
     */
    public Builder withoutHsts() {
      this.hsts = false;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the policy
     * @throws IllegalArgumentException naming the bad setting and the fix
     */
    public HttpsPolicy build() {
      if (hostTexts.isEmpty()) {
        throw new IllegalArgumentException("allowed-hosts is required: list the canonical host"
            + " names of the application (e.g. example.com www.example.com); redirects go only"
            + " to these hosts, never to the host a request names");
      }
      Set<String> hosts = new java.util.HashSet<>();
      for (String text : hostTexts) {
        HostHeader host;
        try {
          host = HostHeader.parse(text.strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("allowed-hosts: " + e.getMessage()
              + "; give host names such as example.com, without scheme, port, path or *", e);
        }
        if (host.port() != -1) {
          throw new IllegalArgumentException("allowed-hosts: entries take no port; set the"
              + " target port with https-port or port-map");
        }
        hosts.add(host.host());
      }
      checkPort("https-port", httpsPort);
      for (Map.Entry<Integer, Integer> pair : portMap.entrySet()) {
        checkPort("port-map", pair.getKey());
        checkPort("port-map", pair.getValue());
      }
      if (status != 301 && status != 307 && status != 308) {
        throw new IllegalArgumentException("status must be 308 (default), 301 or 307, got "
            + status + "; 302 and 303 would turn a POST into a GET");
      }
      PathPatterns excluded;
      try {
        excluded = PathPatterns.of(excludeTexts);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("exclude-paths: " + e.getMessage(), e);
      }
      if (maxAgeSeconds < 0 || maxAgeSeconds > MAX_AGE_LIMIT_SECONDS) {
        throw new IllegalArgumentException("hsts-max-age must be 0 to " + MAX_AGE_LIMIT_SECONDS
            + " seconds (two years), got " + maxAgeSeconds);
      }
      if (preload && (!hsts || maxAgeSeconds < ONE_YEAR_SECONDS || !includeSubDomains)) {
        throw new IllegalArgumentException("hsts-preload requires hsts-max-age of at least "
            + ONE_YEAR_SECONDS + " seconds and hsts-include-subdomains=true (the preload"
            + " list's rules); raise the max-age and include subdomains, or drop preload");
      }
      return new HttpsPolicy(this, hosts, excluded);
    }

    private static void checkPort(String setting, int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(setting + ": ports must be 1 to 65535, got " + port);
      }
    }
  }
}
