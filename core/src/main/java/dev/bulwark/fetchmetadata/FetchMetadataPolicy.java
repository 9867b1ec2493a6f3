package dev.bulwark.fetchmetadata;

import dev.bulwark.http.Origin;
import dev.bulwark.http.PathPatterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which cross-site requests an application accepts: Google's resource isolation policy over
 * Fetch Metadata, and the OWASP {@code Origin}/{@code Referer} check for browsers that send no
 * Fetch Metadata. Immutable and thread-safe; build one at start-up.
 *
 * <p><b>Defaults (deny by default):</b> accepted are requests without {@code Sec-Fetch-Site}
 * using a safe method, {@code same-origin} and {@code none} (the user typed the URL or used a
 * bookmark), and top-level {@code GET} navigations not destined for {@code object} or
 * {@code embed}. Refused with 403: {@code cross-site} and {@code same-site} requests (a sibling
 * subdomain may host user content; opt in with {@link Builder#allowSameSite()}), and, without
 * Fetch Metadata, unsafe methods whose {@code Origin} (else {@code Referer}) is not the
 * application's own origin, is {@code null}, or is missing altogether (opt out with
 * {@link Builder#allowRequestsWithoutOriginOrReferer()} when non-browser clients post to you).
 *
 * <pre>{@code
 * FetchMetadataPolicy csrf = FetchMetadataPolicy.builder()
 *     .allowCrossSitePaths("/webhooks/*", "/oauth/callback")
 *     .allowOrigins("https://partner.example.net")
 *     .build();
 * }</pre>
 */
public final class FetchMetadataPolicy {

  final boolean sameSite;
  final PathPatterns crossSitePaths;
  final Set<Origin> origins;
  final boolean reportOnly;
  final boolean allowMissingSource;

  private FetchMetadataPolicy(Builder b, PathPatterns paths, Set<Origin> origins) {
    this.sameSite = b.sameSite;
    this.crossSitePaths = paths;
    this.origins = Set.copyOf(origins);
    this.reportOnly = b.reportOnly;
    this.allowMissingSource = b.allowMissingSource;
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
   * Whether rejections are only reported (logged) and the request passes on.
   *
   * @return true in report-only mode
   */
  public boolean reportOnly() {
    return reportOnly;
  }

  @Override
  public String toString() {
    TreeSet<String> names = new TreeSet<>();
    origins.forEach(o -> names.add(o.serialized()));
    return "FetchMetadataPolicy[sameSite=" + sameSite + ", paths=" + crossSitePaths
        + ", origins=" + names + ", missingSource=" + (allowMissingSource ? "allowed" : "rejected")
        + (reportOnly ? ", report-only" : "") + "]";
  }

  /** Builds a {@link FetchMetadataPolicy}; validates in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private boolean sameSite;
    private final List<String> paths = new ArrayList<>();
    private final List<String> originTexts = new ArrayList<>();
    private boolean reportOnly;
    private boolean allowMissingSource;

    private Builder() {}

    /**
     * Accepts {@code Sec-Fetch-Site: same-site} (requests from sibling subdomains of the same
     * registrable domain). Off by default: only do this when every subdomain is yours.
     *
     * @return this builder
     */
    public Builder allowSameSite() {
      this.sameSite = true;
      return this;
    }

    /**
     * Paths that accept cross-site requests of any kind: webhooks, OAuth/SAML callbacks that
     * arrive as cross-site POSTs. See {@link PathPatterns} for the syntax and the paths that
     * never match.
     *
     * @param patterns exact paths and {@code /prefix/*} patterns
     * @return this builder
     */
    public Builder allowCrossSitePaths(String... patterns) {
      return allowCrossSitePaths(Arrays.asList(patterns));
    }

    /**
     * Paths that accept cross-site requests of any kind.
     *
     * @param patterns exact paths and {@code /prefix/*} patterns
     * @return this builder
     */
    public Builder allowCrossSitePaths(Collection<String> patterns) {
      for (String pattern : patterns) {
        paths.add(Objects.requireNonNull(pattern, "pattern"));
      }
      return this;
    }

    /**
     * Origins whose requests are accepted although they are cross-site: matched against the
     * {@code Origin} header (and, without Fetch Metadata, the {@code Referer}'s origin).
     *
     * @param origins exact serialized origins such as {@code https://partner.example.net}
     * @return this builder
     */
    public Builder allowOrigins(String... origins) {
      return allowOrigins(Arrays.asList(origins));
    }

    /**
     * Origins whose requests are accepted although they are cross-site.
     *
     * @param origins exact serialized origins
     * @return this builder
     */
    public Builder allowOrigins(Collection<String> origins) {
      for (String origin : origins) {
        originTexts.add(Objects.requireNonNull(origin, "origin"));
      }
      return this;
    }

    /**
     * Reports rejections (the adapter logs them) but lets the requests pass: for rolling the
     * policy out and watching what it would block.
     *
     * @return this builder
     */
    public Builder reportOnly() {
      this.reportOnly = true;
      return this;
    }

    /**
     * Accepts unsafe requests that carry neither Fetch Metadata, {@code Origin} nor
     * {@code Referer}. Browsers send at least one of them on a cross-site POST (unless a
     * {@code Referrer-Policy} of {@code no-referrer} and an old browser meet), so this is for
     * applications that also serve non-browser clients such as scripts and mobile apps.
     *
     * @return this builder
     */
    public Builder allowRequestsWithoutOriginOrReferer() {
      this.allowMissingSource = true;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the policy
     * @throws IllegalArgumentException naming the bad setting and the fix
     */
    public FetchMetadataPolicy build() {
      PathPatterns parsedPaths;
      try {
        parsedPaths = PathPatterns.of(paths);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("allowed-paths: " + e.getMessage(), e);
      }
      Set<Origin> parsed = new java.util.HashSet<>();
      for (String text : originTexts) {
        String origin = text.strip();
        if (origin.equals("*") || origin.equals("null")) {
          throw new IllegalArgumentException("allowed-origins: '" + origin + "' would accept"
              + " forged requests; list exact origins such as https://partner.example.net");
        }
        try {
          parsed.add(Origin.parse(origin));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("allowed-origins: " + e.getMessage()
              + "; give exact origins such as https://partner.example.net (no path, no"
              + " trailing slash)", e);
        }
      }
      return new FetchMetadataPolicy(this, parsedPaths, parsed);
    }
  }
}
