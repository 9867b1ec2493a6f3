package dev.bulwark.secrets;

/**
 * A secret or configuration value could not be provided. The subclasses say why: it is
 * {@linkplain MissingSecretException missing}, {@linkplain MalformedSecretException malformed},
 * {@linkplain UnsafeSecretException refused as unsafe}, or its
 * {@linkplain SecretSourceException source could not be read}.
 *
 * <p><b>Security.</b> Messages name keys, sources, file paths, line numbers and the expected
 * form; they never contain a value or a fragment of one, and no cause in the chain does either.
 * They are safe to log.
 */
public abstract sealed class SecretsException extends RuntimeException
    permits MissingSecretException, MalformedSecretException, UnsafeSecretException,
        SecretSourceException {

  private static final long serialVersionUID = 1L;

  SecretsException(String message) {
    super(message);
  }

  SecretsException(String message, Throwable cause) {
    super(message, cause);
  }
}
