package dev.bulwark.crypto.password;

/**
 * Builds an Argon2id {@link PasswordHasher}; start with {@link PasswordHasher#argon2id()}.
 *
 * <p>Defaults: OWASP's Password Storage Cheat Sheet configuration m=19 MiB (19456 KiB), t=2,
 * p=1, a 16-byte salt and a 32-byte hash. {@code build()} refuses parameters weaker than
 * OWASP's table (memory at least 7 MiB and memory &times; iterations at least 35 MiB, which
 * admits each of its rows: 46/1, 19/2, 12/3, 9/4, 7/5). Not thread-safe; build once.
 */
public final class Argon2idBuilder extends PasswordHasherBuilder<Argon2idBuilder> {

  /** OWASP's minimum memory with two iterations, in KiB (19 MiB). */
  public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
  /** The default number of passes. */
  public static final int DEFAULT_ITERATIONS = 2;
  /** The default number of lanes. */
  public static final int DEFAULT_PARALLELISM = 1;
  static final int MIN_MEMORY_KIB = 7 * 1024;
  static final long MIN_MEMORY_TIMES_ITERATIONS = 35L * 1024;
  static final int DEFAULT_MAX_VERIFY_MEMORY_KIB = 256 * 1024;
  static final int DEFAULT_MAX_VERIFY_ITERATIONS = 16;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  int memoryKiB = DEFAULT_MEMORY_KIB;
  int iterations = DEFAULT_ITERATIONS;
  int parallelism = DEFAULT_PARALLELISM;
  int maxVerifyMemoryKiB = -1;
  private boolean insecureAllowed;

  Argon2idBuilder() {}

  @Override
  Argon2idBuilder self() {
    return this;
  }

  /**
   * Sets the memory per hash.
   *
   * @param kib kibibytes, at least 7168; default {@value #DEFAULT_MEMORY_KIB}
   * @return this builder
   */
  public Argon2idBuilder memoryKiB(int kib) {
    this.memoryKiB = kib;
    return this;
  }

  /**
   * Sets the number of passes over the memory.
   *
   * @param iterations at least 1; default {@value #DEFAULT_ITERATIONS}
   * @return this builder
   */
  public Argon2idBuilder iterations(int iterations) {
    this.iterations = iterations;
    return this;
  }

  /**
   * Sets the number of lanes. Bouncy Castle computes lanes one after another, so more lanes
   * do not make a hash faster here.
   *
   * @param lanes 1 to 255; default {@value #DEFAULT_PARALLELISM}
   * @return this builder
   */
  public Argon2idBuilder parallelism(int lanes) {
    this.parallelism = lanes;
    return this;
  }

  /**
   * Sets the most memory a stored hash may ask for; more is "no match" with
   * {@link PasswordVerification.Reason#UNSUPPORTED_PARAMETERS}. Default 256 MiB, or the
   * configured memory if that is higher. Iterations are capped at 16 or the configured value.
   *
   * @param kib kibibytes, at least the configured memory
   * @return this builder
   */
  public Argon2idBuilder maxVerifyMemoryKiB(int kib) {
    this.maxVerifyMemoryKiB = kib;
    return this;
  }

  /** Tests only: allows parameters below OWASP's table. */
  Argon2idBuilder insecureParametersForTests() {
    this.insecureAllowed = true;
    return this;
  }

  @Override
  public PasswordHasher build() {
    checkCommon();
    if (parallelism < 1 || parallelism > 255) {
      throw new IllegalArgumentException("Argon2id parallelism is " + parallelism
          + "; it must be from 1 to 255 (OWASP: 1)");
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("Argon2id iterations is " + iterations
          + "; it must be at least 1 (OWASP: 2 with 19 MiB)");
    }
    if (memoryKiB < 8 * parallelism) {
      throw new IllegalArgumentException("Argon2id memoryKiB is " + memoryKiB
          + "; it must be at least 8 x parallelism");
    }
    if (!insecureAllowed && (memoryKiB < MIN_MEMORY_KIB
        || (long) memoryKiB * iterations < MIN_MEMORY_TIMES_ITERATIONS)) {
      throw new IllegalArgumentException("Argon2id memoryKiB=" + memoryKiB + ", iterations="
          + iterations + " is weaker than OWASP's minimum; use memoryKiB(19456).iterations(2)"
          + " (the default) or another row of its table (47104/1, 12288/3, 9216/4, 7168/5)");
    }
    int maxMemory = maxVerifyMemoryKiB < 0 ? Math.max(DEFAULT_MAX_VERIFY_MEMORY_KIB, memoryKiB) : maxVerifyMemoryKiB;
    if (maxMemory < memoryKiB) {
      throw new IllegalArgumentException("maxVerifyMemoryKiB is " + maxMemory + "; it must be"
          + " at least memoryKiB (" + memoryKiB + "), or left unset (256 MiB)");
    }
    return PasswordHasher.argon2id(this, maxMemory, Math.max(DEFAULT_MAX_VERIFY_ITERATIONS, iterations));
  }
}
