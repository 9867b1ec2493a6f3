package dev.bulwark.crypto.envelope;

import dev.bulwark.secrets.Secret;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * How a {@link LocalKeyset} file is encrypted: under a <b>master secret</b> (at least 32 bytes of
 * random key material, stretched by HKDF-SHA256 alone) or under a <b>passphrase</b> a person
 * types (stretched by the memory-hard Argon2id with a random 16-byte salt, its parameters stored
 * in the file's header). Choose the master secret when a machine holds the secret (an
 * environment variable, a secrets manager); choose a passphrase when a person does.
 *
 * <p>Passphrase defaults: m=64 MiB, t=3, p=1, paid on every unlock (stronger than OWASP's
 * password-storage minimum because a stolen keyset file can be attacked offline forever; the
 * Java heap must have room for the memory cost). Parameters must meet OWASP's Argon2id table (memory at
 * least 7 MiB and memory &times; iterations at least 35 MiB) and stay within the caps every
 * reader enforces: memory at most 262144 KiB (256 MiB), iterations at most 16, parallelism at
 * most 16. A passphrase has at least
 * {@value #MIN_PASSPHRASE_BYTES} bytes (UTF-8).
 *
 * <p>An instance holds the {@link Secret} it was given, not a copy; {@link #destroy()} destroys
 * that secret, and {@code toString} never shows it. Thread-safe.
 */
public final class KeysetProtection implements Destroyable {

  /** The two kinds of secret a keyset file is encrypted under. */
  public enum Kind {
    /** Random key material, at least 32 bytes; HKDF-SHA256, no work factor. */
    MASTER_SECRET,
    /** A passphrase; Argon2id. */
    PASSPHRASE
  }

  /** The default Argon2id memory, in KiB (64 MiB). */
  public static final int DEFAULT_MEMORY_KIB = 64 * 1024;
  /** The default Argon2id passes. */
  public static final int DEFAULT_ITERATIONS = 3;
  /** The default Argon2id lanes. */
  public static final int DEFAULT_PARALLELISM = 1;
  /** The shortest passphrase accepted for a new keyset, in UTF-8 bytes. */
  public static final int MIN_PASSPHRASE_BYTES = 12;
  private static final int MIN_MEMORY_KIB = 7 * 1024;
  private static final long MIN_MEMORY_TIMES_ITERATIONS = 35L * 1024;

  private final Kind kind;
  private final Secret secret;
  private final int memoryKiB;
  private final int iterations;
  private final int parallelism;

  private KeysetProtection(Kind kind, Secret secret, int memoryKiB, int iterations,
      int parallelism) {
    this.kind = kind;
    this.secret = secret;
    this.memoryKiB = memoryKiB;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  /**
   * Encryption under a master secret (HKDF-SHA256).
   *
   * @param masterSecret at least 32 bytes of random key material
   * @return the protection
   * @throws IllegalArgumentException if the secret is shorter than 32 bytes
   */
  public static KeysetProtection masterSecret(Secret masterSecret) {
    Objects.requireNonNull(masterSecret, "masterSecret");
    KeysetFileFormat.checkMasterSecretLength(masterSecret);
    return new KeysetProtection(Kind.MASTER_SECRET, masterSecret, 0, 0, 0);
  }

  /**
   * Encryption under a passphrase, with Argon2id at the default parameters.
   *
   * @param passphrase at least {@value #MIN_PASSPHRASE_BYTES} bytes
   * @return the protection
   * @throws IllegalArgumentException if the passphrase is too short
   */
  public static KeysetProtection passphrase(Secret passphrase) {
    return passphrase(passphrase, DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
  }

  /**
   * Encryption under a passphrase, with Argon2id at the given parameters.
   *
   * @param passphrase at least {@value #MIN_PASSPHRASE_BYTES} bytes
   * @param memoryKiB memory per unlock in KiB, 7168 to 262144
   * @param iterations passes, 1 to 16 (memory &times; iterations at least 35 MiB)
   * @param parallelism lanes, 1 to 16
   * @return the protection
   * @throws IllegalArgumentException if the passphrase is too short or a parameter is out of
   *     range (the message names it)
   */
  public static KeysetProtection passphrase(Secret passphrase, int memoryKiB, int iterations,
      int parallelism) {
    Objects.requireNonNull(passphrase, "passphrase");
    String problem = KeysetFileFormat.checkArgon2(memoryKiB, iterations, parallelism);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (memoryKiB < MIN_MEMORY_KIB || (long) memoryKiB * iterations < MIN_MEMORY_TIMES_ITERATIONS) {
      throw new IllegalArgumentException("Argon2id memory " + memoryKiB + " KiB with "
          + iterations + " iterations is weaker than OWASP's minimum (at least 7168 KiB and "
          + "memory x iterations at least 35840 KiB); the default is 65536 KiB x 3");
    }
    if (passphrase.withBytes(bytes -> bytes.length) < MIN_PASSPHRASE_BYTES) {
      throw new IllegalArgumentException("the passphrase must have at least "
          + MIN_PASSPHRASE_BYTES + " bytes");
    }
    return new KeysetProtection(Kind.PASSPHRASE, passphrase, memoryKiB, iterations, parallelism);
  }

  /**
   * The kind of secret.
   *
   * @return master secret or passphrase
   */
  public Kind kind() {
    return kind;
  }

  Secret secret() {
    return secret;
  }

  int memoryKiB() {
    return memoryKiB;
  }

  int iterations() {
    return iterations;
  }

  int parallelism() {
    return parallelism;
  }

  /** Destroys the held secret (see {@link Secret#destroy()}). */
  @Override
  public void destroy() {
    secret.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return secret.isDestroyed();
  }

  @Override
  public String toString() {
    return kind == Kind.MASTER_SECRET ? "KeysetProtection[master secret, HKDF-SHA256]"
        : "KeysetProtection[passphrase, Argon2id m=" + memoryKiB + " KiB, t=" + iterations
            + ", p=" + parallelism + "]";
  }
}
