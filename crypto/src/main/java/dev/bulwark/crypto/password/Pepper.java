package dev.bulwark.crypto.password;

import dev.bulwark.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * An HMAC-SHA-384 key with the id stored next to hashes made with it. {@code toString} names the
 * id only.
 */
final class Pepper {

  static final String MAC = "HmacSHA384";
  static final int MIN_KEY_BYTES = 32;
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  /**
   * The pre-hash of long-password mode without a pepper: HMAC-SHA-384 under this public,
   * fixed key. It is not a secret; it only makes the pre-hash differ from a plain SHA-384 of
   * the password, so leaked unsalted SHA digests cannot be "shucked" against it.
   */
  static final Pepper UNKEYED = new Pepper(null,
      "dev.bulwark.crypto.password bcrypt pre-hash v1".getBytes(StandardCharsets.US_ASCII));

  private final @Nullable String id;
  private final SecretKeySpec key;

  private Pepper(@Nullable String id, byte[] key) {
    this.id = id;
    this.key = new SecretKeySpec(key, MAC);
  }

  static Pepper of(String id, Secret secret, String setting) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(setting + ": the key id must be 1 to 32 characters from"
          + " [A-Za-z0-9_-]; it is stored in every hash, so pick a short name such as \"2026-01\"");
    }
    byte[] bytes = secret.bytes();
    try {
      if (bytes.length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException(setting + " \"" + id + "\": the key must be at least "
            + MIN_KEY_BYTES + " bytes; generate one with: openssl rand -base64 48");
      }
      return new Pepper(id, bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The key id, or {@code null} for {@link #UNKEYED}. */
  @Nullable String id() {
    return id;
  }

  /** A copy of the key bytes; the caller wipes it. */
  byte[] keyBytes() {
    return key.getEncoded();
  }

  /** Base64 (standard, padded: 64 ASCII bytes) of HMAC-SHA-384 of {@code input}. */
  byte[] preHash(byte[] input) {
    byte[] mac;
    try {
      Mac hmac = Mac.getInstance(MAC);
      hmac.init(key);
      mac = hmac.doFinal(input);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("HMAC key refused by the provider", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(MAC + " is not available in this JVM", e);
    }
    try {
      return Base64.getEncoder().encode(mac);
    } finally {
      Arrays.fill(mac, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return id == null ? "Pepper[unkeyed]" : "Pepper[" + id + "]";
  }
}
