package dev.bulwark.cors;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.Origin;

/**
 * An allowed-origin pattern such as {@code https://*.example.com} (exactly one label) or
 * {@code https://**.example.com} (one or more labels). Matching is label-aware: the wildcard
 * stands for whole DNS labels, never part of one, so {@code https://*.example.com} matches
 * {@code https://app.example.com} but not {@code https://evilexample.com},
 * {@code https://example.com} or {@code https://a.b.example.com}.
 */
final class OriginPattern {

  private final String scheme;
  private final String suffix; // ".example.com"
  private final int port;
  private final boolean anyDepth;
  private final String text;

  private OriginPattern(String scheme, String suffix, int port, boolean anyDepth, String text) {
    this.scheme = scheme;
    this.suffix = suffix;
    this.port = port;
    this.anyDepth = anyDepth;
    this.text = text;
  }

  static boolean looksLikePattern(String text) {
    return text.indexOf('*') >= 0;
  }

  /** Parses a pattern, failing with a message that says how to write it. */
  static OriginPattern parse(String text) {
    int schemeEnd = text.indexOf("://");
    String fix = "; write the wildcard as a whole left-most label, as in https://*.example.com"
        + " (one label) or https://**.example.com (any depth)";
    if (schemeEnd <= 0) {
      throw new IllegalArgumentException("allowed-origins: '" + text
          + "' is not scheme://host[:port]" + fix);
    }
    String rest = text.substring(schemeEnd + 3);
    boolean anyDepth;
    String fixed;
    if (rest.startsWith("**.")) {
      anyDepth = true;
      fixed = rest.substring(3);
    } else if (rest.startsWith("*.")) {
      anyDepth = false;
      fixed = rest.substring(2);
    } else {
      throw new IllegalArgumentException("allowed-origins: '" + text
          + "' has a wildcard that is not a whole label, so it could match hosts such as"
          + " 'evilexample.com'" + fix);
    }
    if (fixed.indexOf('*') >= 0) {
      throw new IllegalArgumentException("allowed-origins: '" + text
          + "' has more than one wildcard" + fix);
    }
    Origin base;
    try {
      base = Origin.parse(text.substring(0, schemeEnd + 3) + fixed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("allowed-origins: '" + text + "' is not a valid origin"
          + " pattern (" + e.getMessage() + ")" + fix, e);
    }
    if (base.host().startsWith("[") || base.host().chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("allowed-origins: '" + text
          + "' puts a wildcard in front of an IP address; list the exact origins instead");
    }
    if (base.host().indexOf('.') < 0) {
      throw new IllegalArgumentException("allowed-origins: '" + text
          + "' would match every site under the top-level domain '" + base.host()
          + "'; put the wildcard under your own domain, as in https://*.example.com");
    }
    return new OriginPattern(base.scheme(), "." + base.host(), base.port(), anyDepth,
        Ascii.toLowerCase(text));
  }

  boolean matches(Origin origin) {
    if (origin.port() != port || !origin.scheme().equals(scheme)) {
      return false;
    }
    String host = origin.host();
    int prefixLength = host.length() - suffix.length();
    if (prefixLength <= 0 || !host.endsWith(suffix) || host.startsWith("[")) {
      return false;
    }
    if (anyDepth) {
      return true;
    }
    return host.lastIndexOf('.', prefixLength - 1) < 0;
  }

  boolean requiresHttps() {
    return scheme.equals("https");
  }

  @Override
  public String toString() {
    return text;
  }
}
