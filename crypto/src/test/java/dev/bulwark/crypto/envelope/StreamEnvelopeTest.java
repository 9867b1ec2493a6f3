package dev.bulwark.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamEnvelopeTest {

  private static final byte[] AD = {1, 2, 3};
  private final EnvelopeEncryptor envelope = build(new CountingAead(1));

  private static EnvelopeEncryptor build(CountingAead kek) {
    try {
      return EnvelopeEncryptor.builder().keyEncryptionKey(kek).build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] encrypt(byte[] plaintext) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    envelope.encrypt(new ByteArrayInputStream(plaintext), out, AD);
    return out.toByteArray();
  }

  private byte[] decrypt(EnvelopeEncryptor with, byte[] ciphertext, byte[] ad) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    with.decrypt(new ByteArrayInputStream(ciphertext), out, ad);
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4096, 65_479, 65_480, 65_481, 65_536, 2 * 65_520 - 40,
      2 * 65_520 - 39, (1 << 20) + 17, 3 * (1 << 20)})
  void stream_anySize_roundTrips(int size) throws Exception {
    byte[] plaintext = new byte[size];
    for (int i = 0; i < size; i++) {
      plaintext[i] = (byte) (i * 7);
    }
    byte[] ciphertext = encrypt(plaintext);
    assertThat(ciphertext[0]).isEqualTo(StreamEnvelope.VERSION);
    assertThat(decrypt(envelope, ciphertext, AD)).isEqualTo(plaintext);
  }

  @Test
  void streamDecrypt_wrongAssociatedDataOrKek_throwsCleanException() throws Exception {
    byte[] ciphertext = encrypt(new byte[] {9});
    assertInvalid(() -> decrypt(envelope, ciphertext, new byte[] {9}));
    assertInvalid(() -> decrypt(build(new CountingAead(2)), ciphertext, AD));
  }

  @Test
  void streamDecrypt_everyByteTampered_throwsCleanException() throws Exception {
    byte[] ciphertext = encrypt(new byte[] {9, 8});
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 1;
      assertInvalid(() -> decrypt(envelope, tampered, AD));
    }
  }

  @Test
  void streamDecrypt_everyTruncation_throwsCleanException() throws Exception {
    byte[] ciphertext = encrypt(new byte[] {9, 8});
    for (int length = 0; length < ciphertext.length; length++) {
      byte[] truncated = Arrays.copyOf(ciphertext, length);
      assertInvalid(() -> decrypt(envelope, truncated, AD));
    }
  }

  @Test
  void streamEncrypt_newStreams_use64KiBSegments() throws Exception {
    byte[] ciphertext = encrypt(new byte[200_000]);
    byte[] serialized = new CountingAead(1).decrypt(
        EnvelopeFormat.parse(withOneShotVersion(ciphertext)).wrappedKey,
        EnvelopeFormat.associatedData(StreamEnvelope.header("kek"),
            StreamEnvelope.LABEL_WRAPPED_KEY, AD));
    KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(serialized,
        InsecureSecretKeyAccess.get());
    assertThat(handle.getPrimary().getKey().getParameters()).isEqualTo(StreamEnvelope.PARAMETERS);
    assertThat(StreamEnvelope.PARAMETERS.getCiphertextSegmentSizeBytes()).isEqualTo(65_536);
  }

  @Test
  void streamDecrypt_keysetWithOtherParameters_isRejected() throws Exception {
    // A correctly wrapped streaming key with parameters Bulwark never writes (AES-128, 4 KB).
    TinkRegistration.ensure();
    KeysetHandle foreign =
        KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES128_GCM_HKDF_4KB);
    byte[] header = StreamEnvelope.header("kek");
    byte[] wrapped = new CountingAead(1).encrypt(
        TinkProtoKeysetFormat.serializeKeyset(foreign, InsecureSecretKeyAccess.get()),
        EnvelopeFormat.associatedData(header, StreamEnvelope.LABEL_WRAPPED_KEY, AD));
    ByteArrayOutputStream forged = new ByteArrayOutputStream();
    forged.write(EnvelopeFormat.serialize(header, wrapped, new byte[0]));
    try (OutputStream stream = foreign.getPrimitive(ConfigurationV0.get(), StreamingAead.class)
        .newEncryptingStream(forged, EnvelopeFormat.associatedData(header,
            StreamEnvelope.LABEL_STREAM, AD))) {
      stream.write(new byte[] {9});
    }
    assertInvalid(() -> decrypt(envelope, forged.toByteArray(), AD));
  }

  /** The stream layout is the one-shot layout under another version byte. */
  private static byte[] withOneShotVersion(byte[] stream) {
    byte[] copy = stream.clone();
    copy[0] = EnvelopeFormat.VERSION;
    return copy;
  }

  @Test
  void streamDecrypt_oneShotEnvelope_isRejected() throws Exception {
    byte[] oneShot = envelope.encrypt(new byte[] {9}, AD);
    assertInvalid(() -> decrypt(envelope, oneShot, AD));
    byte[] streamed = encrypt(new byte[] {9});
    assertInvalid(() -> envelope.decrypt(streamed, AD));
  }

  @Test
  void streamDecrypt_sourceFails_propagatesTheIoException() throws Exception {
    byte[] ciphertext = encrypt(new byte[100]);
    int headerLength = ciphertext.length - 100;
    InputStream failing = new InputStream() {
      private int read;

      @Override
      public int read() throws IOException {
        if (read >= headerLength - 10) {
          throw new IOException("disk gone");
        }
        return ciphertext[read++] & 0xff;
      }
    };
    assertThatThrownBy(() -> envelope.decrypt(failing, new ByteArrayOutputStream(), AD))
        .isInstanceOf(IOException.class);
  }

  @Test
  void streamRewrap_copiesThePayloadAndStillDecrypts() throws Exception {
    byte[] plaintext = new byte[(1 << 20) + 5];
    Arrays.fill(plaintext, (byte) 3);
    byte[] ciphertext = encrypt(plaintext);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    envelope.rewrap(new ByteArrayInputStream(ciphertext), out, AD);
    byte[] rewrapped = out.toByteArray();
    assertThat(rewrapped).isNotEqualTo(ciphertext).hasSameSizeAs(ciphertext);
    int payload = plaintext.length;
    assertThat(Arrays.copyOfRange(rewrapped, rewrapped.length - payload, rewrapped.length))
        .isEqualTo(Arrays.copyOfRange(ciphertext, ciphertext.length - payload,
            ciphertext.length));
    assertThat(decrypt(envelope, rewrapped, AD)).isEqualTo(plaintext);
  }

  @Test
  void streamRewrap_tamperedTruncatedOrWrongAd_throwsCleanException() throws Exception {
    byte[] ciphertext = encrypt(new byte[] {9, 8, 7});
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 1;
      assertInvalid(() -> envelope.rewrap(new ByteArrayInputStream(tampered),
          new ByteArrayOutputStream(), AD));
    }
    byte[] truncated = Arrays.copyOf(ciphertext, ciphertext.length - 1);
    assertInvalid(() -> envelope.rewrap(new ByteArrayInputStream(truncated),
        new ByteArrayOutputStream(), AD));
    assertInvalid(() -> envelope.rewrap(new ByteArrayInputStream(ciphertext),
        new ByteArrayOutputStream(), new byte[] {4}));
  }

  private interface Call {
    void run() throws Exception;
  }

  private static void assertInvalid(Call call) {
    assertThatThrownBy(call::run).isExactlyInstanceOf(GeneralSecurityException.class)
        .hasMessage(EnvelopeFormat.INVALID).hasNoCause();
  }
}
