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
    try (Connection c = database.connect();
        PreparedStatement query = c.prepareStatement("SELECT id, username, password_hash,"
            + " profile_note FROM demo_user WHERE username = ?")) {
      query.setString(1, username);
      return one(query);
    }
  }

  Optional<User> byId(long id) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement query = c.prepareStatement("SELECT id, username, password_hash,"
            + " profile_note FROM demo_user WHERE id = ?")) {
      query.setLong(1, id);
      return one(query);
    }
  }

  void updatePasswordHash(long id, String passwordHash) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement update = c.prepareStatement(
            "UPDATE demo_user SET password_hash = ? WHERE id = ?")) {
      update.setString(1, passwordHash);
      update.setLong(2, id);
      update.executeUpdate();
    }
  }

  void updateProfileNote(long id, String encryptedNote) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement update = c.prepareStatement(
            "UPDATE demo_user SET profile_note = ? WHERE id = ?")) {
      update.setString(1, encryptedNote);
      update.setLong(2, id);
      update.executeUpdate();
    }
  }

  private static Optional<User> one(PreparedStatement query) throws SQLException {
    try (ResultSet row = query.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      return Optional.of(new User(row.getLong(1), row.getString(2), row.getString(3),
          row.getString(4)));
    }
  }
}
