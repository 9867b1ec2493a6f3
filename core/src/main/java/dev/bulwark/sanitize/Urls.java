package dev.bulwark.sanitize;

import dev.bulwark.http.Ascii;
import java.util.Set;
import org.owasp.html.AttributePolicy;

/** URL checks shared by the policy and the post-sanitize check. */
final class Urls {

  private Urls() {}

  /**
   * Tells whether {@code url} is an absolute URL whose scheme, ASCII-lower-cased, is in
   * {@code schemes}. Leading and embedded ASCII whitespace or control characters
   * (which browsers strip, {@code java\tscript:}) make it fail.
   */
  static boolean hasAllowedScheme(String url, Set<String> schemes) {
    int colon = url.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = url.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!ok) {
        return false;
      }
    }
    return schemes.contains(Ascii.toLowerCase(url.substring(0, colon)));
  }

  static AttributePolicy withScheme(Set<String> schemes) {
    Set<String> copy = Set.copyOf(schemes);
    return (element, attribute, value) -> hasAllowedScheme(value, copy) ? value : null;
  }
}
