package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.internal.InsecureNonceAesGcmJce;
import com.google.crypto.tink.subtle.Random;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The payload AEAD of a one-shot envelope: one Tink AES-256-GCM data key, producing and reading
 * exactly Tink's AES-GCM ciphertext ({@code outputPrefix || iv || ciphertext || tag}, the layout
 * Tink's own {@code Aead} for the key writes), but in place: encryption writes straight into the
 * envelope array after room left for the envelope head, and decryption reads the payload where
 * it lies in the envelope. Tink's public {@code Aead} returns a fresh array and takes a whole
 * one, which costs the envelope a copy of the message each way.
 *
 * <p>The cipher is Tink's {@code InsecureNonceAesGcmJce} (the class Tink's AES-GCM builds on:
 * JCE AES-GCM with a thread-local {@code Cipher}); "insecure nonce" means the caller supplies
 * the IV, and this class always takes a fresh 12-byte IV from Tink's {@code Random}, as Tink's
 * {@code Aead} does. It is a Tink-internal class, so the Tink version is pinned and
 * {@code PayloadCipherTest} checks on every build that Tink's public {@code Aead} for the same
 * key decrypts this class's output and the reverse.
 */
final class PayloadCipher {

  static final int IV_LENGTH = 12;
  static final int TAG_LENGTH = 16;

  private final InsecureNonceAesGcmJce gcm;
  private final byte[] outputPrefix;

  private PayloadCipher(InsecureNonceAesGcmJce gcm, byte[] outputPrefix) {
    this.gcm = gcm;
    this.outputPrefix = outputPrefix;
  }

  static PayloadCipher of(AesGcmKey key) throws GeneralSecurityException {
    if (key.getParameters().getIvSizeBytes() != IV_LENGTH
        || key.getParameters().getTagSizeBytes() != TAG_LENGTH) {
      throw new GeneralSecurityException(EnvelopeFormat.INVALID);
    }
    byte[] raw = key.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
    try {
      return new PayloadCipher(new InsecureNonceAesGcmJce(raw),
          key.getOutputPrefix().toByteArray());
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Encrypts into a new array whose first {@code offset} bytes are left zero for the caller.
   *
   * @return {@code offset} free bytes, then the Tink ciphertext
   */
  byte[] encrypt(byte[] plaintext, int offset, byte[] associatedData)
      throws GeneralSecurityException {
    byte[] iv = Random.randBytes(IV_LENGTH);
    byte[] out = gcm.encrypt(iv, plaintext, offset + outputPrefix.length + IV_LENGTH,
        associatedData);
    System.arraycopy(outputPrefix, 0, out, offset, outputPrefix.length);
    System.arraycopy(iv, 0, out, offset + outputPrefix.length, IV_LENGTH);
    return out;
  }

  /** Decrypts the Tink ciphertext that runs from {@code offset} to the end of {@code in}. */
  byte[] decrypt(byte[] in, int offset, byte[] associatedData) throws GeneralSecurityException {
    int prefixEnd = offset + outputPrefix.length;
    if (offset < 0 || in.length - offset < outputPrefix.length + IV_LENGTH + TAG_LENGTH
        || !Arrays.equals(in, offset, prefixEnd, outputPrefix, 0, outputPrefix.length)) {
      throw new GeneralSecurityException(EnvelopeFormat.INVALID);
    }
    byte[] iv = Arrays.copyOfRange(in, prefixEnd, prefixEnd + IV_LENGTH);
    return gcm.decrypt(iv, in, prefixEnd + IV_LENGTH, associatedData);
  }
}
