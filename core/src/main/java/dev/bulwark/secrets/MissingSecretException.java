package dev.bulwark.secrets;

import java.util.List;

/**
 * A required key was found in none of the configured sources. The message names the key and
 * every place looked at, in order, for example {@code secret db.password not found; looked at:
 * system property db.password, environment DB_PASSWORD, environment DB_PASSWORD_FILE, file
 * /run/secrets/db.password, file /run/secrets/db_password, .env /app/.env (file absent)}.
 *
 * <p>It carries no value, because there is none; it is safe to log.
 */
public final class MissingSecretException extends SecretsException {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final String[] placesLooked;

  MissingSecretException(String name, List<String> placesLooked) {
    super("secret " + name + " not found; looked at: " + String.join(", ", placesLooked)
        + ". Set one of them, or pass a default where the value is optional");
    this.name = name;
    this.placesLooked = placesLooked.toArray(new String[0]);
  }

  /**
   * Returns the key that was asked for, as given by the caller.
   *
   * @return the key
   */
  public String name() {
    return name;
  }

  /**
   * Returns the places looked at, in the order they were consulted, for example
   * {@code environment DB_PASSWORD}.
   *
   * @return an unmodifiable list of descriptions
   */
  public List<String> placesLooked() {
    return List.of(placesLooked);
  }
}
