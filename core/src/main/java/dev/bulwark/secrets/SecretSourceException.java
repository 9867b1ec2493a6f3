package dev.bulwark.secrets;

/**
 * A source could not be read or is misconfigured: an I/O error, a file that is too large, not a
 * regular file or not UTF-8 text, a syntax error in a {@code .env} file (reported with its line
 * number), or both {@code NAME} and {@code NAME_FILE} set in the environment.
 *
 * <p>The message names the file, line or variable; it never echoes the content of a line or a
 * value.
 */
public final class SecretSourceException extends SecretsException {

  private static final long serialVersionUID = 1L;

  SecretSourceException(String message) {
    super(message);
  }

  SecretSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
