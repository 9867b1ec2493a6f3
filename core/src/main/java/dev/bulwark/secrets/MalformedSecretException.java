package dev.bulwark.secrets;

/**
 * A value was found but does not have the form a typed getter expects, for example
 * {@code db.pool.size (from environment DB_POOL_SIZE) is not a decimal integer between
 * -2147483648 and 2147483647}.
 *
 * <p>The message names the key, where the value came from and the expected form; it never
 * contains the value, and the exception has no cause (the JDK's parse exceptions quote their
 * input).
 */
public final class MalformedSecretException extends SecretsException {

  private static final long serialVersionUID = 1L;

  private final String name;

  MalformedSecretException(String name, String place, String expected) {
    super(name + " (from " + place + ") is not " + expected);
    this.name = name;
  }

  /**
   * Returns the key whose value is malformed.
   *
   * @return the key, as given by the caller
   */
  public String name() {
    return name;
  }
}
