package dev.bulwark.crypto.password;

import dev.bulwark.crypto.internal.PasswordText;
import dev.bulwark.crypto.password.PasswordVerification.Reason;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Hashes passwords for storage and verifies them against stored hashes of every supported
 * format: {@code $2a$}/{@code $2b$}/{@code $2y$} bcrypt (also with Spring's {@code {bcrypt}}
 * prefix), Bulwark's pre-hashed bcrypt, and Argon2id PHC strings (also {@code {argon2}}).
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHasher.bcrypt()
 *     .cost(12)
 *     .pepper("2026-01", secrets.require("password.pepper"))
 *     .build();
 * }</pre>
 *
 * <p><b>Security guarantees.</b> Passwords are hashed as NFC UTF-8. bcrypt never truncates: a
 * password over 72 bytes is refused by {@link #hash(char[])} unless a pre-hash (long-password
 * mode or a pepper) is configured, and is "no match" against a plain bcrypt hash. {@link
 * #verify(char[], String)} never throws because of what a user typed or a database holds, and
 * compares hashes in constant time. The caller's {@code char[]} is read, not kept and not
 * modified; internal copies are wiped (the bcrypt and Argon2 libraries make copies of their own,
 * which they do not all wipe). No password, hash or key appears in {@code toString} or in an
 * exception message.
 *
 * <p><b>Login floods.</b> At most {@code maxConcurrentHashes} (default: the number of processors)
 * hashes or verifications run at once; a call waits up to {@code queueTimeout} (default 2 s) for
 * a permit, then throws {@link PasswordHashingBusyException}.
 *
 * <p><b>Thread safety.</b> Immutable and thread-safe; build one at start-up and share it.
 */
public final class PasswordHasher {

  static final int BCRYPT_MAX_BYTES = 72;

  private enum Algorithm { BCRYPT, ARGON2ID }

  /** The salt source when none is set: one shared, thread-safe {@link SecureRandom}. */
  private static final class DefaultRandom {
    static final SecureRandom INSTANCE = new SecureRandom();
  }

  private final Algorithm algorithm;
  private final int cost;
  private final boolean preHash;
  private final int maxVerifyCost;
  private final int memoryKiB;
  private final int iterations;
  private final int parallelism;
  private final int maxVerifyMemoryKiB;
  private final int maxVerifyIterations;
  private final @Nullable Pepper pepper;
  private final Map<String, Pepper> peppers;
  private final Semaphore permits;
  private final int permitCount;
  private final Duration queueTimeout;
  private final SecureRandom random;
  private final Runnable onPermit;
  private final String dummyHash;

  private PasswordHasher(PasswordHasherBuilder<?> b, Algorithm algorithm, int cost,
      boolean preHash, int maxVerifyCost, int memoryKiB, int iterations, int parallelism,
      int maxVerifyMemoryKiB, int maxVerifyIterations) {
    this.algorithm = algorithm;
    this.cost = cost;
    this.preHash = preHash;
    this.maxVerifyCost = maxVerifyCost;
    this.memoryKiB = memoryKiB;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.maxVerifyMemoryKiB = maxVerifyMemoryKiB;
    this.maxVerifyIterations = maxVerifyIterations;
    this.pepper = b.pepper;
    Map<String, Pepper> all = new HashMap<>(b.previousPeppers);
    if (b.pepper != null) {
      all.put(Objects.requireNonNull(b.pepper.id()), b.pepper);
    }
    this.peppers = Map.copyOf(all);
    this.permitCount = b.maxConcurrentHashes;
    this.permits = new Semaphore(permitCount, true);
    this.queueTimeout = b.queueTimeout;
    this.random = b.random != null ? b.random : DefaultRandom.INSTANCE;
    this.onPermit = b.onPermit;
    byte[] dummy = new byte[24];
    random.nextBytes(dummy);
    byte[] dummyPassword = Base64.getEncoder().encode(dummy);
    try {
      this.dummyHash = hashBytes(dummyPassword);
    } finally {
      Engines.wipe(dummy);
      Engines.wipe(dummyPassword);
    }
  }

  static PasswordHasher bcrypt(BcryptBuilder b, int maxVerifyCost) {
    return new PasswordHasher(b, Algorithm.BCRYPT, b.cost, b.longPasswords || b.pepper != null,
        maxVerifyCost, 0, 0, 0, Argon2idBuilder.DEFAULT_MAX_VERIFY_MEMORY_KIB,
        Argon2idBuilder.DEFAULT_MAX_VERIFY_ITERATIONS);
  }

  static PasswordHasher argon2id(Argon2idBuilder b, int maxVerifyMemoryKiB,
      int maxVerifyIterations) {
    return new PasswordHasher(b, Algorithm.ARGON2ID, 0, false,
        BcryptBuilder.DEFAULT_MAX_VERIFY_COST, b.memoryKiB, b.iterations,
        b.parallelism, maxVerifyMemoryKiB, maxVerifyIterations);
  }

  /**
   * Starts a bcrypt hasher (cost 12 by default); the recommended choice where bcrypt is
   * required, for example to share hashes with other systems.
   *
   * @return a new builder
   */
  public static BcryptBuilder bcrypt() {
    return new BcryptBuilder();
  }

  /**
   * Starts an Argon2id hasher (OWASP's first choice; m=19 MiB, t=2, p=1 by default).
   *
   * @return a new builder
   */
  public static Argon2idBuilder argon2id() {
    return new Argon2idBuilder();
  }

  /**
   * Hashes a password for storage with a fresh random salt.
   *
   * @param password the password; read, not modified, not kept
   * @return a bcrypt string ({@code $2b$12$...}, or {@code $bulwark-bcrypt$...} when
   *     pre-hashing) or an Argon2id PHC string
   * @throws IllegalArgumentException if the password is empty or not text (an unpaired
   *     surrogate), or, for plain bcrypt, longer than 72 UTF-8 bytes or holding a NUL; the
   *     message names the rule, never the password
   * @throws PasswordHashingBusyException if no permit came within the queue timeout
   */
  public String hash(char[] password) {
    Objects.requireNonNull(password, "password");
    byte[] bytes = PasswordText.utf8Nfc(password);
    if (bytes == null) {
      throw new IllegalArgumentException("password holds an unpaired surrogate; it is not text");
    }
    try {
      if (bytes.length == 0) {
        throw new IllegalArgumentException("password is empty");
      }
      if (algorithm == Algorithm.BCRYPT && !preHash) {
        if (bytes.length > BCRYPT_MAX_BYTES) {
          throw new IllegalArgumentException("password is longer than bcrypt's limit of "
              + BCRYPT_MAX_BYTES + " UTF-8 bytes and would be truncated; refuse it, or enable"
              + " PasswordHasher.bcrypt().longPasswords() (or a pepper) to pre-hash it");
        }
        if (PasswordText.containsNul(bytes)) {
          throw new IllegalArgumentException("password holds a NUL character, where other bcrypt"
              + " implementations stop reading; refuse it, or enable longPasswords()");
        }
      }
      return guarded(() -> hashBytes(bytes));
    } finally {
      Engines.wipe(bytes);
    }
  }

  /**
   * Verifies a password against a stored hash of any supported format.
   *
   * <p>Never throws because of the password or the stored hash: a malformed, unsupported or
   * too-expensive stored hash, an unknown pepper id and an unusable candidate are "no match"
   * with a {@link PasswordVerification#reason() reason}. On a match, {@code needsRehash()} tells
   * whether the stored hash differs from this hasher's configuration.
   *
   * @param password the candidate; read, not modified, not kept
   * @param storedHash the stored hash
   * @return the outcome
   * @throws PasswordHashingBusyException if no permit came within the queue timeout
   */
  public PasswordVerification verify(char[] password, String storedHash) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(storedHash, "storedHash");
    StoredHash parsed;
    try {
      parsed = StoredHash.parse(storedHash);
    } catch (StoredHash.Refused refused) {
      return PasswordVerification.noMatch(refused.reason);
    }
    byte[] bytes = PasswordText.utf8Nfc(password);
    if (bytes == null) {
      return PasswordVerification.noMatch(Reason.CANDIDATE_INVALID);
    }
    try {
      if (parsed instanceof StoredHash.Bcrypt) {
        return verifyBcrypt((StoredHash.Bcrypt) parsed, bytes);
      }
      return verifyArgon2id((StoredHash.Argon2id) parsed, bytes);
    } finally {
      Engines.wipe(bytes);
    }
  }

  /**
   * Spends the time of a real verification when the user does not exist, so a login endpoint's
   * response time does not tell an attacker which accounts exist: it verifies the password
   * against a dummy hash made by {@code build()} with this configuration.
   *
   * @param password the candidate; read, not modified, not kept
   * @return always "no match" with {@link PasswordVerification.Reason#UNKNOWN_USER}
   * @throws PasswordHashingBusyException if no permit came within the queue timeout
   */
  public PasswordVerification verifyUnknownUser(char[] password) {
    verify(password, dummyHash);
    return PasswordVerification.noMatch(Reason.UNKNOWN_USER);
  }

  private PasswordVerification verifyBcrypt(StoredHash.Bcrypt stored, byte[] candidate) {
    if (stored.cost > maxVerifyCost) {
      return PasswordVerification.noMatch(Reason.UNSUPPORTED_PARAMETERS);
    }
    Pepper key = null;
    if (stored.preHashed) {
      key = stored.keyId == null ? Pepper.UNKEYED : peppers.get(stored.keyId);
      if (key == null) {
        return PasswordVerification.noMatch(Reason.UNKNOWN_PEPPER);
      }
    } else if (candidate.length > BCRYPT_MAX_BYTES) {
      return PasswordVerification.noMatch(Reason.CANDIDATE_TOO_LONG);
    } else if (PasswordText.containsNul(candidate)) {
      return PasswordVerification.noMatch(Reason.CANDIDATE_INVALID);
    }
    Pepper preHashKey = key;
    boolean equal = guarded(() -> {
      byte[] input = preHashKey == null ? candidate : preHashKey.preHash(candidate);
      try {
        return MessageDigest.isEqual(
            Engines.bcryptHashChars(stored.cost, stored.salt, input), stored.hashChars);
      } finally {
        if (input != candidate) {
          Engines.wipe(input);
        }
      }
    });
    if (!equal) {
      return PasswordVerification.noMatch(Reason.MISMATCH);
    }
    boolean current = algorithm == Algorithm.BCRYPT && !stored.springPrefix
        && stored.minor == 'b' && stored.cost == cost && stored.preHashed == preHash
        && Objects.equals(stored.keyId, pepper == null ? null : pepper.id());
    return PasswordVerification.match(!current);
  }

  private PasswordVerification verifyArgon2id(StoredHash.Argon2id stored, byte[] candidate) {
    if (stored.memoryKiB > maxVerifyMemoryKiB || stored.iterations > maxVerifyIterations) {
      return PasswordVerification.noMatch(Reason.UNSUPPORTED_PARAMETERS);
    }
    Pepper key = null;
    if (stored.keyId != null) {
      key = peppers.get(stored.keyId);
      if (key == null) {
        return PasswordVerification.noMatch(Reason.UNKNOWN_PEPPER);
      }
    }
    Pepper secretKey = key;
    boolean equal = guarded(() -> {
      byte[] secret = secretKey == null ? null : secretKey.keyBytes();
      try {
        return MessageDigest.isEqual(Engines.argon2id(candidate, stored.salt, stored.memoryKiB,
            stored.iterations, stored.parallelism, secret, stored.hash.length), stored.hash);
      } finally {
        Engines.wipe(secret);
      }
    });
    if (!equal) {
      return PasswordVerification.noMatch(Reason.MISMATCH);
    }
    boolean current = algorithm == Algorithm.ARGON2ID && !stored.springPrefix
        && stored.memoryKiB == memoryKiB && stored.iterations == iterations
        && stored.parallelism == parallelism
        && stored.salt.length == Argon2idBuilder.SALT_BYTES
        && stored.hash.length == Argon2idBuilder.HASH_BYTES
        && Objects.equals(stored.keyId, pepper == null ? null : pepper.id());
    return PasswordVerification.match(!current);
  }

  /** Hashes NFC UTF-8 bytes already checked against this configuration's rules. */
  private String hashBytes(byte[] bytes) {
    if (algorithm == Algorithm.ARGON2ID) {
      byte[] salt = new byte[Argon2idBuilder.SALT_BYTES];
      random.nextBytes(salt);
      byte[] secret = pepper == null ? null : pepper.keyBytes();
      try {
        byte[] hash = Engines.argon2id(bytes, salt, memoryKiB, iterations, parallelism, secret,
            Argon2idBuilder.HASH_BYTES);
        return Engines.argon2idString(memoryKiB, iterations, parallelism,
            pepper == null ? null : pepper.id(), salt, hash);
      } finally {
        Engines.wipe(secret);
      }
    }
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    if (!preHash) {
      return Engines.bcryptString(cost, salt, Engines.bcryptHashChars(cost, salt, bytes));
    }
    Pepper key = pepper == null ? Pepper.UNKEYED : pepper;
    byte[] input = key.preHash(bytes);
    try {
      return StoredHash.BULWARK_BCRYPT + "v=1" + (pepper == null ? "" : ",k=" + pepper.id())
          + Engines.bcryptString(cost, salt, Engines.bcryptHashChars(cost, salt, input));
    } finally {
      Engines.wipe(input);
    }
  }

  private <T> T guarded(Supplier<T> work) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PasswordHashingBusyException("interrupted while waiting for a password-hashing"
          + " permit");
    }
    if (!acquired) {
      throw new PasswordHashingBusyException("all " + permitCount + " password-hashing permits"
          + " stayed busy for " + queueTimeout + "; answer 503 with Retry-After (or 429)");
    }
    try {
      onPermit.run();
      return work.get();
    } finally {
      permits.release();
    }
  }

  /**
   * Describes the configuration: algorithm, parameters and the current pepper id. Never a key.
   *
   * @return for example {@code PasswordHasher[bcrypt cost=12, pepper=2026-01]}
   */
  @Override
  public String toString() {
    String params = algorithm == Algorithm.BCRYPT
        ? "bcrypt cost=" + cost + (preHash && pepper == null ? ", longPasswords" : "")
        : "argon2id m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
    return "PasswordHasher[" + params + (pepper == null ? "" : ", pepper=" + pepper.id()) + "]";
  }
}
