package dev.bulwark.crypto.password;

/**
 * Thrown by {@link PasswordHasher#hash(char[])} and the verify methods when every hashing permit
 * stayed taken for the whole queue timeout: the machine is already busy hashing (a login flood).
 * The application maps it to {@code 503 Service Unavailable} with a {@code Retry-After} header
 * (or {@code 429} if it limits per client). The message holds no password or hash material.
 *
 * <p>Permits and the queue timeout are set with
 * {@link PasswordHasherBuilder#maxConcurrentHashes(int)} and
 * {@link PasswordHasherBuilder#queueTimeout(java.time.Duration)}.
 */
public final class PasswordHashingBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PasswordHashingBusyException(String message) {
    super(message);
  }
}
