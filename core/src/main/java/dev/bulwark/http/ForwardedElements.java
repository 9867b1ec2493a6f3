package dev.bulwark.http;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads comma-separated forwarding headers from the right: the end nearest to this server,
 * written by the most trusted proxy. Entries further left are produced only on demand, so a
 * client that pads a header with thousands of entries costs nothing and changes nothing:
 * scanning stops at the first untrusted hop.
 *
 * <p>RFC 7239 elements may hold quoted strings containing commas; the backward scan skips
 * them. Package-private; not thread-safe (one instance per request).
 */
final class ForwardedElements {

  static final int MAX_ELEMENT = 1024;

  private final List<String> lines;
  private int line;
  private int end;

  ForwardedElements(List<String> lines) {
    this.lines = lines;
    this.line = lines.size() - 1;
    this.end = line >= 0 ? lines.get(line).length() : 0;
  }

  /**
   * The next element to the left, trimmed; null when none remain. Throws
   * IllegalArgumentException for an element over {@link #MAX_ELEMENT} or an unbalanced quote.
   */
  @Nullable String previous() {
    while (line >= 0) {
      String text = lines.get(line);
      if (end < 0) {
        line--;
        end = line >= 0 ? lines.get(line).length() : 0;
        continue;
      }
      boolean quoted = false;
      int i = end - 1;
      for (; i >= 0; i--) {
        char c = text.charAt(i);
        if (c == '"' && !(i > 0 && text.charAt(i - 1) == '\\' && quoted)) {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          break;
        }
        if (end - i > MAX_ELEMENT) {
          throw new IllegalArgumentException("element too long");
        }
      }
      if (quoted) {
        throw new IllegalArgumentException("unbalanced quote");
      }
      String element = text.substring(i + 1, end).strip();
      end = i; // -1 when this line is exhausted
      return element;
    }
    return null;
  }

  /**
   * Parses one RFC 7239 forwarded-element ({@code for=..;proto=..;host=..;by=..}) into
   * {@code out}: index 0 for, 1 proto, 2 host. Returns false when malformed.
   */
  static boolean parseForwardedElement(String element, @Nullable String[] out) {
    out[0] = null;
    out[1] = null;
    out[2] = null;
    if (element.isEmpty()) {
      return false;
    }
    int i = 0;
    int n = element.length();
    boolean by = false;
    while (i < n) {
      int eq = element.indexOf('=', i);
      if (eq <= i) {
        return false;
      }
      String key = Ascii.toLowerCase(element.substring(i, eq).strip());
      if (!HeaderTokens.isToken(key)) {
        return false;
      }
      int j = eq + 1;
      while (j < n && element.charAt(j) == ' ') {
        j++;
      }
      String value;
      if (j < n && element.charAt(j) == '"') {
        StringBuilder sb = new StringBuilder();
        j++;
        boolean closed = false;
        while (j < n) {
          char c = element.charAt(j);
          if (c == '\\' && j + 1 < n) {
            sb.append(element.charAt(j + 1));
            j += 2;
          } else if (c == '"') {
            closed = true;
            j++;
            break;
          } else {
            if (c < 0x20 || c == 0x7f) {
              return false;
            }
            sb.append(c);
            j++;
          }
        }
        if (!closed) {
          return false;
        }
        value = sb.toString();
      } else {
        int start = j;
        while (j < n && element.charAt(j) != ';') {
          j++;
        }
        value = element.substring(start, j).strip();
        if (!HeaderTokens.isToken(value)) {
          return false;
        }
      }
      while (j < n && element.charAt(j) == ' ') {
        j++;
      }
      if (j < n) {
        if (element.charAt(j) != ';') {
          return false;
        }
        j++;
      }
      int slot;
      switch (key) {
        case "for" -> slot = 0;
        case "proto" -> slot = 1;
        case "host" -> slot = 2;
        case "by" -> {
          if (by) {
            return false;
          }
          by = true;
          slot = -1;
        }
        default -> slot = -1; // extensions are allowed and ignored
      }
      if (slot >= 0) {
        if (out[slot] != null) {
          return false; // a parameter may appear once per element
        }
        out[slot] = value;
      }
      i = j;
    }
    return true;
  }

  /**
   * Parses a node address as proxies write it: an IP literal, {@code [v6]}, {@code [v6]:port}
   * or {@code v4:port}. Returns null for anything else, {@code unknown} and obfuscated
   * identifiers included.
   */
  static @Nullable IpAddress parseNode(String node) {
    String s = node.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (s.charAt(0) == '[') {
      int close = s.indexOf(']');
      if (close < 0) {
        return null;
      }
      if (close != s.length() - 1
          && (s.charAt(close + 1) != ':' || !isNodePort(s, close + 2))) {
        return null;
      }
      return IpAddress.tryParse(s.substring(0, close + 1));
    }
    int colon = s.indexOf(':');
    if (colon >= 0 && s.indexOf(':', colon + 1) < 0) {
      // v4:port (a bare IPv6 has at least two colons)
      if (!isNodePort(s, colon + 1)) {
        return null;
      }
      IpAddress v4 = IpAddress.tryParse(s.substring(0, colon));
      return v4 != null && v4.isIpv4() ? v4 : null;
    }
    return IpAddress.tryParse(s);
  }

  private static boolean isNodePort(String s, int from) {
    return HostSyntax.parsePort(s, from, s.length()) > 0;
  }

  /** Whether a node identifier is "unknown" or obfuscated (RFC 7239 section 6). */
  static boolean isUnknownOrObfuscated(String node) {
    String s = node.strip();
    return Ascii.equalsIgnoreCase(s, "unknown") || s.startsWith("_");
  }
}
