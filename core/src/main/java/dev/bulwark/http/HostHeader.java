package dev.bulwark.http;

import java.util.Objects;

/**
 * A {@code Host} header value ({@code host[:port]}, RFC 9110 section 7.2), parsed strictly.
 *
 * <p>Accepted: a DNS name of LDH labels, an IPv4 literal or a bracketed IPv6 literal, and an
 * optional port 1 to 65535. Refused: anything but visible ASCII (so CR, LF, tab, space and
 * non-ASCII), userinfo ({@code @}), a path, query or fragment, a trailing dot, underscores,
 * percent-escapes, an empty value, and values longer than {@link #MAX_LENGTH}. The host is
 * stored in lower case.
 *
 * @param host the host, lower case; IPv6 in brackets
 * @param port the explicit port, or -1 when none was given
 */
public record HostHeader(String host, int port) {

  /** The longest value parsed: a 253-character name, a colon and a five-digit port. */
  public static final int MAX_LENGTH = 259;

  /** Validates the components. */
  public HostHeader {
    Objects.requireNonNull(host, "host");
    if (port != -1 && (port < 1 || port > 65535)) {
      throw new IllegalArgumentException("port must be 1 to 65535 or -1, got " + port);
    }
  }

  /**
   * Parses a {@code Host} value.
   *
   * @param text the value as received
   * @return the host and port
   * @throws IllegalArgumentException if {@code text} is not {@code host[:port]}; the message
   *     names the rule broken and never repeats the input
   */
  public static HostHeader parse(String text) {
    Objects.requireNonNull(text, "text");
    int n = text.length();
    if (n == 0) {
      throw new IllegalArgumentException("empty host");
    }
    if (n > MAX_LENGTH) {
      throw new IllegalArgumentException("host longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "host contains a control, space or non-ASCII character");
      }
      if (c == '@') {
        throw new IllegalArgumentException("host contains userinfo");
      }
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        throw new IllegalArgumentException("host contains a path, query or fragment");
      }
    }
    HostSyntax.HostPort parsed = HostSyntax.parseHostPort(text);
    if (parsed == null) {
      throw new IllegalArgumentException("host is not a valid host name or IP literal with"
          + " an optional port 1 to 65535");
    }
    return new HostHeader(parsed.host(), parsed.port());
  }
}
