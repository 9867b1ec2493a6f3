package dev.bulwark.http;

import org.jspecify.annotations.Nullable;

/**
 * Strict syntax of hosts and ports as they appear in {@code Host}, {@code Origin} and
 * forwarding headers. Package-private: the rules are exposed through the values that use them.
 */
final class HostSyntax {

  static final int MAX_HOST = 253;

  private HostSyntax() {}

  /** A host and an optional port; port is -1 when absent. */
  record HostPort(String host, int port) {}

  /**
   * Whether {@code s[from, to)} is a DNS name of LDH labels (letters, digits, inner hyphens),
   * an IPv4 literal, or a bracketed IPv6 literal. No trailing dot, no underscore, no percent.
   */
  static boolean isHost(String s, int from, int to) {
    int length = to - from;
    if (length <= 0 || length > MAX_HOST) {
      return false;
    }
    if (s.charAt(from) == '[') {
      return s.charAt(to - 1) == ']' && IpAddress.tryParse(s.substring(from, to)) != null;
    }
    int labelStart = from;
    boolean allDigitsAndDots = true;
    for (int i = from; i <= to; i++) {
      if (i == to || s.charAt(i) == '.') {
        int labelLength = i - labelStart;
        if (labelLength == 0 || labelLength > 63
            || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
        continue;
      }
      char c = s.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!digit && !letter && c != '-') {
        return false;
      }
      if (!digit) {
        allDigitsAndDots = false;
      }
    }
    // A name made only of digits and dots must be a valid IPv4 literal (no 1.2.3, no 010.0.0.1).
    return !allDigitsAndDots || IpAddress.tryParse(s.substring(from, to)) != null;
  }

  /** Parses a decimal port 1..65535 from s[from, to); -1 if malformed. */
  static int parsePort(String s, int from, int to) {
    int length = to - from;
    if (length <= 0 || length > 5) {
      return -1;
    }
    int port = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port >= 1 && port <= 65535 ? port : -1;
  }

  /** Parses {@code host[:port]}; null when malformed. The host is lower-cased. */
  static @Nullable HostPort parseHostPort(String text) {
    String s = text.strip();
    int hostEnd;
    int port = -1;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        return null;
      }
      hostEnd = close + 1;
    } else {
      int colon = s.indexOf(':');
      hostEnd = colon < 0 ? s.length() : colon;
    }
    if (hostEnd < s.length()) {
      if (s.charAt(hostEnd) != ':') {
        return null;
      }
      port = parsePort(s, hostEnd + 1, s.length());
      if (port < 0) {
        return null;
      }
    }
    if (!isHost(s, 0, hostEnd)) {
      return null;
    }
    return new HostPort(Ascii.toLowerCase(s.substring(0, hostEnd)), port);
  }
}
