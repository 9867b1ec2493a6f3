package dev.bulwark.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for comma-separated header token lists such as {@code Vary}.
 *
 * <p>Thread-safe: stateless.
 */
public final class HeaderTokens {

  private HeaderTokens() {}

  /**
   * Adds tokens to a comma-separated header such as {@code Vary}: tokens already present (case
   * insensitively) are not repeated, existing values are kept in order, and a {@code *} already
   * present absorbs everything.
   *
   * @param headers the sink holding the current values
   * @param name the header name
   * @param tokens the tokens to ensure, e.g. {@code "Origin"}
   */
  public static void mergeInto(HttpResponseHeaders headers, String name, String... tokens) {
    mergePrejoined(headers, name, String.join(", ", tokens), tokens);
  }

  /**
   * Like {@link #mergeInto(HttpResponseHeaders, String, String...)}, with the joined value
   * precomputed by the caller so that the common case (header not yet set) allocates nothing.
   *
   * @param headers the sink holding the current values
   * @param name the header name
   * @param joined {@code String.join(", ", tokens)}
   * @param tokens the tokens to ensure
   */
  public static void mergePrejoined(
      HttpResponseHeaders headers, String name, String joined, String[] tokens) {
    List<String> existing = headers.get(name);
    if (existing.isEmpty()) {
      headers.set(name, joined);
      return;
    }
    List<String> present = new ArrayList<>();
    for (String value : existing) {
      for (String part : value.split(",", -1)) {
        String token = part.strip();
        if (token.equals("*")) {
          return;
        }
        if (!token.isEmpty()) {
          present.add(Ascii.toLowerCase(token));
        }
      }
    }
    StringBuilder missing = new StringBuilder();
    for (String token : tokens) {
      String lower = Ascii.toLowerCase(token);
      if (!present.contains(lower)) {
        present.add(lower);
        if (missing.length() > 0) {
          missing.append(", ");
        }
        missing.append(token);
      }
    }
    if (missing.length() > 0) {
      headers.add(name, missing.toString());
    }
  }

  /**
   * Whether {@code s} is an RFC 9110 token (the syntax of header names and methods).
   *
   * @param s the text
   * @return true if non-empty and every character is a token character
   */
  public static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code c} is an RFC 9110 token character (ASCII letters, digits and
   * {@code !#$%&'*+-.^_`|~}).
   *
   * @param c a character
   * @return true for a token character
   */
  public static boolean isToken(char c) {
    return isTokenChar(c);
  }

  static boolean isTokenChar(char c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return true;
    }
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
