package dev.bulwark.cors;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.HeaderTokens;
import dev.bulwark.http.Origin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which cross-origin requests an application allows. Immutable and thread-safe; build it once
 * at start-up: every dangerous or contradictory combination fails in {@link Builder#build()}
 * with a message naming the setting and the fix, never later as a failed request.
 *
 * <pre>{@code
 * CorsPolicy cors = CorsPolicy.builder()
 *     .allowOrigins("https://app.example.com", "https://*.example.com")
 *     .allowMethods("GET", "POST")
 *     .allowHeaders("Content-Type", "Authorization")
 *     .allowCredentials()
 *     .maxAge(Duration.ofMinutes(10))
 *     .build();
 * }</pre>
 *
 * <p><b>Defaults.</b> No origin is allowed (a policy must name origins, or ask for
 * {@link Builder#allowAnyOrigin()} by name); methods {@code GET, HEAD, POST}; no request
 * headers beyond the CORS-safelisted ones; nothing exposed; no credentials; preflight cached
 * for {@link #DEFAULT_MAX_AGE}; Private Network Access off; a disallowed actual request is
 * passed on without CORS headers (the browser then hides the response).
 *
 * <p><b>Refused combinations.</b> Any origin, or the {@code null} origin, with credentials;
 * any origin with Private Network Access; {@code *} exposed headers with credentials; patterns
 * whose wildcard is not a whole left-most label; origins with a path, query, userinfo or
 * trailing slash.
 */
public final class CorsPolicy {

  /** The default preflight cache time: 10 minutes. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

  /** The longest accepted {@code max-age}: 24 hours (Firefox's cap; Chromium caps at 2). */
  public static final Duration MAX_MAX_AGE = Duration.ofHours(24);

  /** The most header names accepted in one {@code Access-Control-Request-Headers}. */
  public static final int MAX_REQUEST_HEADERS = 64;

  final Map<String, String> exactOrigins;
  final List<OriginPattern> patterns;
  final boolean anyOrigin;
  final boolean nullOrigin;
  final Set<String> methods;
  final String methodsValue;
  final Set<String> headers;
  final boolean anyHeader;
  final @Nullable String headersValue;
  final @Nullable String exposedValue;
  final boolean credentials;
  final Duration maxAge;
  final String maxAgeValue;
  final boolean privateNetwork;
  final boolean rejectDisallowed;

  private CorsPolicy(Builder b, Map<String, String> exactOrigins, List<OriginPattern> patterns) {
    this.exactOrigins = Map.copyOf(exactOrigins);
    this.patterns = List.copyOf(patterns);
    this.anyOrigin = b.anyOrigin;
    this.nullOrigin = b.nullOrigin;
    this.methods = Set.copyOf(b.methods);
    this.methodsValue = String.join(", ", b.methods);
    this.headers = Set.copyOf(lowerCase(b.headers));
    this.anyHeader = b.anyHeader;
    this.headersValue = b.headers.isEmpty() ? null : String.join(", ", b.headers);
    this.exposedValue = b.exposed.isEmpty() ? null : String.join(", ", b.exposed);
    this.credentials = b.credentials;
    this.maxAge = b.maxAge;
    this.maxAgeValue = Long.toString(b.maxAge.toSeconds());
    this.privateNetwork = b.privateNetwork;
    this.rejectDisallowed = b.rejectDisallowed;
  }

  private static Set<String> lowerCase(Collection<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : names) {
      out.add(Ascii.toLowerCase(name));
    }
    return out;
  }

  /**
   * Starts a policy that allows nothing.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether an origin is allowed by the exact list or a pattern (not counting
   * {@code allowAnyOrigin}).
   *
   * @param origin a parsed origin
   * @return true if listed or matched
   */
  public boolean allows(Origin origin) {
    if (exactOrigins.containsKey(origin.serialized())) {
      return true;
    }
    for (OriginPattern pattern : patterns) {
      if (pattern.matches(origin)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether credentialed requests are allowed.
   *
   * @return true if {@code Access-Control-Allow-Credentials: true} is sent
   */
  public boolean allowsCredentials() {
    return credentials;
  }

  /**
   * Whether a disallowed actual (non-preflight) request is rejected with 403 instead of being
   * passed on without CORS headers.
   *
   * @return true when {@link Builder#rejectDisallowedRequests()} was set
   */
  public boolean rejectsDisallowedRequests() {
    return rejectDisallowed;
  }

  /**
   * The preflight cache time.
   *
   * @return the max-age
   */
  public Duration maxAge() {
    return maxAge;
  }

  @Override
  public String toString() {
    List<String> origins = new ArrayList<>(exactOrigins.keySet());
    origins.sort(null);
    patterns.forEach(p -> origins.add(p.toString()));
    return "CorsPolicy[origins=" + (anyOrigin ? "*" : origins) + (nullOrigin ? "+null" : "")
        + ", methods=" + methodsValue + ", headers=" + (anyHeader ? "*" : headers)
        + ", credentials=" + credentials + ", maxAge=" + maxAge.toSeconds() + "s"
        + ", privateNetwork=" + privateNetwork + "]";
  }

  /** Builds a {@link CorsPolicy}. Not thread-safe; {@link #build()} validates everything. */
  public static final class Builder {
    private final List<String> origins = new ArrayList<>();
    private boolean anyOrigin;
    private boolean nullOrigin;
    private final Set<String> methods = new LinkedHashSet<>(List.of("GET", "HEAD", "POST"));
    private boolean methodsSet;
    private final Set<String> headers = new LinkedHashSet<>();
    private boolean anyHeader;
    private final Set<String> exposed = new LinkedHashSet<>();
    private boolean credentials;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private boolean privateNetwork;
    private boolean rejectDisallowed;

    private Builder() {}

    /**
     * Allows exact origins ({@code https://app.example.com}) and label-aware patterns
     * ({@code https://*.example.com} for one label, {@code https://**.example.com} for any
     * depth).
     *
     * @param origins origins and patterns
     * @return this builder
     */
    public Builder allowOrigins(String... origins) {
      return allowOrigins(Arrays.asList(origins));
    }

    /**
     * Allows exact origins and label-aware patterns; see {@link #allowOrigins(String...)}.
     *
     * @param origins origins and patterns
     * @return this builder
     */
    public Builder allowOrigins(Collection<String> origins) {
      for (String origin : origins) {
        this.origins.add(Objects.requireNonNull(origin, "origin"));
      }
      return this;
    }

    /**
     * Allows every origin ({@code Access-Control-Allow-Origin: *}). Only for public,
     * credential-free APIs: refused with credentials or Private Network Access.
     *
     * @return this builder
     */
    public Builder allowAnyOrigin() {
      this.anyOrigin = true;
      return this;
    }

    /**
     * Allows the opaque origin {@code null} (sandboxed iframes, {@code file:} pages,
     * some redirects). Any page can produce it, so it is refused with credentials.
     *
     * @return this builder
     */
    public Builder allowNullOrigin() {
      this.nullOrigin = true;
      return this;
    }

    /**
     * Replaces the allowed methods (default {@code GET, HEAD, POST}). Methods are
     * case-sensitive tokens.
     *
     * @param methods e.g. {@code "GET", "PUT", "DELETE"}
     * @return this builder
     */
    public Builder allowMethods(String... methods) {
      if (!methodsSet) {
        this.methods.clear();
        methodsSet = true;
      }
      for (String method : methods) {
        this.methods.add(Objects.requireNonNull(method, "method"));
      }
      return this;
    }

    /**
     * Allows request headers beyond the CORS-safelisted ones, matched case-insensitively.
     *
     * @param headers e.g. {@code "Authorization", "Content-Type"}
     * @return this builder
     */
    public Builder allowHeaders(String... headers) {
      for (String header : headers) {
        this.headers.add(Objects.requireNonNull(header, "header"));
      }
      return this;
    }

    /**
     * Allows every request header: a preflight is answered by echoing the header names it
     * asked for (never a literal {@code *}, which browsers ignore with credentials and which
     * never covers {@code Authorization}).
     *
     * @return this builder
     */
    public Builder allowAnyHeader() {
      this.anyHeader = true;
      return this;
    }

    /**
     * Lets scripts read these response headers. {@code *} is accepted only without
     * credentials.
     *
     * @param headers header names
     * @return this builder
     */
    public Builder exposeHeaders(String... headers) {
      for (String header : headers) {
        this.exposed.add(Objects.requireNonNull(header, "header"));
      }
      return this;
    }

    /**
     * Allows credentialed requests (cookies, HTTP authentication, client certificates).
     *
     * @return this builder
     */
    public Builder allowCredentials() {
      this.credentials = true;
      return this;
    }

    /**
     * Sets how long browsers may cache a preflight answer (default 10 minutes, at most 24 h).
     *
     * @param maxAge zero (no caching) to 24 hours, whole seconds
     * @return this builder
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
      return this;
    }

    /**
     * Answers Private Network Access preflights
     * ({@code Access-Control-Request-Private-Network: true}) from allowed origins. Refused
     * with {@link #allowAnyOrigin()}.
     *
     * @return this builder
     */
    public Builder allowPrivateNetwork() {
      this.privateNetwork = true;
      return this;
    }

    /**
     * Rejects a disallowed actual request with 403 instead of passing it on without CORS
     * headers. Disallowed preflights are always rejected.
     *
     * @return this builder
     */
    public Builder rejectDisallowedRequests() {
      this.rejectDisallowed = true;
      return this;
    }

    /**
     * Validates every setting and builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException naming the setting and the fix
     */
    public CorsPolicy build() {
      Map<String, String> exact = new LinkedHashMap<>();
      List<OriginPattern> patterns = new ArrayList<>();
      for (String text : origins) {
        String origin = text.strip();
        if (origin.equals("*")) {
          throw new IllegalArgumentException("allowed-origins: '*' is not an origin pattern;"
              + " to allow every origin call allowAnyOrigin() (the setting allowed-origins=*"
              + " does that), or list the origins");
        }
        if (Ascii.equalsIgnoreCase(origin, "null")) {
          throw new IllegalArgumentException("allowed-origins: 'null' is not listed as an"
              + " origin; call allowNullOrigin() if you really need it");
        }
        if (OriginPattern.looksLikePattern(origin)) {
          patterns.add(OriginPattern.parse(origin));
          continue;
        }
        Origin parsed;
        try {
          parsed = Origin.parse(origin);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("allowed-origins: '" + origin + "' is not an"
              + " origin (" + e.getMessage() + ")" + originHint(origin), e);
        }
        exact.put(parsed.serialized(), parsed.serialized());
      }
      if (exact.isEmpty() && patterns.isEmpty() && !anyOrigin && !nullOrigin) {
        throw new IllegalArgumentException("allowed-origins: no origin is allowed; list the"
            + " origins that may call this application (allowOrigins(...) or the init-param"
            + " allowed-origins), or call allowAnyOrigin() for a public API");
      }
      if (anyOrigin && (!exact.isEmpty() || !patterns.isEmpty())) {
        throw new IllegalArgumentException("allowed-origins: allowAnyOrigin() together with"
            + " listed origins is contradictory; keep one of them");
      }
      if (credentials && anyOrigin) {
        throw new IllegalArgumentException("allow-credentials with any origin (allowAnyOrigin()"
            + " or allowed-origins=*) would let every website act with your users' cookies;"
            + " list the allowed origins instead");
      }
      if (credentials && nullOrigin) {
        throw new IllegalArgumentException("allow-credentials with allowNullOrigin(): any"
            + " sandboxed iframe can send Origin: null; drop one of the two");
      }
      if (privateNetwork && anyOrigin) {
        throw new IllegalArgumentException("allow-private-network with any origin"
            + " (allowAnyOrigin() or allowed-origins=*) would let every website reach your"
            + " private network; list the allowed origins");
      }
      for (String method : methods) {
        if (method.equals("*") || !HeaderTokens.isToken(method)) {
          throw new IllegalArgumentException("allowed-methods: '" + method + "' is not an HTTP"
              + " method token; list methods explicitly, e.g. GET, POST, PUT");
        }
      }
      if (methods.isEmpty()) {
        throw new IllegalArgumentException("allowed-methods: empty; list at least one method");
      }
      for (String header : headers) {
        if (header.equals("*")) {
          throw new IllegalArgumentException("allowed-headers: use allowAnyHeader() (init-param"
              + " allowed-headers=*) instead of listing '*'");
        }
        requireToken("allowed-headers", header);
      }
      for (String header : exposed) {
        if (header.equals("*")) {
          if (credentials) {
            throw new IllegalArgumentException("exposed-headers: '*' is ignored by browsers on"
                + " credentialed responses; list the header names to expose");
          }
          continue;
        }
        requireToken("exposed-headers", header);
      }
      if (maxAge.isNegative() || maxAge.compareTo(MAX_MAX_AGE) > 0
          || maxAge.getNano() != 0) {
        throw new IllegalArgumentException("max-age: must be whole seconds from 0 to "
            + MAX_MAX_AGE.toSeconds() + ", got " + maxAge);
      }
      return new CorsPolicy(this, exact, patterns);
    }

    private static void requireToken(String setting, String name) {
      if (!HeaderTokens.isToken(name)) {
        throw new IllegalArgumentException(setting + ": '" + name + "' is not a header name");
      }
    }

    private static String originHint(String origin) {
      int schemeEnd = origin.indexOf("://");
      if (schemeEnd > 0 && origin.indexOf('/', schemeEnd + 3) >= 0) {
        return "; an origin has no path: remove everything from the first '/' after the host,"
            + " including a trailing slash";
      }
      if (origin.indexOf('@') >= 0) {
        return "; an origin has no user name or password";
      }
      return "; write it as scheme://host[:port], e.g. https://app.example.com";
    }
  }
}
