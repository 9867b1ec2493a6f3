package dev.bulwark.fetchmetadata;

import dev.bulwark.fetchmetadata.FetchMetadataDecision.Basis;
import dev.bulwark.fetchmetadata.FetchMetadataDecision.Reason;
import dev.bulwark.http.Ascii;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.HttpRequestView;
import dev.bulwark.http.Origin;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link FetchMetadataPolicy} to requests.
 *
 * <h2>Algorithm</h2>
 *
 * <ol>
 *   <li>A path on the cross-site allow-list is accepted.
 *   <li>With one {@code Sec-Fetch-Site} header: {@code same-origin} and {@code none} are
 *       accepted, {@code same-site} when the policy allows it. Otherwise ({@code cross-site},
 *       a refused {@code same-site}, or an unknown value, treated as cross-site) the request is
 *       accepted only as a top-level navigation ({@code GET}, {@code Sec-Fetch-Mode: navigate},
 *       {@code Sec-Fetch-Dest} not {@code object}/{@code embed}) or from an allow-listed
 *       {@code Origin}. Several {@code Sec-Fetch-Site} headers are refused.
 *   <li>Without {@code Sec-Fetch-Site} (older browsers, non-browser clients): safe methods
 *       ({@code GET HEAD OPTIONS TRACE}, case-sensitive) are accepted. An unsafe method must
 *       carry an {@code Origin}, else a {@code Referer}, whose origin is the application's own
 *       (scheme, host and port as {@link ClientResolver} resolves them behind trusted proxies) or
 *       allow-listed. {@code Origin: null}, a malformed or repeated value, and (unless the
 *       policy allows it) neither header are refused.
 * </ol>
 *
 * <p>Instances are immutable and thread-safe; decisions are precomputed and shared.
 */
public final class FetchMetadataEngine {

  private static final String[] VARY_FETCH = {"Sec-Fetch-Site", "Sec-Fetch-Mode",
      "Sec-Fetch-Dest"};
  private static final String[] VARY_FETCH_ORIGIN = {"Sec-Fetch-Site", "Sec-Fetch-Mode",
      "Sec-Fetch-Dest", "Origin"};

  private final FetchMetadataPolicy policy;
  private final ClientResolver resolver;
  private final FetchMetadataDecision[] allowed;
  private final FetchMetadataDecision[] allowedVary;
  private final FetchMetadataDecision[] rejected;
  private final FetchMetadataDecision[] rejectedVary;

  private FetchMetadataEngine(FetchMetadataPolicy policy, ClientResolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
    String[] vary = policy.origins.isEmpty() ? VARY_FETCH : VARY_FETCH_ORIGIN;
    Basis[] bases = Basis.values();
    allowed = new FetchMetadataDecision[bases.length];
    allowedVary = new FetchMetadataDecision[bases.length];
    for (Basis basis : bases) {
      allowed[basis.ordinal()] = new FetchMetadataDecision(basis, Reason.NONE, false,
          new String[0]);
      allowedVary[basis.ordinal()] = new FetchMetadataDecision(basis, Reason.NONE, false, vary);
    }
    Reason[] reasons = Reason.values();
    rejected = new FetchMetadataDecision[reasons.length];
    rejectedVary = new FetchMetadataDecision[reasons.length];
    for (Reason reason : reasons) {
      rejected[reason.ordinal()] = new FetchMetadataDecision(Basis.NONE, reason,
          policy.reportOnly, new String[0]);
      rejectedVary[reason.ordinal()] = new FetchMetadataDecision(Basis.NONE, reason,
          policy.reportOnly, vary);
    }
  }

  /**
   * An engine for a policy, judging same-origin sources with {@code resolver}.
   *
   * @param policy the policy
   * @param resolver resolves the application's own scheme, host and port behind proxies
   * @return the engine
   */
  public static FetchMetadataEngine of(FetchMetadataPolicy policy, ClientResolver resolver) {
    return new FetchMetadataEngine(
        Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(resolver, "resolver"));
  }

  /**
   * The policy applied.
   *
   * @return the policy
   */
  public FetchMetadataPolicy policy() {
    return policy;
  }

  /**
   * Decides one request. Never throws because of request content.
   *
   * @param request the request
   * @return the decision
   */
  public FetchMetadataDecision decide(HttpRequestView request) {
    String method = request.method();
    if (!request.ambiguousPath() && policy.crossSitePaths.matches(request.routingPath())) {
      return allowed[Basis.ALLOWED_PATH.ordinal()];
    }
    boolean cacheable = method.equals("GET") || method.equals("HEAD");
    List<String> sites = request.headers("Sec-Fetch-Site");
    if (sites.isEmpty()) {
      return withoutFetchMetadata(request, method, cacheable);
    }
    if (sites.size() > 1) {
      return reject(Reason.MALFORMED_FETCH_METADATA, cacheable);
    }
    Reason refusal;
    switch (Ascii.toLowerCase(sites.get(0).strip())) {
      case "same-origin" -> {
        return allow(Basis.SAME_ORIGIN, cacheable);
      }
      case "none" -> {
        return allow(Basis.USER_INITIATED, cacheable);
      }
      case "same-site" -> {
        if (policy.sameSite) {
          return allow(Basis.SAME_SITE, cacheable);
        }
        refusal = Reason.SAME_SITE;
      }
      default -> refusal = Reason.CROSS_SITE;
    }
    if (method.equals("GET") && isNavigation(request)) {
      return allow(Basis.NAVIGATION, cacheable);
    }
    if (!policy.origins.isEmpty()) {
      List<String> origins = request.headers("Origin");
      if (origins.size() == 1 && isAllowedOrigin(origins.get(0))) {
        return allow(Basis.ALLOWED_ORIGIN, cacheable);
      }
    }
    return reject(refusal, cacheable);
  }

  private FetchMetadataDecision withoutFetchMetadata(
      HttpRequestView request, String method, boolean cacheable) {
    if (cacheable || method.equals("OPTIONS") || method.equals("TRACE")) {
      return allow(Basis.SAFE_METHOD, cacheable);
    }
    List<String> origins = request.headers("Origin");
    Origin source;
    if (!origins.isEmpty()) {
      if (origins.size() > 1) {
        return reject(Reason.MALFORMED_SOURCE, false);
      }
      String text = origins.get(0).strip();
      if (text.equals("null")) {
        return reject(Reason.NULL_ORIGIN, false);
      }
      source = parseOrigin(text);
    } else {
      List<String> referers = request.headers("Referer");
      if (referers.isEmpty()) {
        return policy.allowMissingSource
            ? allow(Basis.NO_SOURCE_ALLOWED, false) : reject(Reason.MISSING_SOURCE, false);
      }
      source = referers.size() > 1 ? null : refererOrigin(referers.get(0).strip());
    }
    if (source == null) {
      return reject(Reason.MALFORMED_SOURCE, false);
    }
    if (source.isSameOriginAs(resolver.resolve(request))) {
      return allow(Basis.SAME_ORIGIN_SOURCE, false);
    }
    if (policy.origins.contains(source)) {
      return allow(Basis.ALLOWED_ORIGIN, false);
    }
    return reject(Reason.CROSS_ORIGIN_SOURCE, false);
  }

  private static boolean isNavigation(HttpRequestView request) {
    List<String> modes = request.headers("Sec-Fetch-Mode");
    if (modes.size() != 1 || !Ascii.equalsIgnoreCase(modes.get(0).strip(), "navigate")) {
      return false;
    }
    List<String> dests = request.headers("Sec-Fetch-Dest");
    if (dests.isEmpty()) {
      return true;
    }
    if (dests.size() > 1) {
      return false;
    }
    String dest = Ascii.toLowerCase(dests.get(0).strip());
    return !dest.equals("object") && !dest.equals("embed");
  }

  private boolean isAllowedOrigin(String text) {
    Origin origin = parseOrigin(text.strip());
    return origin != null && policy.origins.contains(origin);
  }

  private static @Nullable Origin parseOrigin(String text) {
    try {
      return Origin.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The origin of a {@code Referer} URL: everything before the first {@code /}, {@code ?} or
   * {@code #} after {@code scheme://}, parsed as an {@link Origin}.
   *
   * @param referer the header value
   * @return the origin, or null when the value is not an absolute URL with a valid origin
   */
  static @Nullable Origin refererOrigin(String referer) {
    int schemeEnd = referer.indexOf("://");
    if (schemeEnd <= 0) {
      return null;
    }
    int end = referer.length();
    for (int i = schemeEnd + 3; i < referer.length(); i++) {
      char c = referer.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    return parseOrigin(referer.substring(0, end));
  }

  private FetchMetadataDecision allow(Basis basis, boolean vary) {
    return (vary ? allowedVary : allowed)[basis.ordinal()];
  }

  private FetchMetadataDecision reject(Reason reason, boolean vary) {
    return (vary ? rejectedVary : rejected)[reason.ordinal()];
  }

  @Override
  public String toString() {
    return "FetchMetadataEngine[" + policy + ", " + resolver + "]";
  }
}
