package dev.bulwark.validate;

import dev.bulwark.http.Ascii;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps user-facing names (a {@code sort} query parameter) to SQL identifiers from a fixed
 * allow-list, for the parts of a statement that cannot be bound parameters, such as
 * {@code ORDER BY}. Input never reaches the SQL text: only the configured identifiers do.
 *
 * <pre>{@code
 * static final SqlIdentifierAllowList SORT = SqlIdentifierAllowList.of(Map.of(
 *     "name", "u.display_name", "created", "u.created_at"));
 * String orderBy = SORT.orderBy(request.sort(), request.direction()).orElse("u.id ASC");
 * String sql = "SELECT ... FROM users u ORDER BY " + orderBy;   // values still via ?
 * }</pre>
 *
 * <p>Identifiers are checked at construction: plain unquoted SQL identifiers, optionally
 * qualified once ({@code table.column}). Keys match exactly (case-sensitive). Immutable and
 * thread-safe.
 */
public final class SqlIdentifierAllowList {

  private static final Pattern IDENTIFIER =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(?:\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

  private final Map<String, String> identifiers;

  private SqlIdentifierAllowList(Map<String, String> identifiers) {
    this.identifiers = Map.copyOf(identifiers);
  }

  /**
   * Creates the allow-list.
   *
   * @param identifiers user-facing key to SQL identifier
   * @return the allow-list
   * @throws IllegalArgumentException if it is empty or an identifier is not a plain SQL
   *     identifier
   */
  public static SqlIdentifierAllowList of(Map<String, String> identifiers) {
    Map<String, String> copy = new LinkedHashMap<>(Objects.requireNonNull(identifiers, "identifiers"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("SqlIdentifierAllowList.of: give at least one key");
    }
    copy.forEach((key, identifier) -> {
      if (key.isEmpty() || key.length() > 64) {
        throw new IllegalArgumentException("SqlIdentifierAllowList key \"" + key
            + "\": use 1 to 64 characters");
      }
      if (!IDENTIFIER.matcher(identifier).matches()) {
        throw new IllegalArgumentException("SqlIdentifierAllowList identifier for key \"" + key
            + "\" is not a plain SQL identifier; use letters, digits and _, optionally"
            + " table.column");
      }
    });
    return new SqlIdentifierAllowList(copy);
  }

  /**
   * Returns the identifier for a user-facing key.
   *
   * @param key the untrusted key
   * @return the configured identifier, or empty when the key is not on the list
   */
  public Optional<String> resolve(String key) {
    return Optional.ofNullable(identifiers.get(Objects.requireNonNull(key, "key")));
  }

  /**
   * Returns an {@code ORDER BY} term, {@code identifier ASC} or {@code identifier DESC}.
   *
   * @param key the untrusted key
   * @param direction the untrusted direction, {@code asc} or {@code desc} (ASCII case-insensitive)
   * @return the term, or empty when the key or the direction is not accepted
   */
  public Optional<String> orderBy(String key, String direction) {
    Objects.requireNonNull(direction, "direction");
    String d = direction.length() == 3 || direction.length() == 4
        ? Ascii.toLowerCase(direction) : "";
    if (!d.equals("asc") && !d.equals("desc")) {
      return Optional.empty();
    }
    return resolve(key).map(id -> id + (d.equals("asc") ? " ASC" : " DESC"));
  }

  /**
   * Returns the rule that accepts exactly the keys of this list.
   *
   * @return the rule
   */
  public Rule rule() {
    return v -> identifiers.containsKey(v) ? Rules.ok()
        : Rules.fail("not_allowed", "must be one of the sortable fields");
  }
}
