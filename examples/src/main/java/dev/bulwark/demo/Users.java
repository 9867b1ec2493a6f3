package dev.bulwark.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@code demo_user} table. Thread-safe (a connection per call). */
final class Users {

  /** A user row. {@code profileNote} is the envelope-encrypted token, never plaintext. */
  record User(long id, String username, String passwordHash, @Nullable String profileNote) {}

  private static final String SQLSTATE_UNIQUE = "23505";

  private final Database database;

  Users(Database database) {
    this.database = database;
  }

  /** Inserts a user; empty when the name is taken. */
  Optional<Long> create(String username, String passwordHash) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO demo_user (username, password_hash) VALUES (?, ?)",
            new String[] {"id"})) {
      insert.setString(1, username);
      insert.setString(2, passwordHash);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new user");
        }
        return Optional.of(keys.getLong(1));
      }
    } catch (SQLException e) {
      if (SQLSTATE_UNIQUE.equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  Optional<User> byName(String username) throws SQLException {
    return one("SELECT id, username, password_hash, profile_note FROM demo_user"
        + " WHERE username = ?", username);
  }

  Optional<User> byId(long id) throws SQLException {
    return one("SELECT id, username, password_hash, profile_note FROM demo_user WHERE id = ?",
        id);
  }

  void updatePasswordHash(long id, String passwordHash) throws SQLException {
    update("UPDATE demo_user SET password_hash = ? WHERE id = ?", passwordHash, id);
  }

  void updateProfileNote(long id, String encryptedNote) throws SQLException {
    update("UPDATE demo_user SET profile_note = ? WHERE id = ?", encryptedNote, id);
  }

  private void update(String sql, String value, long id) throws SQLException {
    try (Connection c = database.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, value);
      statement.setLong(2, id);
      statement.executeUpdate();
    }
  }

  private Optional<User> one(String sql, Object key) throws SQLException {
    try (Connection c = database.connect(); PreparedStatement query = c.prepareStatement(sql)) {
      query.setObject(1, key);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(new User(row.getLong(1), row.getString(2), row.getString(3),
            row.getString(4)));
      }
    }
  }
}
