package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A KMS for tests, for {@code fake-kms://} URIs: one real AES-256-GCM key ({@link CountingAead})
 * per URI, created on first use; removing it from {@link #keys} destroys it, and every later call
 * of an {@code Aead} for it fails as a real KMS would.
 */
final class FakeKms implements KmsClient {

  final Map<String, CountingAead> keys = new ConcurrentHashMap<>();
  private final AtomicInteger seeds = new AtomicInteger(10);

  @Override
  public boolean doesSupport(String keyUri) {
    return keyUri.startsWith("fake-kms://");
  }

  @Override
  public KmsClient withCredentials(String credentialPath) {
    return this;
  }

  @Override
  public KmsClient withDefaultCredentials() {
    return this;
  }

  @Override
  public Aead getAead(String keyUri) {
    keys.computeIfAbsent(keyUri, uri -> new CountingAead(seeds.incrementAndGet()));
    return new Aead() {
      @Override
      public byte[] encrypt(byte[] plaintext, byte[] ad) throws GeneralSecurityException {
        return key(keyUri).encrypt(plaintext, ad);
      }

      @Override
      public byte[] decrypt(byte[] ciphertext, byte[] ad) throws GeneralSecurityException {
        return key(keyUri).decrypt(ciphertext, ad);
      }
    };
  }

  private CountingAead key(String keyUri) throws GeneralSecurityException {
    CountingAead key = keys.get(keyUri);
    if (key == null) {
      throw new GeneralSecurityException("KMS key destroyed");
    }
    return key;
  }
}
