package dev.bulwark.crypto.password;

import dev.bulwark.secrets.Secret;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every {@link PasswordHasher} builder sets: the pepper and its previous keys, the
 * login-flood guard, and the source of salts. Not thread-safe; build once at start-up.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract sealed class PasswordHasherBuilder<B extends PasswordHasherBuilder<B>>
    permits BcryptBuilder, Argon2idBuilder {

  @Nullable Pepper pepper;
  final Map<String, Pepper> previousPeppers = new LinkedHashMap<>();
  int maxConcurrentHashes = Runtime.getRuntime().availableProcessors();
  Duration queueTimeout = Duration.ofSeconds(2);
  @Nullable SecureRandom random;
  /** Test hook: runs while a permit is held, before hashing. */
  Runnable onPermit = () -> {};

  PasswordHasherBuilder() {}

  abstract B self();

  /**
   * Peppers every new hash with HMAC under {@code key}, a secret kept outside the database
   * (load it with {@code Secrets.require(...)}). The key id is stored in each hash, so keys can
   * rotate: move the old key to {@link #previousPepper(String, Secret)} and hashes made with it
   * keep verifying and report {@code needsRehash()}. The key bytes are copied.
   *
   * @param keyId 1 to 32 characters from {@code [A-Za-z0-9_-]}, for example {@code "2026-01"}
   * @param key at least 32 bytes, for example {@code openssl rand -base64 48}
   * @return this builder
   * @throws IllegalArgumentException if the id or the key is unfit
   */
  public B pepper(String keyId, Secret key) {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(key, "key");
    this.pepper = Pepper.of(keyId, key, "pepper");
    return self();
  }

  /**
   * Adds an older pepper key that hashes may still carry; they verify and report
   * {@code needsRehash()}. New hashes never use it.
   *
   * @param keyId the id stored in the old hashes
   * @param key the old key
   * @return this builder
   * @throws IllegalArgumentException if the id or the key is unfit, or the id was added before
   */
  public B previousPepper(String keyId, Secret key) {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(key, "key");
    if (previousPeppers.containsKey(keyId)) {
      throw new IllegalArgumentException("previousPepper \"" + keyId + "\" was added twice;"
          + " each key id names one key");
    }
    previousPeppers.put(keyId, Pepper.of(keyId, key, "previousPepper"));
    return self();
  }

  /**
   * Sets how many hashes or verifications may run at once (default: the number of processors).
   * Further calls wait up to {@link #queueTimeout(Duration)} for a permit.
   *
   * @param permits at least 1
   * @return this builder
   */
  public B maxConcurrentHashes(int permits) {
    this.maxConcurrentHashes = permits;
    return self();
  }

  /**
   * Sets how long a call waits for a permit before it throws
   * {@link PasswordHashingBusyException} (default 2 seconds; zero means do not wait).
   *
   * @param timeout zero or positive
   * @return this builder
   */
  public B queueTimeout(Duration timeout) {
    this.queueTimeout = Objects.requireNonNull(timeout, "timeout");
    return self();
  }

  /**
   * Sets the source of salts (default: a new {@link SecureRandom}).
   *
   * @param random a secure random
   * @return this builder
   */
  public B secureRandom(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
    return self();
  }

  B onPermit(Runnable hook) {
    this.onPermit = Objects.requireNonNull(hook, "hook");
    return self();
  }

  /**
   * Checks every setting and builds the hasher. Also makes the dummy hash that
   * {@link PasswordHasher#verifyUnknownUser(char[])} verifies against, which costs one hash.
   *
   * @return a thread-safe hasher
   * @throws IllegalArgumentException naming the setting and the fix, if a setting is unfit
   */
  public abstract PasswordHasher build();

  void checkCommon() {
    if (maxConcurrentHashes < 1) {
      throw new IllegalArgumentException("maxConcurrentHashes is " + maxConcurrentHashes
          + "; it must be at least 1 (the default is the number of processors)");
    }
    if (queueTimeout.isNegative()) {
      throw new IllegalArgumentException("queueTimeout is negative; use Duration.ZERO to fail"
          + " at once when every permit is taken");
    }
    if (pepper != null && previousPeppers.containsKey(pepper.id())) {
      throw new IllegalArgumentException("pepper \"" + pepper.id() + "\" is also a"
          + " previousPepper; a key id names one key, so give the new key a new id");
    }
  }
}
