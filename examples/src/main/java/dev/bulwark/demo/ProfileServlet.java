package dev.bulwark.demo;

import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.security.GeneralSecurityException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET}/{@code PUT /api/profile}: the signed-in user's private note,
 * {@code {"username": "...", "note": "..."}}. The note is stored envelope-encrypted
 * ({@link ProfileVault}) with the user's id as associated data, and decrypted only for its owner;
 * there is no way to ask for another user's profile. 401 when not signed in.
 */
final class ProfileServlet extends DemoServlet {

  static final int MAX_NOTE = 1000;

  private final Users users;
  private final ProfileVault vault;

  ProfileServlet(Users users, ProfileVault vault) {
    super("GET", "PUT");
    this.users = users;
    this.vault = vault;
  }

  @Override
  void handle(String method, HttpServletRequest request, HttpServletResponse response)
      throws ClientError, IOException, SQLException, GeneralSecurityException {
    SignedIn user = SignedIn.require(request);
    if (method.equals("PUT")) {
      String note = Requests.string(Requests.jsonObject(request), "note");
      if (note == null) {
        throw ClientError.badRequest("Send {\"note\": \"...\"}.");
      }
      if (note.length() > MAX_NOTE) {
        throw ClientError.tooLarge("The note holds at most " + MAX_NOTE + " characters.");
      }
      users.updateProfileNote(user.id(), vault.encrypt(user.id(), note));
    }
    JsonObject body = new JsonObject();
    body.addProperty("username", user.username());
    body.addProperty("note", note(user));
    Responses.json(response, 200, body);
  }

  /** The decrypted note, or null when none is stored. */
  @Nullable String note(SignedIn user)
      throws ClientError, SQLException, GeneralSecurityException {
    Users.User row = users.byId(user.id())
        .orElseThrow(() -> ClientError.unauthorized("Sign in first."));
    String token = row.profileNote();
    return token == null ? null : vault.decrypt(user.id(), token);
  }
}
