package dev.bulwark.encode;

/**
 * JSON string content safe to embed in HTML: escapes {@code " \ < > & '}, every C0 and C1
 * control, DEL, U+2028, U+2029 and unpaired surrogates (replaced by U+FFFD, since a lone
 * surrogate is not valid UTF-8 JSON) as {@code \}{@code uXXXX}, except {@code \"} and
 * {@code \\}. Returns the input instance when nothing needs escaping.
 */
final class JsonStringEncoder {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonStringEncoder() {}

  static String encode(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && !needsWork(text, i)) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 16);
    out.append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append("\\ufffd");
      } else if (c == '"') {
        out.append("\\\"");
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (escaped(c)) {
        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
            .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsWork(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return c == '"' || c == '\\' || escaped(c);
  }

  private static boolean escaped(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '<' || c == '>' || c == '&'
        || c == '\'' || c == '\u2028' || c == '\u2029';
  }
}
