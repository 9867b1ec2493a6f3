package dev.bulwark.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code demo_comment} table. Bodies are stored as the author wrote them and sanitized each
 * time they are shown (with the rich-text sanitizer), so a stricter policy applies to old comments too.
 * Thread-safe.
 */
final class Comments {

  /** The longest body accepted, in characters. */
  static final int MAX_BODY = 10_000;
  /** How many comments a page or the API shows. */
  static final int PAGE = 50;

  /** A stored comment; {@code body} is untrusted markup. */
  record Comment(long id, String author, String body, Instant createdAt) {}

  private final Database database;

  Comments(Database database) {
    this.database = database;
  }

  Comment add(String author, String body, Instant now) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO demo_comment (author, body_html, created_at) VALUES (?, ?, ?)",
            new String[] {"id"})) {
      insert.setString(1, author);
      insert.setString(2, body);
      insert.setLong(3, now.toEpochMilli());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new comment");
        }
        return new Comment(keys.getLong(1), author, body, Instant.ofEpochMilli(now.toEpochMilli()));
      }
    }
  }

  List<Comment> latest() throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement query = c.prepareStatement("SELECT id, author, body_html, created_at"
            + " FROM demo_comment ORDER BY id DESC FETCH FIRST " + PAGE + " ROWS ONLY");
        ResultSet rows = query.executeQuery()) {
      List<Comment> comments = new ArrayList<>();
      while (rows.next()) {
        comments.add(new Comment(rows.getLong(1), rows.getString(2), rows.getString(3),
            Instant.ofEpochMilli(rows.getLong(4))));
      }
      return comments;
    }
  }
}
