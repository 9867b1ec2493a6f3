package dev.bulwark.headers;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.HeaderTokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The security headers every response carries, and the per-path profiles. Immutable and
 * thread-safe; built by {@link #builder()} or started from a preset in
 * {@link SecurityHeadersPolicies}. Every value is validated and rendered in
 * {@link Builder#build()}; an invalid setting fails there with a message naming it.
 *
 * <p>Bulwark never replaces a header that is already present when it writes (set by the
 * container or an earlier filter) unless the header is named in {@link Builder#overwrite}, and
 * an application that sets a header later simply replaces Bulwark's value. HSTS is not part of
 * the presets: {@code HttpsRedirectFilter} owns it.
 */
public final class SecurityHeadersPolicy {

  private static final Set<String> CLEAR_SITE_DATA_TYPES = Set.of(
      "cache", "cookies", "storage", "executionContexts", "clientHints", "prefetchCache",
      "prerenderCache", "*");

  private static final Set<String> OWNED_ELSEWHERE = Set.of(
      "content-security-policy", "content-security-policy-report-only", "reporting-endpoints",
      "cache-control", "clear-site-data");

  private final Map<String, String> headers;
  private final @Nullable ContentSecurityPolicy csp;
  private final Map<String, String> reportingEndpoints;
  private final Set<String> overwrite;
  private final Set<String> removed;
  private final String[] removedNames;
  private final List<String> removedList;
  private final List<PathPattern> noStore;
  private final Map<PathPattern, String> clearSiteData;

  private SecurityHeadersPolicy(Builder b, Map<String, String> rendered) {
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(rendered));
    this.csp = b.csp;
    this.reportingEndpoints = Collections.unmodifiableMap(new LinkedHashMap<>(b.endpoints));
    this.overwrite = Set.copyOf(b.overwrite);
    this.removed = Collections.unmodifiableSet(new LinkedHashSet<>(b.removed));
    this.removedNames = removed.toArray(String[]::new);
    this.removedList = List.of(removedNames);
    this.noStore = List.copyOf(b.noStore);
    this.clearSiteData = Collections.unmodifiableMap(new LinkedHashMap<>(b.clearSiteData));
  }

  /**
   * A new, empty builder: a policy built from it sends no header at all. Most applications
   * start from {@link SecurityHeadersPolicies#recommended()} instead.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this policy's settings, to derive a policy from a preset.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    headers.forEach((name, value) -> {
      if (!Ascii.equalsIgnoreCase(name, "Reporting-Endpoints")) {
        b.headers.put(Ascii.toLowerCase(name), new String[] {name, value});
      }
    });
    b.csp = csp;
    b.endpoints.putAll(reportingEndpoints);
    b.overwrite.addAll(overwrite);
    b.removed.addAll(removed);
    b.noStore.addAll(noStore);
    b.clearSiteData.putAll(clearSiteData);
    return b;
  }

  /**
   * Every header sent on every response, rendered, in order ({@code Reporting-Endpoints}
   * included); the Content Security Policy is separate because of its nonce.
   *
   * @return header name to value
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The Content Security Policy.
   *
   * @return the policy, or null when none is sent
   */
  public @Nullable ContentSecurityPolicy contentSecurityPolicy() {
    return csp;
  }

  /**
   * Whether a header already present when Bulwark writes is replaced.
   *
   * @param name a header name, case-insensitive
   * @return true when the policy overwrites it
   */
  public boolean overwrites(String name) {
    return overwrite.contains(Ascii.toLowerCase(name));
  }

  /**
   * Whether the application may not set this header at all (e.g. {@code X-Powered-By}).
   *
   * @param name a header name, case-insensitive
   * @return true when the adapter must drop it
   */
  public boolean suppresses(String name) {
    for (String removedName : removedNames) {   // a few names: no lower-casing, no allocation
      if (Ascii.equalsIgnoreCase(removedName, name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The headers the application may not set, which an adapter also strips when the container
   * set them (e.g. Tomcat's {@code xpoweredBy}).
   *
   * @return lower-case header names, in the order they were named
   */
  public List<String> strippedHeaders() {
    return removedList;
  }

  List<PathPattern> noStorePaths() {
    return noStore;
  }

  Map<PathPattern, String> clearSiteDataPaths() {
    return clearSiteData;
  }

  @Override
  public String toString() {
    return "SecurityHeadersPolicy[headers=" + headers.keySet() + ", csp="
        + (csp == null ? "none" : csp.template()) + ", noStore=" + noStore.size()
        + " paths, clearSiteData=" + clearSiteData.size() + " paths]";
  }

  /** Collects settings; validates everything in {@link #build()}. Not thread-safe. */
  public static final class Builder {

    private final Map<String, String[]> headers = new LinkedHashMap<>();
    private @Nullable ContentSecurityPolicy csp;
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    private final Set<String> overwrite = new LinkedHashSet<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private final List<PathPattern> noStore = new ArrayList<>();
    private final Map<PathPattern, String> clearSiteData = new LinkedHashMap<>();
    private final List<String> pending = new ArrayList<>();

    private Builder() {}

    /**
     * Sends a header on every response, replacing any value this builder had for it.
     *
     * @param name an RFC 9110 token, e.g. {@code Referrer-Policy}
     * @param value visible ASCII, spaces and tabs
     * @return this builder
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      headers.put(Ascii.toLowerCase(name), new String[] {name, value});
      return this;
    }

    /**
     * Stops sending a header of the preset.
     *
     * @param name the header name, case-insensitive
     * @return this builder
     */
    public Builder withoutHeader(String name) {
      headers.remove(Ascii.toLowerCase(Objects.requireNonNull(name, "name")));
      return this;
    }

    /**
     * Sends this Content Security Policy (or its report-only form).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder contentSecurityPolicy(ContentSecurityPolicy policy) {
      csp = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sends no Content Security Policy.
     *
     * @return this builder
     */
    public Builder withoutContentSecurityPolicy() {
      csp = null;
      return this;
    }

    /**
     * Opts in to {@code Cross-Origin-Embedder-Policy}; with COOP {@code same-origin} this makes
     * the page cross-origin isolated, and breaks every cross-origin subresource that does not
     * opt in with CORP or CORS.
     *
     * @param value {@code require-corp} or {@code credentialless}
     * @return this builder
     */
    public Builder crossOriginEmbedderPolicy(String value) {
      if (!value.equals("require-corp") && !value.equals("credentialless")) {
        pending.add("Cross-Origin-Embedder-Policy: '" + value
            + "' is not require-corp or credentialless");
      }
      return header("Cross-Origin-Embedder-Policy", value);
    }

    /**
     * Declares a reporting endpoint, sent in {@code Reporting-Endpoints}, for CSP
     * {@code report-to} and other reports.
     *
     * @param name the endpoint name, an RFC 9110 token
     * @param url an {@code https://} URL or an absolute path
     * @return this builder
     */
    public Builder reportingEndpoint(String name, String url) {
      endpoints.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(url, "url"));
      return this;
    }

    /**
     * Replaces these headers even when they are already present when Bulwark writes.
     *
     * @param names header names, case-insensitive
     * @return this builder
     */
    public Builder overwrite(String... names) {
      for (String name : names) {
        overwrite.add(Ascii.toLowerCase(Objects.requireNonNull(name, "name")));
      }
      return this;
    }

    /**
     * Drops these headers whenever the application sets them, e.g. {@code X-Powered-By}.
     *
     * @param names header names, case-insensitive
     * @return this builder
     */
    public Builder remove(String... names) {
      for (String name : names) {
        removed.add(Ascii.toLowerCase(Objects.requireNonNull(name, "name")));
      }
      return this;
    }

    /**
     * Sends {@code Cache-Control: no-store} on these paths, so that no cache keeps their
     * responses.
     *
     * @param paths {@code /exact}, {@code /prefix/*} or {@code /*}
     * @return this builder
     */
    public Builder noStore(String... paths) {
      for (String path : paths) {
        noStore.add(PathPattern.parse("noStore", Objects.requireNonNull(path, "path")));
      }
      return this;
    }

    /**
     * Sends {@code Clear-Site-Data} on a path, typically the logout path.
     *
     * @param path {@code /exact} or {@code /prefix/*}
     * @param types e.g. {@code cache}, {@code cookies}, {@code storage}; none means
     *     {@code "cache", "cookies", "storage"}
     * @return this builder
     */
    public Builder clearSiteData(String path, String... types) {
      List<String> list = types.length == 0 ? List.of("cache", "cookies", "storage")
          : List.of(types);
      StringBuilder value = new StringBuilder();
      for (String type : new LinkedHashSet<>(list)) {
        if (!CLEAR_SITE_DATA_TYPES.contains(type)) {
          pending.add("clearSiteData: unknown type '" + type + "'; known types are "
              + new java.util.TreeSet<>(CLEAR_SITE_DATA_TYPES));
        }
        value.append(value.length() == 0 ? "" : ", ").append('"').append(type).append('"');
      }
      clearSiteData.put(PathPattern.parse("clearSiteData", Objects.requireNonNull(path, "path")),
          value.toString());
      return this;
    }

    /**
     * Validates and renders the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException naming the setting and the fix
     */
    public SecurityHeadersPolicy build() {
      if (!pending.isEmpty()) {
        throw new IllegalArgumentException(pending.get(0));
      }
      Map<String, String> rendered = new LinkedHashMap<>();
      for (String[] header : headers.values()) {
        checkHeader(header[0], header[1]);
        rendered.put(header[0], header[1]);
      }
      if (!endpoints.isEmpty()) {
        rendered.put("Reporting-Endpoints", renderEndpoints());
      }
      if (csp != null && !csp.reportTo().isEmpty() && !endpoints.containsKey(csp.reportTo())) {
        throw new IllegalArgumentException("Content-Security-Policy: report-to '"
            + csp.reportTo() + "' names no endpoint; declare it with reportingEndpoint(\""
            + csp.reportTo() + "\", url)");
      }
      for (String name : overwrite) {
        checkName("overwrite", name);
      }
      for (String name : removed) {
        checkName("remove", name);
        if (headers.containsKey(name)) {
          throw new IllegalArgumentException("remove: " + name
              + " is also sent by this policy; drop one of the two");
        }
      }
      return new SecurityHeadersPolicy(this, rendered);
    }

    private String renderEndpoints() {
      StringBuilder value = new StringBuilder();
      for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
        String name = endpoint.getKey();
        String url = endpoint.getValue();
        if (!HeaderTokens.isToken(name)) {
          throw new IllegalArgumentException("reportingEndpoint: name '" + name
              + "' must be a token (letters, digits, '-', '_')");
        }
        boolean shape = url.startsWith("https://") && url.length() > 8
            || url.startsWith("/") && !url.startsWith("//");
        if (!shape || !isVisible(url) || url.indexOf('"') >= 0 || url.indexOf('\\') >= 0
            || url.indexOf(' ') >= 0) {
          throw new IllegalArgumentException("reportingEndpoint: '" + name + "' URL must be"
              + " https://... or an absolute path, visible ASCII without spaces or quotes");
        }
        value.append(value.length() == 0 ? "" : ", ")
            .append(name).append("=\"").append(url).append('"');
      }
      return value.toString();
    }

    private static void checkHeader(String name, String value) {
      checkName("header", name);
      if (OWNED_ELSEWHERE.contains(Ascii.toLowerCase(name))) {
        throw new IllegalArgumentException("header: " + name + " has its own setting; use"
            + " contentSecurityPolicy(...), reportingEndpoint(...), noStore(...) or"
            + " clearSiteData(...)");
      }
      if (value.isEmpty() || !isVisible(value) || value.strip().length() != value.length()) {
        throw new IllegalArgumentException("header: the value of " + name
            + " must be non-empty visible ASCII (spaces and tabs inside only)");
      }
    }

    private static void checkName(String setting, String name) {
      if (!HeaderTokens.isToken(name)) {
        throw new IllegalArgumentException(setting + ": '" + name
            + "' is not a header name (an RFC 9110 token)");
      }
    }

    private static boolean isVisible(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < 0x20 && c != '\t') || c >= 0x7f) {
          return false;
        }
      }
      return true;
    }
  }
}
