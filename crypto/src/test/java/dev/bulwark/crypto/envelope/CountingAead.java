package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake KEK: a real AES-256-GCM key from a fixed seed byte, counting its calls. */
final class CountingAead implements Aead {

  final AtomicInteger encrypts = new AtomicInteger();
  final AtomicInteger decrypts = new AtomicInteger();
  private final Aead delegate;

  CountingAead(int seed) {
    try {
      byte[] key = new byte[32];
      java.util.Arrays.fill(key, (byte) seed);
      AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(32)
          .setIvSizeBytes(12).setTagSizeBytes(16)
          .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
      delegate = AesGcmJce.create(AesGcmKey.builder().setParameters(parameters)
          .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    encrypts.incrementAndGet();
    return delegate.encrypt(plaintext, associatedData);
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    decrypts.incrementAndGet();
    return delegate.decrypt(ciphertext, associatedData);
  }
}
