package dev.bulwark.benchmarks;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ceiling the envelope benchmarks compare with: AES-256-GCM through
 * {@code javax.crypto.Cipher}, one fixed key, a fresh 12-byte IV per encryption and no key
 * management at all. One {@code Cipher} is made once and re-initialised per operation (as a
 * careful caller, and Tink with its thread-local cipher, do), so the row is not slowed by
 * {@code Cipher.getInstance}. Also makes the local KEK the envelope benchmarks share. Not
 * thread-safe: one instance per benchmark state.
 */
final class JceAesGcmCeiling {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKey key;
  private final byte[] associatedData;
  private final byte[] plaintext;
  private final byte[] iv = new byte[12];
  private final byte[] ciphertext;
  private final Cipher cipher;

  JceAesGcmCeiling(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    this.key = new SecretKeySpec(raw, "AES");
    this.associatedData = associatedData.clone();
    this.plaintext = plaintext.clone();
    this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    RANDOM.nextBytes(iv);
    this.ciphertext = cipher(Cipher.ENCRYPT_MODE, iv, plaintext);
    if (!Arrays.equals(cipher(Cipher.DECRYPT_MODE, iv, ciphertext), plaintext)) {
      throw new IllegalStateException("the JCE ciphertext does not decrypt");
    }
  }

  /** Returns {@code n} random bytes (benchmark plaintexts). */
  static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** An in-process AES-256-GCM key-encryption key (what a local keyset gives). */
  static Aead localKek() throws GeneralSecurityException {
    AeadConfig.register();
    return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
        .getPrimitive(ConfigurationV0.get(), Aead.class);
  }

  /** Encrypts the plaintext under a fresh IV, or decrypts the prepared ciphertext. */
  byte[] run(boolean encrypt) throws GeneralSecurityException {
    if (encrypt) {
      byte[] fresh = new byte[12];
      RANDOM.nextBytes(fresh);
      return cipher(Cipher.ENCRYPT_MODE, fresh, plaintext);
    }
    return cipher(Cipher.DECRYPT_MODE, iv, ciphertext);
  }

  private byte[] cipher(int mode, byte[] nonce, byte[] input) throws GeneralSecurityException {
    cipher.init(mode, key, new GCMParameterSpec(128, nonce));
    cipher.updateAAD(associatedData);
    return cipher.doFinal(input);
  }
}
