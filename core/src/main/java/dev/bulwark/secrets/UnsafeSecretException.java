package dev.bulwark.secrets;

/**
 * A value or its source was refused as unsafe: a secret file or {@code .env} file that group or
 * others may read or write (see {@link PermissionCheck}), or a value that looks like a
 * placeholder when {@link SecretsBuilder#refusePlaceholders()} is on.
 *
 * <p>The message names the key or file and the fix; it never contains the value.
 */
public final class UnsafeSecretException extends SecretsException {

  private static final long serialVersionUID = 1L;

  UnsafeSecretException(String message) {
    super(message);
  }
}
