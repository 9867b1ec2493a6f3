package dev.bulwark.secrets;

/**
 * ASCII-only character helpers (string-level folding is {@link dev.bulwark.http.Ascii}). Keys
 * and the words Bulwark recognises are ASCII; using the JDK's Unicode case mapping on them would let look-alike characters (the Turkish dotless i, the
 * Kelvin sign) match, so this class never does.
 */
final class Ascii {

  private Ascii() {}

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static char toUpper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
  }

  static char toLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Tells whether {@code c} is a space or a horizontal tab. */
  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
