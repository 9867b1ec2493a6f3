package dev.bulwark.secrets;

import java.util.Set;

/**
 * Recognises values that stand in for a real one: empty or blank; one of the words in
 * {@link #WORDS} (ASCII case ignored, surrounding white space ignored); a template left unfilled,
 * {@code <...>} or {@code ${...}}. The check works on the UTF-8 bytes so that a secret need not
 * become a {@code String}.
 */
final class Placeholders {

  /** Words that are placeholders, lower case. */
  static final Set<String> WORDS = Set.of(
      "changeme", "change-me", "change_me", "changeit", "change-it", "replaceme", "replace-me",
      "replace_me", "placeholder", "secret", "password", "todo", "tbd", "fixme", "xxx", "dummy",
      "example", "null", "none", "undefined");

  private Placeholders() {}

  static boolean isPlaceholder(byte[] utf8) {
    int start = 0;
    int end = utf8.length;
    while (start < end && isSpace(utf8[start])) {
      start++;
    }
    while (end > start && isSpace(utf8[end - 1])) {
      end--;
    }
    if (start == end) {
      return true;
    }
    if (utf8[start] == '<' && utf8[end - 1] == '>') {
      return true;
    }
    if (end - start >= 3 && utf8[start] == '$' && utf8[start + 1] == '{' && utf8[end - 1] == '}') {
      return true;
    }
    for (String word : WORDS) {
      if (equalsIgnoringAsciiCase(word, utf8, start, end)) {
        return true;
      }
    }
    return false;
  }

  /** Compares without making a String of the value. {@code word} is lower-case ASCII. */
  private static boolean equalsIgnoringAsciiCase(String word, byte[] utf8, int start, int end) {
    if (word.length() != end - start) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      byte b = utf8[start + i];
      if (b < 0 || Ascii.toLower((char) b) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }
}
