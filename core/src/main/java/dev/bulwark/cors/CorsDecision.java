package dev.bulwark.cors;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.HeaderTokens;
import dev.bulwark.http.HttpResponseHeaders;
import org.jspecify.annotations.Nullable;

/**
 * What {@link CorsEngine} decided for one request, and the headers that go with it. An adapter
 * calls {@link #writeHeaders(HttpResponseHeaders)}, then either answers with {@link #status()}
 * (when {@link #answersRequest()}) or passes the request on. Immutable and thread-safe;
 * instances without per-request data are shared.
 */
public final class CorsDecision {

  /** The outcome. */
  public enum Kind {
    /** No {@code Origin} header: CORS does not apply. */
    NOT_CORS,
    /** The {@code Origin} is the application's own (after proxy resolution). */
    SAME_ORIGIN,
    /** An allowed cross-origin actual request. */
    ALLOWED,
    /** An allowed preflight, answered here with 204. */
    PREFLIGHT_ALLOWED,
    /** A rejected request or preflight; see {@link #reason()}. */
    REJECTED
  }

  /** Why a request was rejected. */
  public enum Reason {
    /** Not rejected. */
    NONE,
    /** The {@code Origin} value is not a serialized origin. */
    MALFORMED_ORIGIN,
    /** Several {@code Origin} headers, or several origins in one. */
    MULTIPLE_ORIGINS,
    /** The origin is not allowed by the policy. */
    ORIGIN_NOT_ALLOWED,
    /** The preflight asked for a method the policy does not allow. */
    METHOD_NOT_ALLOWED,
    /** The preflight asked for a header the policy does not allow. */
    HEADERS_NOT_ALLOWED,
    /** The preflight's request-method or request-headers are malformed or too many. */
    MALFORMED_PREFLIGHT,
    /** The preflight asked for Private Network Access, which the policy does not allow. */
    PRIVATE_NETWORK_NOT_ALLOWED
  }

  static final String VARY = "Vary";
  static final String[] VARY_ACTUAL = {"Origin"};
  static final String[] VARY_PREFLIGHT =
      {"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"};
  static final String[] VARY_PREFLIGHT_PNA = {"Origin", "Access-Control-Request-Method",
      "Access-Control-Request-Headers", "Access-Control-Request-Private-Network"};

  private static final String VARY_ACTUAL_VALUE = String.join(", ", VARY_ACTUAL);
  private static final String VARY_PREFLIGHT_VALUE = String.join(", ", VARY_PREFLIGHT);
  private static final String VARY_PREFLIGHT_PNA_VALUE = String.join(", ", VARY_PREFLIGHT_PNA);

  private final Kind kind;
  private final Reason reason;
  private final boolean preflight;
  private final CorsPolicy policy;
  private final @Nullable String allowOrigin;
  private final @Nullable String allowHeaders;
  private final boolean allowPrivateNetwork;
  private final String description;

  CorsDecision(Kind kind, Reason reason, boolean preflight, CorsPolicy policy,
      @Nullable String allowOrigin, @Nullable String allowHeaders, boolean allowPrivateNetwork) {
    this.kind = kind;
    this.reason = reason;
    this.preflight = preflight;
    this.policy = policy;
    this.allowOrigin = allowOrigin;
    this.allowHeaders = allowHeaders;
    this.allowPrivateNetwork = allowPrivateNetwork;
    this.description = (preflight ? "CORS preflight " : "CORS request ")
        + (kind == Kind.REJECTED ? "rejected: " + reason : Ascii.toLowerCase(kind.name()));
  }

  /**
   * The outcome.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Why the request was rejected.
   *
   * @return the reason, {@link Reason#NONE} unless {@link Kind#REJECTED}
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Whether the request was a CORS preflight ({@code OPTIONS} with {@code Origin} and
   * {@code Access-Control-Request-Method}).
   *
   * @return true for a preflight
   */
  public boolean isPreflight() {
    return preflight;
  }

  /**
   * Whether the adapter must answer now with {@link #status()} instead of passing the request
   * on: allowed preflights (204), rejected preflights (403), and rejected actual requests when
   * the policy rejects them.
   *
   * @return true to answer here
   */
  public boolean answersRequest() {
    if (kind == Kind.PREFLIGHT_ALLOWED) {
      return true;
    }
    return kind == Kind.REJECTED && (preflight || policy.rejectDisallowed);
  }

  /**
   * The status to answer with when {@link #answersRequest()}.
   *
   * @return 204 for an allowed preflight, 403 for a rejection, 0 when the request is passed on
   */
  public int status() {
    if (!answersRequest()) {
      return 0;
    }
    return kind == Kind.PREFLIGHT_ALLOWED ? 204 : 403;
  }

  /**
   * The value of {@code Access-Control-Allow-Origin}.
   *
   * @return the origin, {@code *} or {@code null} (the literal), or Java null when none is sent
   */
  public @Nullable String allowOrigin() {
    return allowOrigin;
  }

  /**
   * Writes the CORS response headers: {@code Vary} always (merged with what is already set,
   * never duplicated), and the {@code Access-Control-Allow-*} headers for allowed requests.
   *
   * @param headers the response's header sink
   */
  public void writeHeaders(HttpResponseHeaders headers) {
    if (!preflight) {
      HeaderTokens.mergePrejoined(headers, VARY, VARY_ACTUAL_VALUE, VARY_ACTUAL);
    } else if (policy.privateNetwork) {
      HeaderTokens.mergePrejoined(headers, VARY, VARY_PREFLIGHT_PNA_VALUE, VARY_PREFLIGHT_PNA);
    } else {
      HeaderTokens.mergePrejoined(headers, VARY, VARY_PREFLIGHT_VALUE, VARY_PREFLIGHT);
    }
    if (allowOrigin == null) {
      return;
    }
    headers.set("Access-Control-Allow-Origin", allowOrigin);
    if (policy.credentials) {
      headers.set("Access-Control-Allow-Credentials", "true");
    }
    if (kind == Kind.ALLOWED) {
      if (policy.exposedValue != null) {
        headers.set("Access-Control-Expose-Headers", policy.exposedValue);
      }
      return;
    }
    headers.set("Access-Control-Allow-Methods", policy.methodsValue);
    if (allowHeaders != null) {
      headers.set("Access-Control-Allow-Headers", allowHeaders);
    }
    headers.set("Access-Control-Max-Age", policy.maxAgeValue);
    if (allowPrivateNetwork) {
      headers.set("Access-Control-Allow-Private-Network", "true");
    }
  }

  /**
   * A short description for logs and problem bodies; contains no request data.
   *
   * @return e.g. {@code "CORS preflight rejected: METHOD_NOT_ALLOWED"}
   */
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return "CorsDecision[" + kind + (reason == Reason.NONE ? "" : ", " + reason)
        + (preflight ? ", preflight" : "") + (allowOrigin == null ? "" : ", " + allowOrigin)
        + "]";
  }
}
