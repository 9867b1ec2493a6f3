package dev.bulwark.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeEncryptorTest {

  private static final byte[] AD = "tenant-1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER_AD = "tenant-2".getBytes(StandardCharsets.UTF_8);

  private static EnvelopeEncryptor encryptor(Aead kek) throws Exception {
    return EnvelopeEncryptor.builder().keyEncryptionKey(kek).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 15, 16, 17, 1000, 100_000})
  void encrypt_anySize_roundTrips(int size) throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    byte[] plaintext = new byte[size];
    for (int i = 0; i < size; i++) {
      plaintext[i] = (byte) (i * 31);
    }
    byte[] ciphertext = envelope.encrypt(plaintext, AD);
    assertThat(ciphertext[0]).isEqualTo((byte) 1);
    assertThat(envelope.decrypt(ciphertext, AD)).isEqualTo(plaintext);
  }

  @Test
  void encrypt_samePlaintextTwice_differentCiphertexts() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    byte[] plaintext = {1, 2, 3};
    assertThat(envelope.encrypt(plaintext, AD)).isNotEqualTo(envelope.encrypt(plaintext, AD));
  }

  @Test
  void decrypt_wrongAssociatedData_throwsCleanException() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    byte[] ciphertext = envelope.encrypt(new byte[] {1}, AD);
    assertInvalid(() -> envelope.decrypt(ciphertext, OTHER_AD));
  }

  @Test
  void decrypt_wrongKek_throwsCleanException() throws Exception {
    byte[] ciphertext = encryptor(new CountingAead(1)).encrypt(new byte[] {1}, AD);
    EnvelopeEncryptor other = encryptor(new CountingAead(2));
    assertInvalid(() -> other.decrypt(ciphertext, AD));
  }

  @Test
  void decrypt_otherKekId_throwsCleanException() throws Exception {
    CountingAead kek = new CountingAead(1);
    byte[] ciphertext = encryptor(kek).encrypt(new byte[] {1}, AD);
    EnvelopeEncryptor renamed = EnvelopeEncryptor.builder().keyEncryptionKey(kek)
        .kekId("other").build();
    assertInvalid(() -> renamed.decrypt(ciphertext, AD));
  }

  @Test
  void decrypt_everyByteTampered_throwsCleanException() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    byte[] ciphertext = envelope.encrypt(new byte[] {42}, AD);
    for (int i = 0; i < ciphertext.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = ciphertext.clone();
        tampered[i] ^= (byte) (1 << bit);
        assertInvalid(() -> envelope.decrypt(tampered, AD));
      }
    }
  }

  @Test
  void decrypt_everyTruncation_throwsCleanException() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    byte[] ciphertext = envelope.encrypt(new byte[] {42, 43}, AD);
    for (int length = 0; length < ciphertext.length; length++) {
      byte[] truncated = Arrays.copyOf(ciphertext, length);
      assertInvalid(() -> envelope.decrypt(truncated, AD));
    }
  }

  @Test
  void decrypt_appendedByte_throwsCleanException() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    byte[] ciphertext = envelope.encrypt(new byte[] {42}, AD);
    assertInvalid(() -> envelope.decrypt(Arrays.copyOf(ciphertext, ciphertext.length + 1), AD));
  }

  @Test
  void decrypt_unknownVersion_throwsCleanException() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    byte[] ciphertext = envelope.encrypt(new byte[] {42}, AD);
    for (int version : new int[] {0, 2, 0x7f, 0xff}) {
      byte[] other = ciphertext.clone();
      other[0] = (byte) version;
      assertInvalid(() -> envelope.decrypt(other, AD));
    }
  }

  @Test
  void decrypt_oversizedWrappedKeyLength_throwsWithoutAllocating() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    byte[] header = EnvelopeFormat.header("kek");
    for (int length : new int[] {0, 4097, Integer.MAX_VALUE, -1}) {
      byte[] input = Arrays.copyOf(header, header.length + 4 + 10);
      input[header.length] = (byte) (length >>> 24);
      input[header.length + 1] = (byte) (length >>> 16);
      input[header.length + 2] = (byte) (length >>> 8);
      input[header.length + 3] = (byte) length;
      assertInvalid(() -> envelope.decrypt(input, AD));
    }
  }

  @Test
  void decrypt_kekIdLengthOverCap_throwsCleanException() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    byte[] input = new byte[200];
    input[0] = 1;
    input[1] = 65;
    assertInvalid(() -> envelope.decrypt(input, AD));
    input[1] = 0;
    assertInvalid(() -> envelope.decrypt(input, AD));
  }

  @Test
  void decrypt_wrappedKeyMovedFromOtherRecord_throwsCleanException() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    EnvelopeFormat.Parsed mine = EnvelopeFormat.parse(envelope.encrypt(new byte[] {1}, AD));
    EnvelopeFormat.Parsed theirs = EnvelopeFormat.parse(envelope.encrypt(new byte[] {2}, OTHER_AD));
    byte[] spliced = EnvelopeFormat.serialize(mine.header, theirs.wrappedKey, mine.payload);
    assertInvalid(() -> envelope.decrypt(spliced, AD));
    assertInvalid(() -> envelope.decrypt(spliced, OTHER_AD));
  }

  @Test
  void encrypt_kekReturnsOversizedWrappedKey_throws() throws Exception {
    Aead huge = new Aead() {
      @Override
      public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        return new byte[5000];
      }

      @Override
      public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        return new byte[0];
      }
    };
    EnvelopeEncryptor envelope = encryptor(huge);
    assertThatThrownBy(() -> envelope.encrypt(new byte[] {1}, AD))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void stringHelpers_text_roundTripsAsUrlSafeToken() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    String token = envelope.encryptToString("card 4111 ✓", AD);
    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(envelope.decryptToString(token, AD)).isEqualTo("card 4111 ✓");
  }

  @Test
  void decryptToString_notBase64_throwsCleanException() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    assertInvalid(() -> envelope.decryptToString("not base64!", AD));
    assertInvalid(() -> envelope.decryptToString("", AD));
  }

  @Test
  void decryptToString_plaintextNotUtf8_throwsCleanException() throws Exception {
    EnvelopeEncryptor envelope = encryptor(new CountingAead(1));
    byte[] ciphertext = envelope.encrypt(new byte[] {(byte) 0xff, (byte) 0xfe}, AD);
    String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
    assertInvalid(() -> envelope.decryptToString(token, AD));
  }

  @Test
  void builder_noKek_isRejected() {
    assertThatThrownBy(() -> EnvelopeEncryptor.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("keyEncryptionKey");
  }

  @Test
  void builder_twoKekSources_isRejected() {
    assertThatThrownBy(() -> EnvelopeEncryptor.builder().keyEncryptionKey(new CountingAead(1))
        .keyEncryptionKey(new CountingAead(2))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builder_badKekIdOrCacheLimits_areRejected() {
    EnvelopeEncryptorBuilder builder = EnvelopeEncryptor.builder();
    assertThatThrownBy(() -> builder.kekId("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.kekId("has space"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.kekId("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.dataKeyCache(java.time.Duration.ZERO, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.dataKeyCache(java.time.Duration.ofMinutes(1), 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.cacheCapacity(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_kmsClient_usesTheAeadForTheUri() throws Exception {
    FakeKms client = new FakeKms();
    EnvelopeEncryptor envelope = EnvelopeEncryptor.builder()
        .keyEncryptionKey(client, "fake-kms://key-1").build();
    assertThat(envelope.decrypt(envelope.encrypt(new byte[] {7}, AD), AD))
        .containsExactly(7);
    assertThat(client.keys).containsOnlyKeys("fake-kms://key-1");
    assertThat(client.keys.get("fake-kms://key-1").encrypts.get()).isEqualTo(1);
    assertThatThrownBy(() -> EnvelopeEncryptor.builder().keyEncryptionKey(client, "aws-kms://x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_namesNoKeyMaterial() throws Exception {
    assertThat(encryptor(new CountingAead(1)).toString())
        .isEqualTo("EnvelopeEncryptor[kekId=kek, cache=off]");
  }

  private interface Call {
    void run() throws Exception;
  }

  private static void assertInvalid(Call call) {
    assertThatThrownBy(call::run).isExactlyInstanceOf(GeneralSecurityException.class)
        .hasMessage(EnvelopeFormat.INVALID).hasNoCause();
  }
}
