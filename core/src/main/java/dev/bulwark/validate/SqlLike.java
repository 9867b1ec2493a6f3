package dev.bulwark.validate;

import java.util.Objects;

/**
 * Escapes text for a SQL {@code LIKE} pattern that is passed as a bound parameter, so that
 * {@code %} and {@code _} in user input match themselves instead of acting as wildcards.
 *
 * <pre>{@code
 * PreparedStatement ps = c.prepareStatement(
 *     "SELECT id FROM posts WHERE title LIKE ? " + SqlLike.ESCAPE_CLAUSE);
 * ps.setString(1, SqlLike.contains(userText));
 * }</pre>
 *
 * <p>The escape character is {@code !}, not backslash: backslash is itself an escape in
 * MySQL and PostgreSQL string literals, so {@code ESCAPE '\'} is written differently per
 * database, while {@code ESCAPE '!'} is the same everywhere. This is not a defence against
 * SQL injection (the bound parameter is); it stops wildcard injection, e.g. {@code %} matching
 * every row, or costly patterns. Thread-safe and stateless.
 */
public final class SqlLike {

  /** The escape character used by every method. */
  public static final char ESCAPE = '!';

  /** The clause to put after {@code LIKE ?}. */
  public static final String ESCAPE_CLAUSE = "ESCAPE '!'";

  private SqlLike() {}

  /**
   * Escapes {@code %}, {@code _}, {@code [} (SQL Server) and {@code !}.
   *
   * @param text the literal text
   * @return the escaped text, the same instance when nothing needs escaping
   */
  public static String escape(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean special = c == '%' || c == '_' || c == '[' || c == ESCAPE;
      if (special && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (special) {
          out.append(ESCAPE);
        }
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Returns the pattern matching values that contain {@code text}.
   *
   * @param text the literal text
   * @return {@code %escaped%}
   */
  public static String contains(String text) {
    return "%" + escape(text) + "%";
  }

  /**
   * Returns the pattern matching values that start with {@code text}.
   *
   * @param text the literal text
   * @return {@code escaped%}
   */
  public static String startsWith(String text) {
    return escape(text) + "%";
  }

  /**
   * Returns the pattern matching values that end with {@code text}.
   *
   * @param text the literal text
   * @return {@code %escaped}
   */
  public static String endsWith(String text) {
    return "%" + escape(text);
  }
}
