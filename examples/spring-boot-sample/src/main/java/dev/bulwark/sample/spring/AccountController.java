package dev.bulwark.sample.spring;

import dev.bulwark.crypto.password.PasswordHasher;
import dev.bulwark.crypto.password.PasswordHashingBusyException;
import dev.bulwark.crypto.password.PasswordVerification;
import dev.bulwark.validate.Rule;
import dev.bulwark.validate.Rules;
import dev.bulwark.validate.Violation;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up and log-in with {@link PasswordHasher} (bcrypt), users kept in memory.
 *
 * <p>{@code POST /signup} and {@code POST /login} take {@code {"username": ..., "password": ...}}.
 * Sign-up answers 201, or 400/409 as {@code application/problem+json}; log-in answers 200 or
 * 401 with the same message whether the user is unknown or the password wrong, and spends the
 * same bcrypt time in both cases ({@link PasswordHasher#verifyUnknownUser(char[])}), so neither
 * the answer nor its timing tells an attacker which accounts exist. Failed log-ins are what the
 * {@code login} rate limit counts (see {@link BulwarkFilterConfiguration}).
 *
 * <p>A real application stores the hashes in its database and rehashes on log-in when {@link
 * PasswordVerification#needsRehash()} says so, as {@link #login(Credentials)} shows.
 */
@RestController
public class AccountController {

  private static final Rule USERNAME =
      Rules.pattern(Pattern.compile("[A-Za-z0-9._-]{3,64}"), 64, "3 to 64 letters, digits, . _ -");

  private final PasswordHasher hasher;
  private final int maxUsers;
  private final Map<String, String> hashes = new ConcurrentHashMap<>();

  /**
   * Creates the controller.
   *
   * @param bcryptCost the bcrypt cost (work factor), at least 10
   * @param maxUsers how many accounts the in-memory store holds
   */
  public AccountController(
      @Value("${bulwark.sample.bcrypt-cost:12}") int bcryptCost,
      @Value("${bulwark.sample.max-users:10000}") int maxUsers) {
    this.hasher = PasswordHasher.bcrypt().cost(bcryptCost).build();
    this.maxUsers = maxUsers;
  }

  /**
   * A user name and password, as JSON.
   *
   * @param username the user name
   * @param password the password
   */
  public record Credentials(@Nullable String username, @Nullable String password) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=(redacted)]";
    }
  }

  /**
   * Creates an account.
   *
   * @param credentials the new user name and password
   * @return 201, or a problem
   */
  @PostMapping("/signup")
  public ResponseEntity<?> signup(@RequestBody Credentials credentials) {
    String username = credentials.username();
    String password = credentials.password();
    if (username == null || password == null) {
      return problem(HttpStatus.BAD_REQUEST, "username and password are required");
    }
    Optional<Violation> bad = USERNAME.check(username);
    if (bad.isPresent()) {
      return problem(HttpStatus.BAD_REQUEST, "username " + bad.get().message());
    }
    if (password.length() < 8) {
      return problem(HttpStatus.BAD_REQUEST, "password must be at least 8 characters");
    }
    if (hashes.size() >= maxUsers) {
      return problem(HttpStatus.SERVICE_UNAVAILABLE, "no room for more accounts");
    }
    char[] chars = password.toCharArray();
    String hash;
    try {
      hash = hasher.hash(chars);
    } catch (IllegalArgumentException e) {
      // The message names the rule (too long for bcrypt, a NUL), never the password.
      return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (PasswordHashingBusyException e) {
      return problem(HttpStatus.SERVICE_UNAVAILABLE, "busy, try again shortly");
    } finally {
      Arrays.fill(chars, '\0');
    }
    if (hashes.putIfAbsent(username, hash) != null) {
      return problem(HttpStatus.CONFLICT, "that username is taken");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("username", username));
  }

  /**
   * Checks a user name and password.
   *
   * @param credentials the user name and password
   * @return 200, or 401 with one message for every kind of failure
   */
  @PostMapping("/login")
  public ResponseEntity<?> login(@RequestBody Credentials credentials) {
    String username = credentials.username();
    String password = credentials.password();
    if (username == null || password == null) {
      return problem(HttpStatus.BAD_REQUEST, "username and password are required");
    }
    char[] chars = password.toCharArray();
    try {
      String stored = hashes.get(username);
      PasswordVerification result =
          stored == null ? hasher.verifyUnknownUser(chars) : hasher.verify(chars, stored);
      if (!result.matches()) {
        return problem(HttpStatus.UNAUTHORIZED, "wrong username or password");
      }
      if (result.needsRehash()) {
        hashes.replace(username, stored, hasher.hash(chars));
      }
      return ResponseEntity.ok(Map.of("username", username));
    } catch (PasswordHashingBusyException e) {
      return problem(HttpStatus.SERVICE_UNAVAILABLE, "busy, try again shortly");
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
