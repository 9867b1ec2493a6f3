package dev.bulwark.https;

import java.nio.charset.StandardCharsets;

/**
 * Re-encodes the raw path and query of a request for a {@code Location} header.
 *
 * <p>Kept as they are: RFC 3986 unreserved characters, sub-delims, {@code :}, {@code @},
 * {@code /} (and {@code ?} in the query), and well-formed {@code %XX} escapes. Everything else
 * is percent-encoded: a {@code %} not followed by two hex digits becomes {@code %25}; a
 * character up to U+00FF is taken as the raw octet it stands for (containers expose the
 * undecoded request line as ISO-8859-1), anything above as UTF-8. So CR, LF, space, backslash,
 * quotes and {@code #} can never reach the header. The target is always absolute
 * ({@code https://host[:port]} from the policy, then the path), so a path such as
 * {@code //evil.example} stays a path.
 */
final class RedirectTarget {

  /** The longest path plus query re-encoded; longer targets are refused. */
  static final int MAX_LENGTH = 8192;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RedirectTarget() {}

  /**
   * Appends the encoded path and query.
   *
   * @return false when the path does not start with {@code /} or the result is too long
   */
  static boolean append(StringBuilder out, String path, @org.jspecify.annotations.Nullable
      String query) {
    int start = out.length();
    if (path.isEmpty()) {
      out.append('/');
    } else if (path.charAt(0) != '/') {
      return false;
    } else if (!encode(out, path, false, start)) {
      return false;
    }
    if (query != null) {
      out.append('?');
      if (!encode(out, query, true, start)) {
        return false;
      }
    }
    return out.length() - start <= MAX_LENGTH;
  }

  private static boolean encode(StringBuilder out, String text, boolean query, int start) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (out.length() - start > MAX_LENGTH) {
        return false;
      }
      char c = text.charAt(i);
      if (isKept(c) || (query && c == '?')) {
        out.append(c);
      } else if (c == '%' && i + 2 < n && isHex(text.charAt(i + 1))
          && isHex(text.charAt(i + 2))) {
        out.append(c);
      } else if (c <= 0xFF) {
        octet(out, c);
      } else {
        int codePoint = text.codePointAt(i);
        String one = Character.isSurrogate(c) && Character.charCount(codePoint) == 1
            ? "?" : new String(Character.toChars(codePoint));
        for (byte b : one.getBytes(StandardCharsets.UTF_8)) {
          octet(out, b & 0xFF);
        }
        i += Character.charCount(codePoint) - 1;
      }
    }
    return true;
  }

  private static void octet(StringBuilder out, int b) {
    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }

  static boolean isKept(char c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return true;
    }
    return "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
