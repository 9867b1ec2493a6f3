package dev.bulwark.sanitize;

import java.util.Set;
import org.owasp.html.AttributePolicy;

/** URL checks shared by the policy and the post-sanitize check. */
final class Urls {

  private Urls() {}

  /**
   * Tells whether {@code url} is an absolute URL whose scheme, ASCII-lower-cased, is one of
   * {@code schemes} (lower case). Leading and embedded ASCII whitespace or control characters
   * (which browsers strip, {@code java\tscript:}) make it fail.
   */
  static boolean hasAllowedScheme(String url, String[] schemes) {
    int colon = url.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      if (!isSchemeChar(url.charAt(i), i == 0)) {
        return false;
      }
    }
    for (String scheme : schemes) { // a handful; no substring or lower-case copy per URL
      if (scheme.length() == colon && startsWithAsciiLowerCased(url, scheme)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code c} may stand in a URL scheme (RFC 3986: a letter first, then letters,
   * digits, {@code + - .}).
   */
  static boolean isSchemeChar(char c, boolean first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (!first && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
  }

  /** Whether {@code url}, its ASCII letters lower-cased, starts with {@code lower}. */
  static boolean startsWithAsciiLowerCased(String url, String lower) {
    for (int i = 0; i < lower.length(); i++) {
      char c = url.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An attribute policy keeping only absolute URLs in one of {@code schemes}. The schemes are
   * kept in an array: this runs for every link and image of every input.
   */
  static AttributePolicy withScheme(Set<String> schemes) {
    String[] copy = schemes.toArray(String[]::new);
    return (element, attribute, value) -> hasAllowedScheme(value, copy) ? value : null;
  }
}
