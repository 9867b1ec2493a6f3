package dev.bulwark.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses a {@code .env} file. The syntax, line by line (lines end with LF or CRLF):
 *
 * <ul>
 *   <li>A UTF-8 byte-order mark at the start of the file is skipped. The file must be UTF-8.</li>
 *   <li>Blank lines and lines whose first non-blank character is {@code #} are ignored.</li>
 *   <li>An entry is {@code KEY=value}, optionally preceded by {@code export} and blanks; blanks
 *       (spaces, tabs) around the key and after {@code =} are ignored. A key matches
 *       {@code [A-Za-z_][A-Za-z0-9_]*}.</li>
 *   <li>An unquoted value runs to the end of the line, without trailing blanks; a {@code #} that
 *       follows a blank starts a comment, any other {@code #} and every {@code =} are part of the
 *       value ({@code URL=a=b#c} is {@code a=b#c}).</li>
 *   <li>A single-quoted value is taken literally, up to the next {@code '}.</li>
 *   <li>A double-quoted value understands the escapes {@code \n \r \t \" \\ \$}; any other
 *       backslash sequence is an error (write Windows paths in single quotes).</li>
 *   <li>After a closing quote only blanks and a {@code #} comment may follow. A quoted value
 *       ends on its line; write a newline as {@code \n} inside double quotes.</li>
 *   <li>{@code ${VAR}} and {@code $VAR} are kept literally: there is no interpolation.</li>
 *   <li>A key set twice is an error (a merge mistake far more often than an intent).</li>
 * </ul>
 *
 * <p>Every other line is an error that names the source and the line number and never echoes the
 * line, which could be a value pasted without its key. Lines are at most {@value #MAX_LINE}
 * characters; the file size is capped by {@link SecretFiles#MAX_BYTES}.
 *
 * <p>The parser is a single left-to-right pass over each line with no backtracking; it is
 * stateless and thread-safe.
 */
final class DotenvParser {

  /** The longest line accepted, in characters. */
  static final int MAX_LINE = 64 * 1024;

  private DotenvParser() {}

  /**
   * Parses {@code content}.
   *
   * @param content the file's bytes
   * @param source how messages name the file, e.g. {@code .env /app/.env}
   * @return the entries, by key
   * @throws SecretSourceException on any syntax error, on bytes that are not UTF-8, or on a line
   *     longer than {@link #MAX_LINE}
   */
  static Map<String, String> parse(byte[] content, String source) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SecretSourceException(source + " is not UTF-8 text");
    }
    int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    Map<String, String> values = new HashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    int lineNumber = 0;
    while (start <= text.length()) {
      lineNumber++;
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() + 1 : end + 1;
      if (end < 0) {
        end = text.length();
      }
      if (end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
      new Line(text.substring(start, end), source, lineNumber).parseInto(values, lines);
      start = next;
    }
    return Map.copyOf(values);
  }

  /** One line being parsed; {@code pos} moves left to right. */
  private static final class Line {
    private final String text;
    private final String source;
    private final int number;
    private int pos;

    Line(String text, String source, int number) {
      this.text = text;
      this.source = source;
      this.number = number;
    }

    void parseInto(Map<String, String> values, Map<String, Integer> lines) {
      if (text.length() > MAX_LINE) {
        throw error("is longer than " + MAX_LINE + " characters");
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\0' || c == '\r') {
          throw error(c == '\0' ? "contains a NUL character"
              : "contains a carriage return that does not end the line");
        }
      }
      skipBlanks();
      if (pos == text.length() || text.charAt(pos) == '#') {
        return;
      }
      if (text.startsWith("export", pos) && pos + 6 < text.length()
          && Ascii.isBlank(text.charAt(pos + 6))) {
        pos += 6;
        skipBlanks();
      }
      String key = key();
      skipBlanks();
      if (pos == text.length()) {
        throw error("has no '=' after the key");
      }
      if (text.charAt(pos) != '=') {
        throw error("has a key that is not followed by '=' (a key matches [A-Za-z_][A-Za-z0-9_]*)");
      }
      pos++;
      skipBlanks();
      String value = value();
      Integer first = lines.putIfAbsent(key, number);
      if (first != null) {
        throw error("sets " + key + " again (first set on line " + first + ")");
      }
      values.put(key, value);
    }

    private String key() {
      int start = pos;
      if (pos == text.length() || !(Ascii.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
        throw error("does not start with a key (a key matches [A-Za-z_][A-Za-z0-9_]*)");
      }
      while (pos < text.length() && isKeyChar(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }

    private String value() {
      if (pos == text.length()) {
        return "";
      }
      char c = text.charAt(pos);
      if (c == '\'') {
        int close = text.indexOf('\'', pos + 1);
        if (close < 0) {
          throw error("has an unterminated single quote");
        }
        String value = text.substring(pos + 1, close);
        pos = close + 1;
        endAfterQuote();
        return value;
      }
      if (c == '"') {
        return doubleQuoted();
      }
      int end = text.length();
      for (int i = pos; i < text.length(); i++) {
        if (text.charAt(i) == '#' && Ascii.isBlank(text.charAt(i - 1))) {
          end = i;
          break;
        }
      }
      while (end > pos && Ascii.isBlank(text.charAt(end - 1))) {
        end--;
      }
      return text.substring(pos, end);
    }

    private String doubleQuoted() {
      StringBuilder out = new StringBuilder();
      for (int i = pos + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          pos = i + 1;
          endAfterQuote();
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (++i == text.length()) {
          break; // a backslash at the end of the line: the quote is unterminated
        }
        switch (text.charAt(i)) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case '"', '\\', '$' -> out.append(text.charAt(i));
          default -> throw error("has an unknown escape sequence in double quotes"
              + " (allowed: \\n \\r \\t \\\" \\\\ \\$; use single quotes for literal text)");
        }
      }
      throw error("has an unterminated double quote");
    }

    private void endAfterQuote() {
      skipBlanks();
      if (pos < text.length() && text.charAt(pos) != '#') {
        throw error("has characters after the closing quote (only a # comment may follow)");
      }
    }

    private void skipBlanks() {
      while (pos < text.length() && Ascii.isBlank(text.charAt(pos))) {
        pos++;
      }
    }

    private SecretSourceException error(String reason) {
      return new SecretSourceException(source + ": line " + number + " " + reason);
    }

    private static boolean isKeyChar(char c) {
      return Ascii.isLetter(c) || Ascii.isDigit(c) || c == '_';
    }
  }
}
