package dev.bulwark.https;

import dev.bulwark.http.HttpResponseHeaders;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HttpsEngine} decided for one request. An adapter calls
 * {@link #writeHeaders(HttpResponseHeaders)}, then answers with {@link #status()} when
 * {@link #answersRequest()} (a redirect, or 400 with a problem body), or passes the request on.
 * Immutable and thread-safe; decisions without per-request data are shared.
 */
public final class RedirectDecision {

  /** The outcome. */
  public enum Kind {
    /** The client used HTTPS (after proxy resolution): pass on, with HSTS. */
    SECURE,
    /** A plain-HTTP request on an excluded path: pass on, without HSTS. */
    EXCLUDED,
    /** A plain-HTTP request redirected to HTTPS; see {@link #location()}. */
    REDIRECT,
    /** A plain-HTTP request refused with 400; see {@link #reason()}. */
    REJECTED
  }

  /** Why a request was rejected. */
  public enum Reason {
    /** Not rejected. */
    NONE,
    /** The request named a host that is not one of the policy's canonical hosts. */
    HOST_NOT_ALLOWED,
    /** The {@code Host} header is malformed, or there are several. */
    MALFORMED_HOST,
    /** The path does not start with {@code /}, or path and query are too long. */
    MALFORMED_TARGET
  }

  private final Kind kind;
  private final Reason reason;
  private final int status;
  private final @Nullable String location;
  private final @Nullable String hsts;

  RedirectDecision(Kind kind, Reason reason, int status, @Nullable String location,
      @Nullable String hsts) {
    this.kind = kind;
    this.reason = reason;
    this.status = status;
    this.location = location;
    this.hsts = hsts;
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
   * Whether the adapter answers now with {@link #status()} instead of passing the request on.
   *
   * @return true for {@link Kind#REDIRECT} and {@link Kind#REJECTED}
   */
  public boolean answersRequest() {
    return kind == Kind.REDIRECT || kind == Kind.REJECTED;
  }

  /**
   * The status to answer with.
   *
   * @return 301, 307 or 308 for a redirect, 400 for a rejection, 0 when passed on
   */
  public int status() {
    return status;
  }

  /**
   * The redirect target: {@code https://}, a host of the policy, the mapped port, and the
   * request's path and query re-encoded.
   *
   * @return the absolute URL, or null unless {@link Kind#REDIRECT}
   */
  public @Nullable String location() {
    return location;
  }

  /**
   * Writes {@code Strict-Transport-Security} on secure requests and {@code Location} on
   * redirects; nothing otherwise.
   *
   * @param headers the response's header sink
   */
  public void writeHeaders(HttpResponseHeaders headers) {
    Objects.requireNonNull(headers, "headers");
    if (hsts != null) {
      headers.set("Strict-Transport-Security", hsts);
    }
    if (location != null) {
      headers.set("Location", location);
    }
  }

  /**
   * A short description for logs and problem bodies; contains no request data.
   *
   * @return e.g. {@code "HTTPS redirect rejected: HOST_NOT_ALLOWED"}
   */
  public String describe() {
    return kind == Kind.REJECTED ? "HTTPS redirect rejected: " + reason
        : "HTTPS " + dev.bulwark.http.Ascii.toLowerCase(kind.name());
  }

  @Override
  public String toString() {
    return "RedirectDecision[" + kind + (reason == Reason.NONE ? "" : ", " + reason)
        + (status == 0 ? "" : ", " + status) + "]";
  }
}
