package dev.bulwark.demo;

import dev.bulwark.crypto.password.PasswordHasher;
import dev.bulwark.crypto.password.PasswordVerification;
import dev.bulwark.validate.Rules;
import dev.bulwark.validate.Validation;
import dev.bulwark.validate.ValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.security.GeneralSecurityException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /signup}, {@code POST /login} and {@code POST /logout}, form posts answered with a
 * 303 to the home page. Passwords are hashed with bcrypt ({@link PasswordHasher}); a log-in with
 * a hash made under older settings is rehashed ({@code needsRehash}). An unknown user and a wrong
 * password get the same 401 and, thanks to {@code verifyUnknownUser}, take the same time.
 */
final class AccountServlet extends DemoServlet {

  static final String WRONG = "Unknown user name or wrong password.";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{3,32}");

  private final Users users;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;

  AccountServlet(Users users, PasswordHasher hasher, LoginThrottle throttle) {
    super("POST");
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
  }

  @Override
  void handle(String method, HttpServletRequest request, HttpServletResponse response)
      throws ClientError, IOException, SQLException, GeneralSecurityException {
    switch (request.getServletPath()) {
      case "/signup" -> signUp(request, response);
      case "/login" -> logIn(request, response);
      default -> {
        SignedIn.end(request);                   // Clear-Site-Data comes from the headers policy
        Responses.seeHome(response);
      }
    }
  }

  private void signUp(HttpServletRequest request, HttpServletResponse response)
      throws ClientError, IOException, SQLException, GeneralSecurityException {
    String username = Requests.formField(request, "username");
    String password = Requests.formField(request, "password");
    ValidationResult result = Validation.builder()
        .field("username", username,
            Rules.pattern(NAME, 32, "3 to 32 letters, digits, '.', '_' or '-'"))
        .field("password", password, Rules.length(8, 1024))
        .validate();
    if (!result.isValid() || username == null || password == null) {
      throw ClientError.badRequest("Choose a user name of 3 to 32 letters, digits, '.', '_' or"
          + " '-', and a password of 8 to 1024 characters.");
    }
    char[] chars = password.toCharArray();
    String hash;
    try {
      hash = hasher.hash(chars);
    } catch (IllegalArgumentException e) {
      throw ClientError.badRequest("That password cannot be used (it is not valid text).");
    } finally {
      Arrays.fill(chars, '\0');
    }
    Optional<Long> id = users.create(username, hash);
    if (id.isEmpty()) {
      throw new ClientError(409, "Conflict", "That user name is taken; choose another.");
    }
    SignedIn.start(request, id.get(), username);
    Responses.seeHome(response);
  }

  private void logIn(HttpServletRequest request, HttpServletResponse response)
      throws ClientError, IOException, SQLException, GeneralSecurityException {
    String username = Requests.formField(request, "username");
    String password = Requests.formField(request, "password");
    if (username == null || password == null || username.isEmpty() || password.isEmpty()) {
      throw ClientError.badRequest("Give a user name and a password.");
    }
    if (username.length() > 64 || password.length() > 1024) {
      throw ClientError.unauthorized(WRONG);
    }
    throttle.admit(username, response);
    Optional<Users.User> user = users.byName(username);
    char[] chars = password.toCharArray();
    try {
      PasswordVerification verification = user.isPresent()
          ? hasher.verify(chars, user.get().passwordHash())
          : hasher.verifyUnknownUser(chars);
      if (!verification.matches() || user.isEmpty()) {
        throttle.failed(username, response);
        throw ClientError.unauthorized(WRONG);
      }
      if (verification.needsRehash()) {
        users.updatePasswordHash(user.get().id(), hasher.hash(chars));
      }
    } finally {
      Arrays.fill(chars, '\0');
    }
    SignedIn.start(request, user.get().id(), user.get().username());
    Responses.seeHome(response);
  }
}
