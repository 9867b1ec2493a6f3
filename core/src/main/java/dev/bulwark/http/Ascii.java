package dev.bulwark.http;

/**
 * ASCII-only case folding for protocol text (header names, schemes, hosts, tokens), for
 * engines and for adapter authors.
 *
 * <p>{@link String#toLowerCase(java.util.Locale)} applies Unicode rules, under which
 * characters outside ASCII fold into ASCII letters (the Kelvin sign U+212A becomes {@code k},
 * U+0130 becomes {@code i} plus a combining dot). Protocol elements are ASCII; folding only
 * {@code A-Z} keeps a non-ASCII look-alike distinct, so it can never match an allow-list entry.
 */
public final class Ascii {

  private Ascii() {}

  /**
   * Lower-cases {@code A-Z} only; returns {@code s} itself when nothing changes.
   *
   * @param s the text
   * @return the folded text
   */
  public static String toLowerCase(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && !isUpper(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] chars = s.toCharArray();
    for (; i < n; i++) {
      if (isUpper(chars[i])) {
        chars[i] = (char) (chars[i] + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /**
   * Compares ignoring the case of {@code A-Z} only.
   *
   * @param a one text
   * @param b another text
   * @return true if equal after ASCII case folding
   */
  public static boolean equalsIgnoreCase(String a, String b) {
    int n = a.length();
    if (n != b.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && lower(x) != lower(y)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static char lower(char c) {
    return isUpper(c) ? (char) (c + ('a' - 'A')) : c;
  }
}
