package dev.bulwark.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Proves the KEK call counts of the data-key cache with a counting fake KEK and a fake clock. */
class DataKeyCacheTest {

  private static final byte[] AD = "tenant-1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER_AD = "tenant-2".getBytes(StandardCharsets.UTF_8);

  private final CountingAead kek = new CountingAead(1);
  private final FakeClock clock = FakeClock.create();

  private EnvelopeEncryptor cached(Duration maxAge, long maxMessages, long maxBytes)
      throws Exception {
    return EnvelopeEncryptor.builder().keyEncryptionKey(kek).clock(clock)
        .dataKeyCache(maxAge, maxMessages, maxBytes).build();
  }

  @Test
  void noCache_everyEncryptAndDecrypt_callsTheKek() throws Exception {
    EnvelopeEncryptor envelope = EnvelopeEncryptor.builder().keyEncryptionKey(kek).build();
    byte[] ciphertext = null;
    for (int i = 0; i < 5; i++) {
      ciphertext = envelope.encrypt(new byte[] {1}, AD);
    }
    for (int i = 0; i < 3; i++) {
      envelope.decrypt(ciphertext, AD);
    }
    assertThat(kek.encrypts.get()).isEqualTo(5);
    assertThat(kek.decrypts.get()).isEqualTo(3);
  }

  @Test
  void cache_messageLimit_oneKekCallPerNMessages() throws Exception {
    EnvelopeEncryptor envelope = cached(Duration.ofHours(1), 10, Long.MAX_VALUE);
    for (int i = 0; i < 25; i++) {
      byte[] ciphertext = envelope.encrypt(new byte[] {(byte) i}, AD);
      assertThat(envelope.decrypt(ciphertext, AD)).containsExactly((byte) i);
    }
    assertThat(kek.encrypts.get()).isEqualTo(3);
    assertThat(kek.decrypts.get()).isEqualTo(3);
  }

  @Test
  void cache_ageLimit_newDataKeyAfterMaxAge() throws Exception {
    EnvelopeEncryptor envelope = cached(Duration.ofMinutes(5), 1000, Long.MAX_VALUE);
    envelope.encrypt(new byte[] {1}, AD);
    clock.advance(Duration.ofMinutes(4));
    envelope.encrypt(new byte[] {1}, AD);
    assertThat(kek.encrypts.get()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    envelope.encrypt(new byte[] {1}, AD);
    assertThat(kek.encrypts.get()).isEqualTo(2);
  }

  @Test
  void cache_byteLimit_newDataKeyWhenTheNextMessageWouldExceedIt() throws Exception {
    EnvelopeEncryptor envelope = cached(Duration.ofHours(1), 1000, 100);
    envelope.encrypt(new byte[60], AD);
    envelope.encrypt(new byte[40], AD);
    assertThat(kek.encrypts.get()).isEqualTo(1);
    envelope.encrypt(new byte[1], AD);
    assertThat(kek.encrypts.get()).isEqualTo(2);
  }

  @Test
  void cache_otherAssociatedData_getsItsOwnDataKey() throws Exception {
    EnvelopeEncryptor envelope = cached(Duration.ofHours(1), 1000, Long.MAX_VALUE);
    byte[] first = envelope.encrypt(new byte[] {1}, AD);
    byte[] second = envelope.encrypt(new byte[] {2}, OTHER_AD);
    envelope.encrypt(new byte[] {3}, AD);
    envelope.encrypt(new byte[] {4}, OTHER_AD);
    assertThat(kek.encrypts.get()).isEqualTo(2);
    assertThat(envelope.decrypt(first, AD)).containsExactly(1);
    assertThat(envelope.decrypt(second, OTHER_AD)).containsExactly(2);
  }

  @Test
  void decryptCache_sameWrappedKey_unwrapsOnceUntilMaxAge() throws Exception {
    EnvelopeEncryptor writer = EnvelopeEncryptor.builder().keyEncryptionKey(kek).build();
    byte[] ciphertext = writer.encrypt(new byte[] {9}, AD);
    EnvelopeEncryptor reader = cached(Duration.ofMinutes(5), 1000, Long.MAX_VALUE);
    for (int i = 0; i < 4; i++) {
      assertThat(reader.decrypt(ciphertext, AD)).containsExactly(9);
    }
    assertThat(kek.decrypts.get()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(5));
    reader.decrypt(ciphertext, AD);
    assertThat(kek.decrypts.get()).isEqualTo(2);
  }

  @Test
  void decryptCache_cachedKeyWithOtherAssociatedData_stillFails() throws Exception {
    EnvelopeEncryptor envelope = cached(Duration.ofHours(1), 1000, Long.MAX_VALUE);
    byte[] ciphertext = envelope.encrypt(new byte[] {9}, AD);
    envelope.decrypt(ciphertext, AD);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> envelope.decrypt(ciphertext, OTHER_AD))
        .isInstanceOf(java.security.GeneralSecurityException.class);
  }

  @Test
  void flush_emptiesBothSides() throws Exception {
    EnvelopeEncryptor envelope = cached(Duration.ofHours(1), 1000, Long.MAX_VALUE);
    byte[] ciphertext = envelope.encrypt(new byte[] {1}, AD);
    envelope.decrypt(ciphertext, AD);
    envelope.flush();
    envelope.encrypt(new byte[] {1}, AD);
    envelope.decrypt(ciphertext, AD);
    assertThat(kek.encrypts.get()).isEqualTo(2);
    assertThat(kek.decrypts.get()).isEqualTo(2);
    assertThat(envelope.toString()).isEqualTo("EnvelopeEncryptor[kekId=kek, cache=on]");
  }

  @Test
  void cache_capacityOne_evictsTheLeastRecentlyUsed() throws Exception {
    EnvelopeEncryptor envelope = EnvelopeEncryptor.builder().keyEncryptionKey(kek).clock(clock)
        .dataKeyCache(Duration.ofHours(1), 1000, Long.MAX_VALUE).cacheCapacity(1).build();
    envelope.encrypt(new byte[] {1}, AD);
    envelope.encrypt(new byte[] {1}, OTHER_AD);
    envelope.encrypt(new byte[] {1}, AD);
    assertThat(kek.encrypts.get()).isEqualTo(3);
  }
}
