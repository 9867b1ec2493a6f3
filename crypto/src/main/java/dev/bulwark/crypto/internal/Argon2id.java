package dev.bulwark.crypto.internal;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

/**
 * Argon2id (RFC 9106, version 0x13) on Bouncy Castle's lightweight API, for the password hasher
 * and for keyset passphrases. No policy here: callers check the parameters against their own
 * minimums and caps before calling. Bouncy Castle computes the lanes one after another, so
 * {@code parallelism} changes the output but not the time.
 */
public final class Argon2id {

  private Argon2id() {
  }

  /**
   * Computes Argon2id.
   *
   * @param password the password bytes (not wiped)
   * @param salt the salt
   * @param memoryKiB memory in KiB, at least {@code 8 * parallelism}
   * @param iterations passes, at least 1
   * @param parallelism lanes, 1 to 255
   * @param secret the optional secret key (K in RFC 9106), e.g. a pepper; not wiped
   * @param hashLength the output length in bytes
   * @return the hash; the caller wipes it
   */
  public static byte[] hash(byte[] password, byte[] salt, int memoryKiB, int iterations,
      int parallelism, byte @Nullable [] secret, int hashLength) {
    Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKiB)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt);
    if (secret != null) {
      builder.withSecret(secret);
    }
    Argon2Parameters parameters = builder.build();
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(parameters);
      byte[] out = new byte[hashLength];
      generator.generateBytes(password, out);
      return out;
    } finally {
      parameters.clear();
    }
  }
}
