package dev.bulwark.secrets;

import java.util.List;
import java.util.Objects;

/**
 * A validated key and its spelling in each source.
 *
 * <p>A name is 1 to {@value #MAX_LENGTH} ASCII characters from {@code [A-Za-z0-9_.-]}, starting
 * with a letter or an underscore. That rules out {@code /}, {@code \}, NUL, {@code ..} and hidden
 * files, so a name can never escape the secrets directory.
 *
 * <ul>
 *   <li>system property and secrets-directory file: the name as given ({@code db.password});</li>
 *   <li>environment and {@code .env}: upper-cased, {@code .} and {@code -} replaced by
 *       {@code _} ({@code DB_PASSWORD}); the file variable adds {@code _FILE};</li>
 *   <li>secrets-directory file, second choice: the environment spelling lower-cased
 *       ({@code db_password}), when it differs from the name as given.</li>
 * </ul>
 */
final class SecretName {

  static final int MAX_LENGTH = 128;

  private final String name;
  private final String environmentKey;
  private final List<String> fileNames;

  private SecretName(String name) {
    this.name = name;
    StringBuilder env = new StringBuilder(name.length());
    StringBuilder lower = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      char e = c == '.' || c == '-' ? '_' : Ascii.toUpper(c);
      env.append(e);
      lower.append(Ascii.toLower(e));
    }
    this.environmentKey = env.toString();
    String lowerName = lower.toString();
    this.fileNames = lowerName.equals(name) ? List.of(name) : List.of(name, lowerName);
  }

  /**
   * Validates {@code name}.
   *
   * @throws IllegalArgumentException naming the rule that {@code name} breaks; the message does
   *     not echo the name, which may hold control characters or, by mistake, a value
   */
  static SecretName of(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("secret name is empty");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "secret name is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\' || c == '\0') {
        throw new IllegalArgumentException("secret name contains '/', '\\' or NUL at index " + i
            + ", which could escape the secrets directory; use letters, digits, '_', '.', '-'");
      }
    }
    if (name.charAt(0) == '.') {
      throw new IllegalArgumentException("secret name starts with '.', which could name a hidden"
          + " file or escape the secrets directory; start with a letter or '_'");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = Ascii.isLetter(c) || c == '_';
      boolean allowed = letter || (i > 0 && (Ascii.isDigit(c) || c == '.' || c == '-'));
      if (!allowed) {
        throw new IllegalArgumentException("secret name has a character at index " + i
            + " that is not allowed there; a name matches [A-Za-z_][A-Za-z0-9_.-]*");
      }
    }
    return new SecretName(name);
  }

  /** The name as the caller gave it; also the system property key. */
  String name() {
    return name;
  }

  /** The environment variable and {@code .env} key, e.g. {@code DB_PASSWORD}. */
  String environmentKey() {
    return environmentKey;
  }

  /** The variable naming a file that holds the value, e.g. {@code DB_PASSWORD_FILE}. */
  String fileVariable() {
    return environmentKey + "_FILE";
  }

  /** File names to try in the secrets directory, in order; one or two distinct names. */
  List<String> fileNames() {
    return fileNames;
  }

  @Override
  public String toString() {
    return name;
  }
}
