package dev.bulwark.headers;

import dev.bulwark.http.Ascii;
import java.util.Base64;
import java.util.Set;

/**
 * Parses one CSP source expression (CSP Level 3, section 2.3.1) into its canonical form. The
 * grammar is checked strictly: quoted keywords must be spelt exactly, hashes must decode to the
 * digest's length, hosts are labels of letters, digits and hyphens, and nothing that could end
 * a directive or a header ({@code ;}, {@code ,}, whitespace, controls, non-ASCII) gets through.
 *
 * <p>Static nonces ({@code 'nonce-...'}) are refused: a nonce written into configuration is
 * the same on every response, which defeats it. Per-request nonces come from
 * {@link ContentSecurityPolicy.Builder#scriptNonce()}.
 */
final class CspSource {

  /** Longest source expression accepted. */
  static final int MAX_LENGTH = 1024;

  private static final Set<String> KEYWORDS = Set.of(
      "'self'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'unsafe-hashes'",
      "'report-sample'", "'unsafe-allow-redirects'", "'wasm-unsafe-eval'",
      "'inline-speculation-rules'");

  private CspSource() {}

  /**
   * Parses and canonicalises a source expression (scheme and host lower-cased).
   *
   * @param text e.g. {@code 'self'}, {@code https:}, {@code https://*.example.com:443/static/}
   * @return the canonical expression
   * @throws IllegalArgumentException when {@code text} is not a valid, accepted source
   */
  static String parse(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty source expression");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "source expression longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ';' || c == ',') {
        throw new IllegalArgumentException("source expression contains a space, ';', ',', a"
            + " control or a non-ASCII character at index " + i);
      }
    }
    if (text.charAt(0) == '\'') {
      return quoted(text);
    }
    return hostOrScheme(text);
  }

  private static String quoted(String text) {
    if (text.length() < 3 || text.charAt(text.length() - 1) != '\'') {
      throw new IllegalArgumentException("unterminated quoted source " + text);
    }
    if (KEYWORDS.contains(text)) {
      return text;
    }
    if (text.equals("'none'")) {
      throw new IllegalArgumentException(
          "'none' cannot be combined with other sources; use none() for the whole directive");
    }
    if (text.startsWith("'nonce-")) {
      throw new IllegalArgumentException("static nonce " + text + " refused: a nonce must be"
          + " fresh per response; use scriptNonce() or styleNonce()");
    }
    int dash = text.indexOf('-');
    if (dash > 0) {
      String algorithm = text.substring(1, dash);
      int length = switch (algorithm) {
        case "sha256" -> 32;
        case "sha384" -> 48;
        case "sha512" -> 64;
        default -> -1;
      };
      if (length > 0) {
        hash(text, text.substring(dash + 1, text.length() - 1), length);
        return text;
      }
    }
    throw new IllegalArgumentException("unknown quoted source " + text + "; keywords are"
        + " lower case and exact, e.g. 'self', 'strict-dynamic', 'sha256-<base64>'");
  }

  private static void hash(String text, String value, int length) {
    byte[] digest;
    try {
      digest = value.indexOf('-') >= 0 || value.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("hash source " + text + " is not base64", e);
    }
    if (digest.length != length) {
      throw new IllegalArgumentException("hash source " + text + " decodes to " + digest.length
          + " bytes; expected " + length);
    }
  }

  private static String hostOrScheme(String text) {
    int colon = text.indexOf(':');
    if (colon > 0 && colon == text.length() - 1) {
      return scheme(text.substring(0, colon)) + ":";
    }
    StringBuilder out = new StringBuilder(text.length());
    String rest = text;
    int separator = text.indexOf("://");
    if (separator >= 0) {
      out.append(scheme(text.substring(0, separator))).append("://");
      rest = text.substring(separator + 3);
    }
    int pathStart = rest.indexOf('/');
    String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
    String path = pathStart < 0 ? "" : rest.substring(pathStart);
    int portColon = authority.indexOf(':');
    String host = portColon < 0 ? authority : authority.substring(0, portColon);
    out.append(host(host));
    if (portColon >= 0) {
      out.append(':').append(port(authority.substring(portColon + 1)));
    }
    return out.append(path(path)).toString();
  }

  private static String scheme(String scheme) {
    if (scheme.isEmpty() || !isAlpha(scheme.charAt(0))) {
      throw new IllegalArgumentException("scheme '" + scheme + "' must start with a letter");
    }
    for (int i = 1; i < scheme.length(); i++) {
      char c = scheme.charAt(i);
      if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
        throw new IllegalArgumentException("scheme '" + scheme + "' has an invalid character");
      }
    }
    return Ascii.toLowerCase(scheme);
  }

  private static String host(String host) {
    if (host.equals("*")) {
      return host;
    }
    String labels = host.startsWith("*.") ? host.substring(2) : host;
    if (labels.isEmpty() || labels.startsWith(".") || labels.contains("..")) {
      throw new IllegalArgumentException("host '" + host + "' has an empty label");
    }
    for (int i = 0; i < labels.length(); i++) {
      char c = labels.charAt(i);
      if (!isAlpha(c) && !isDigit(c) && c != '-' && c != '.') {
        throw new IllegalArgumentException("host '" + host + "' has an invalid character;"
            + " a '*' may only stand alone or start the host as '*.'");
      }
    }
    return Ascii.toLowerCase(host);
  }

  private static String port(String port) {
    if (port.equals("*")) {
      return port;
    }
    if (port.isEmpty() || port.length() > 5) {
      throw new IllegalArgumentException("port '" + port + "' must be 1 to 5 digits or '*'");
    }
    for (int i = 0; i < port.length(); i++) {
      if (!isDigit(port.charAt(i))) {
        throw new IllegalArgumentException("port '" + port + "' must be digits or '*'");
      }
    }
    if (Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException("port " + port + " is above 65535");
    }
    return port;
  }

  private static String path(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean allowed = isAlpha(c) || isDigit(c) || "-._~!$&'()*+=:@/%".indexOf(c) >= 0;
      if (!allowed) {
        throw new IllegalArgumentException("path '" + path + "' has an invalid character");
      }
    }
    return path;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
