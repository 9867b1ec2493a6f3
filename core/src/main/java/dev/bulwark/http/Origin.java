package dev.bulwark.http;

import java.util.Objects;

/**
 * A serialized origin (RFC 6454 section 6.2) as sent in the {@code Origin} header:
 * {@code scheme://host[:port]}, parsed strictly.
 *
 * <p>Accepted: a scheme of letters, digits, {@code + - .} (starting with a letter); a host of
 * LDH labels (letters, digits, inner hyphens), an IPv4 literal or a bracketed IPv6 literal;
 * an optional port 1 to 65535. Scheme and host are compared case-insensitively and stored in
 * lower case; the default port of {@code http}/{@code ws} (80) and {@code https}/{@code wss}
 * (443) is dropped, so {@code https://a.example:443} equals {@code https://a.example}.
 *
 * <p>Refused, because browsers never send them and attackers do: userinfo ({@code @}), a path
 * or trailing slash, query, fragment, {@code %}, whitespace, underscore, backtick, braces,
 * several origins in one value, CR/LF, an empty value, a trailing dot, non-ASCII characters
 * (browsers send punycode), and the opaque origin {@code null} (handle it by name before
 * calling {@link #parse(String)}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Origin {

  /** The longest Origin value parsed; longer values are malformed. */
  public static final int MAX_LENGTH = 512;

  private final String scheme;
  private final String host;
  private final int port;
  private final String serialized;

  private Origin(String scheme, String host, int port, String serialized) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.serialized = serialized;
  }

  /**
   * Parses an {@code Origin} header value.
   *
   * @param text the value
   * @return the origin
   * @throws IllegalArgumentException if {@code text} is not a serialized origin; the message
   *     names the rule broken and never repeats the input
   */
  public static Origin parse(String text) {
    Objects.requireNonNull(text, "text");
    int n = text.length();
    if (n == 0) {
      throw new IllegalArgumentException("empty origin");
    }
    if (n > MAX_LENGTH) {
      throw new IllegalArgumentException("origin longer than " + MAX_LENGTH + " characters");
    }
    int schemeEnd = text.indexOf("://");
    if (schemeEnd <= 0) {
      throw new IllegalArgumentException("origin is not scheme://host[:port]");
    }
    for (int i = 0; i < schemeEnd; i++) {
      char c = text.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) {
        throw new IllegalArgumentException("origin scheme has an invalid character");
      }
    }
    int hostStart = schemeEnd + 3;
    int hostEnd;
    if (hostStart < n && text.charAt(hostStart) == '[') {
      int close = text.indexOf(']', hostStart);
      hostEnd = close < 0 ? n : close + 1;
    } else {
      int colon = text.indexOf(':', hostStart);
      hostEnd = colon < 0 ? n : colon;
    }
    if (!HostSyntax.isHost(text, hostStart, hostEnd)) {
      throw new IllegalArgumentException(hostStart == n
          ? "origin has no host" : "origin host is not a valid host name or IP literal");
    }
    String scheme = Ascii.toLowerCase(text.substring(0, schemeEnd));
    int port = defaultPort(scheme);
    boolean explicitPort = false;
    if (hostEnd < n) {
      if (text.charAt(hostEnd) != ':') {
        throw new IllegalArgumentException("origin has characters after the host");
      }
      int parsed = HostSyntax.parsePort(text, hostEnd + 1, n);
      if (parsed < 0) {
        throw new IllegalArgumentException("origin port is not 1 to 65535");
      }
      explicitPort = parsed != port;
      port = parsed;
    }
    if (port < 0) {
      throw new IllegalArgumentException("origin of scheme without a default port needs a port");
    }
    String host = Ascii.toLowerCase(text.substring(hostStart, hostEnd));
    String canonical = scheme + "://" + host + (explicitPort ? ":" + port : "");
    return new Origin(scheme, host, port, canonical.equals(text) ? text : canonical);
  }

  /**
   * The default port of a scheme, or -1 when it has none.
   *
   * @param scheme a lower-case scheme
   * @return 80, 443 or -1
   */
  static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http", "ws" -> 80;
      case "https", "wss" -> 443;
      default -> -1;
    };
  }

  /**
   * The scheme, lower case.
   *
   * @return e.g. {@code https}
   */
  public String scheme() {
    return scheme;
  }

  /**
   * The host, lower case; IPv6 in brackets.
   *
   * @return e.g. {@code app.example.com}
   */
  public String host() {
    return host;
  }

  /**
   * The effective port (the scheme's default when none was given).
   *
   * @return e.g. 443
   */
  public int port() {
    return port;
  }

  /**
   * The canonical serialization: lower case, default port omitted. This is the value to send
   * in {@code Access-Control-Allow-Origin}.
   *
   * @return e.g. {@code https://app.example.com}
   */
  public String serialized() {
    return serialized;
  }

  /**
   * Whether this origin is the one a client addressed: same scheme, host and port.
   *
   * @param client the resolved client
   * @return true for a same-origin request
   */
  public boolean isSameOriginAs(ResolvedClient client) {
    return scheme.equals(client.scheme()) && port == client.port()
        && host.equals(client.host());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Origin other && other.serialized.equals(serialized);
  }

  @Override
  public int hashCode() {
    return serialized.hashCode();
  }

  @Override
  public String toString() {
    return serialized;
  }
}
