package dev.bulwark.headers;

import dev.bulwark.http.HttpResponseHeaders;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The headers of one response, and its nonce. Writing is idempotent: an adapter writes before
 * the application runs and may write again after the response was reset (error pages), and a
 * header already present is kept unless the policy overwrites it.
 *
 * <p>Used from the request's thread; immutable.
 */
public final class SecurityHeadersDecision {

  /** One rendered profile: parallel arrays, shared by every decision of that profile. */
  static final class Rendered {
    final String[] names;
    final String[] values;
    final boolean[] overwrite;
    final int nonceIndex;

    Rendered(String[] names, String[] values, boolean[] overwrite, int nonceIndex) {
      this.names = names.clone();
      this.values = values.clone();
      this.overwrite = overwrite.clone();
      this.nonceIndex = nonceIndex;
    }
  }

  private final Rendered rendered;
  private final @Nullable String nonce;
  private final @Nullable String cspValue;
  private final SecurityHeadersPolicy policy;

  SecurityHeadersDecision(Rendered rendered, @Nullable String nonce, @Nullable String cspValue,
      SecurityHeadersPolicy policy) {
    this.rendered = rendered;
    this.nonce = nonce;
    this.cspValue = cspValue;
    this.policy = policy;
  }

  /**
   * The nonce of this response, to expose to templates.
   *
   * @return 24 base64 characters, or null when the CSP uses no nonce
   */
  public @Nullable String nonce() {
    return nonce;
  }

  /**
   * Writes every header that is absent (or that the policy overwrites).
   *
   * @param headers the response's headers
   */
  public void applyTo(HttpResponseHeaders headers) {
    Objects.requireNonNull(headers, "headers");
    String[] names = rendered.names;
    String[] values = rendered.values;
    boolean[] overwrite = rendered.overwrite;
    int nonceIndex = rendered.nonceIndex;
    // The names are distinct, so on an empty response no name can be present before its write.
    boolean empty = headers.isEmpty();
    for (int i = 0; i < names.length; i++) {
      String value = i == nonceIndex && cspValue != null ? cspValue : values[i];
      if (overwrite[i]) {
        headers.set(names[i], value);
      } else if (empty || !headers.contains(names[i])) {
        headers.add(names[i], value);   // absent: add is the cheaper write in containers
      }
    }
  }

  /**
   * Whether an adapter must drop the application's attempts to set this header.
   *
   * @param name a header name
   * @return true for a header the policy removes, such as {@code X-Powered-By}
   */
  public boolean suppresses(String name) {
    return policy.suppresses(name);
  }

  /**
   * The headers an adapter strips from the response before it commits (when the container or
   * the application set them), and drops when the application sets them.
   *
   * @return lower-case header names, such as {@code x-powered-by}
   */
  public java.util.List<String> strippedHeaders() {
    return policy.strippedHeaders();
  }

  @Override
  public String toString() {
    return "SecurityHeadersDecision[" + rendered.names.length + " headers"
        + (nonce == null ? "" : ", nonce") + "]";
  }
}
