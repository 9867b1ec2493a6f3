package dev.bulwark.http;

import java.util.Objects;

/**
 * Who the client is and how it addressed the application, after proxy headers from trusted
 * peers were applied. Every Bulwark engine that needs the client's address, scheme, host or
 * port (CORS same-origin checks, the HTTPS redirect, HSTS, rate-limit keys) uses this value.
 *
 * @param address the client's address; the TCP peer's when no trusted proxy reported one, and
 *     the unspecified address {@code ::} when the peer's own address was not an IP literal
 * @param scheme {@code http} or {@code https}, lower case
 * @param host the host the client addressed, lower case; IPv6 in brackets
 * @param port the port the client addressed
 * @param forwarded whether a trusted proxy's headers supplied any of these values
 */
public record ResolvedClient(
    IpAddress address, String scheme, String host, int port, boolean forwarded) {

  /** Validates the components. */
  public ResolvedClient {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    scheme = Ascii.toLowerCase(scheme);
    host = Ascii.toLowerCase(host);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
    }
  }

  /**
   * Whether the client used HTTPS.
   *
   * @return true when the scheme is {@code https}
   */
  public boolean secure() {
    return scheme.equals("https");
  }

  /**
   * The default port of a scheme.
   *
   * @param scheme {@code http} or {@code https}
   * @return 443 for https, 80 otherwise
   */
  public static int defaultPort(String scheme) {
    return Ascii.equalsIgnoreCase(scheme, "https") ? 443 : 80;
  }
}
