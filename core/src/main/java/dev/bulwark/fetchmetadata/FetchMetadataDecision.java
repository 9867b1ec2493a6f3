package dev.bulwark.fetchmetadata;

import dev.bulwark.http.HeaderTokens;
import dev.bulwark.http.HttpResponseHeaders;
import java.util.Objects;

/**
 * What {@link FetchMetadataEngine} decided for one request. An adapter calls
 * {@link #writeHeaders(HttpResponseHeaders)}, then answers 403 when {@link #answersRequest()},
 * reports (logs) when {@link #isReported()}, and otherwise passes the request on. Immutable,
 * thread-safe, and shared: a decision carries no request data.
 */
public final class FetchMetadataDecision {

  /** The outcome. */
  public enum Kind {
    /** The request is accepted; see {@link #basis()}. */
    ALLOWED,
    /** The request is refused (or, in report-only mode, reported); see {@link #reason()}. */
    REJECTED
  }

  /** Why a request was accepted. */
  public enum Basis {
    /** Rejected: no basis. */
    NONE,
    /** {@code Sec-Fetch-Site: same-origin}. */
    SAME_ORIGIN,
    /** {@code Sec-Fetch-Site: same-site}, allowed by the policy. */
    SAME_SITE,
    /** {@code Sec-Fetch-Site: none}: a user-initiated navigation (address bar, bookmark). */
    USER_INITIATED,
    /** A top-level {@code GET} navigation, not into {@code object} or {@code embed}. */
    NAVIGATION,
    /** The path is on the cross-site allow-list. */
    ALLOWED_PATH,
    /** The {@code Origin} (or {@code Referer}'s origin) is on the allow-list. */
    ALLOWED_ORIGIN,
    /** No Fetch Metadata and a safe method (GET, HEAD, OPTIONS, TRACE). */
    SAFE_METHOD,
    /** No Fetch Metadata; the {@code Origin} or {@code Referer} is the application's own. */
    SAME_ORIGIN_SOURCE,
    /** No Fetch Metadata, no {@code Origin}, no {@code Referer}, and the policy accepts it. */
    NO_SOURCE_ALLOWED
  }

  /** Why a request was rejected. */
  public enum Reason {
    /** Not rejected. */
    NONE,
    /** {@code Sec-Fetch-Site: cross-site} (or an unknown value) outside the allow-lists. */
    CROSS_SITE,
    /** {@code Sec-Fetch-Site: same-site}, which the policy does not accept. */
    SAME_SITE,
    /** Several {@code Sec-Fetch-Site} headers. */
    MALFORMED_FETCH_METADATA,
    /** No Fetch Metadata; the {@code Origin} or {@code Referer} names another origin. */
    CROSS_ORIGIN_SOURCE,
    /** No Fetch Metadata; {@code Origin: null} (a sandboxed or privacy-sensitive context). */
    NULL_ORIGIN,
    /** No Fetch Metadata; the {@code Origin} or {@code Referer} is malformed or repeated. */
    MALFORMED_SOURCE,
    /** No Fetch Metadata, no {@code Origin} and no {@code Referer} on an unsafe method. */
    MISSING_SOURCE
  }

  private final Kind kind;
  private final Basis basis;
  private final Reason reason;
  private final boolean reportOnly;
  private final String[] vary;
  private final String varyValue;

  FetchMetadataDecision(Basis basis, Reason reason, boolean reportOnly, String[] vary) {
    this.kind = reason == Reason.NONE ? Kind.ALLOWED : Kind.REJECTED;
    this.basis = basis;
    this.reason = reason;
    this.reportOnly = reportOnly;
    this.vary = vary.clone();
    this.varyValue = String.join(", ", vary);
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
   * Why the request was accepted.
   *
   * @return the basis, {@link Basis#NONE} when rejected
   */
  public Basis basis() {
    return basis;
  }

  /**
   * Why the request was rejected.
   *
   * @return the reason, {@link Reason#NONE} when accepted
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Whether the adapter answers now with 403 and a problem body.
   *
   * @return true for a rejection outside report-only mode
   */
  public boolean answersRequest() {
    return kind == Kind.REJECTED && !reportOnly;
  }

  /**
   * Whether the adapter should report this decision (log it) and pass the request on.
   *
   * @return true for a rejection in report-only mode
   */
  public boolean isReported() {
    return kind == Kind.REJECTED && reportOnly;
  }

  /**
   * The status to answer with.
   *
   * @return 403 when {@link #answersRequest()}, else 0
   */
  public int status() {
    return answersRequest() ? 403 : 0;
  }

  /**
   * Merges {@code Vary} for cacheable requests whose outcome depended on Fetch Metadata
   * ({@code Sec-Fetch-Site}, {@code -Mode}, {@code -Dest}, and {@code Origin} when origins
   * are allow-listed), so a shared cache never serves one site's answer to another.
   *
   * @param headers the response's header sink
   */
  public void writeHeaders(HttpResponseHeaders headers) {
    Objects.requireNonNull(headers, "headers");
    if (vary.length > 0) {
      HeaderTokens.mergePrejoined(headers, "Vary", varyValue, vary);
    }
  }

  /**
   * A short description for logs and problem bodies; contains no request data.
   *
   * @return e.g. {@code "Fetch Metadata rejected: CROSS_SITE"}
   */
  public String describe() {
    return kind == Kind.REJECTED ? "Fetch Metadata rejected: " + reason
        : "Fetch Metadata allowed: " + basis;
  }

  @Override
  public String toString() {
    return "FetchMetadataDecision[" + (kind == Kind.REJECTED ? reason : basis)
        + (reportOnly && kind == Kind.REJECTED ? ", report-only" : "")
        + (vary.length > 0 ? ", vary" : "") + "]";
  }
}
