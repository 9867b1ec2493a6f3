package dev.bulwark.crypto.password;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.Radix64Encoder;
import dev.bulwark.crypto.internal.Argon2id;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The two hash functions, on bytes: bcrypt from at.favre.lib (the OpenBSD algorithm) and
 * Argon2id from Bouncy Castle ({@link Argon2id}). No policy here: lengths, NUL bytes and
 * pre-hashing are decided by
 * {@link PasswordHasher}.
 */
final class Engines {

  private Engines() {}

  /** bcrypt with no long-password strategy: callers guarantee at most 72 bytes. */
  private static final BCrypt.Hasher BCRYPT =
      BCrypt.with(BCrypt.Version.VERSION_2B, new SecureRandom(), LongPasswordStrategies.none());

  /**
   * Returns the 31 ASCII characters of bcrypt's hash of {@code password} (at most 72 bytes; a
   * NUL terminator is appended as in OpenBSD's {@code $2b$}).
   */
  static byte[] bcryptHashChars(int cost, byte[] salt, byte[] password) {
    // HashData keeps the salt array it is given and wipe() zeroes it: hand it a copy.
    BCrypt.HashData data = BCRYPT.hashRaw(cost, salt.clone(), password);
    try {
      return new Radix64Encoder.Default().encode(data.rawHash);
    } finally {
      data.wipe();
    }
  }

  /** Formats a {@code $2b$} string. */
  static String bcryptString(int cost, byte[] salt, byte[] hashChars) {
    byte[] saltChars = new Radix64Encoder.Default().encode(salt);
    return "$2b$" + (cost < 10 ? "0" : "") + cost + "$"
        + new String(saltChars, StandardCharsets.US_ASCII)
        + new String(hashChars, StandardCharsets.US_ASCII);
  }

  /** Argon2id version 19; {@code secret} is the pepper key or {@code null}. */
  static byte[] argon2id(byte[] password, byte[] salt, int memoryKiB, int iterations,
      int parallelism, byte @Nullable [] secret, int hashLength) {
    return Argon2id.hash(password, salt, memoryKiB, iterations, parallelism, secret, hashLength);
  }

  /** Formats an Argon2id PHC string. */
  static String argon2idString(int memoryKiB, int iterations, int parallelism,
      @Nullable String keyId, byte[] salt, byte[] hash) {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
        + (keyId == null ? "" : ",keyid=" + b64.encodeToString(keyId.getBytes(StandardCharsets.US_ASCII)))
        + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  static void wipe(byte @Nullable [] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
