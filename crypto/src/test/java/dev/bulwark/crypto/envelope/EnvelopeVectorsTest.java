package dev.bulwark.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known-answer vectors: ciphertexts made by an earlier Bulwark build (see the resource's header)
 * must keep decrypting, with and without the data-key cache, so a change in the implementation
 * cannot silently change the wire format of {@code docs/formats.md}.
 */
class EnvelopeVectorsTest {

  private static final String DIR = "/vectors/envelope/";

  record Vector(String kind, byte[] associatedData, byte[] plaintext, byte[] ciphertext) {
    @Override
    public String toString() {
      return kind + " ad=" + associatedData.length + "B pt=" + plaintext.length + "B";
    }
  }

  static Stream<Vector> vectors() {
    return lines().stream().filter(l -> !l.startsWith("#") && !l.isBlank()).map(line -> {
      String[] f = line.split("\\|", -1);
      return new Vector(f[0], f[1].getBytes(StandardCharsets.UTF_8),
          f[2].getBytes(StandardCharsets.UTF_8), Base64.getUrlDecoder().decode(f[3]));
    });
  }

  private static List<String> lines() {
    try (InputStream in = EnvelopeVectorsTest.class.getResourceAsStream(DIR + "envelopes.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Aead kek() throws Exception {
    TinkRegistration.ensure();
    try (InputStream in = EnvelopeVectorsTest.class.getResourceAsStream(DIR + "kek-keyset.json")) {
      return TinkJsonProtoKeysetFormat.parseKeyset(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), InsecureSecretKeyAccess.get())
          .getPrimitive(ConfigurationV0.get(), Aead.class);
    }
  }

  private static EnvelopeEncryptor encryptor(boolean cached) throws Exception {
    EnvelopeEncryptorBuilder builder =
        EnvelopeEncryptor.builder().keyEncryptionKey(kek()).kekId("vectors-kek");
    if (cached) {
      builder.dataKeyCache(Duration.ofMinutes(5), 100, 1L << 20);
    }
    return builder.build();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void vector_decryptsToItsPlaintext(Vector v) throws Exception {
    for (boolean cached : new boolean[] {false, true}) {
      EnvelopeEncryptor envelope = encryptor(cached);
      if (v.kind().equals("stream")) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        envelope.decrypt(new ByteArrayInputStream(v.ciphertext()), out, v.associatedData());
        assertThat(out.toByteArray()).isEqualTo(v.plaintext());
      } else {
        assertThat(envelope.decrypt(v.ciphertext(), v.associatedData())).isEqualTo(v.plaintext());
        // twice: the second decryption of a cached encryptor takes the cache-hit path
        assertThat(envelope.decrypt(v.ciphertext(), v.associatedData())).isEqualTo(v.plaintext());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void vector_lastByteFlipped_isRefused(Vector v) throws Exception {
    byte[] tampered = v.ciphertext().clone();
    tampered[tampered.length - 1] ^= 1;
    EnvelopeEncryptor envelope = encryptor(true);
    if (v.kind().equals("stream")) {
      assertThatThrownBy(() -> envelope.decrypt(new ByteArrayInputStream(tampered),
          new ByteArrayOutputStream(), v.associatedData()))
          .isInstanceOf(GeneralSecurityException.class).hasMessage(EnvelopeFormat.INVALID);
    } else {
      // the untampered vector first, so the tampered one meets a cached data key
      assertThat(envelope.decrypt(v.ciphertext(), v.associatedData())).isEqualTo(v.plaintext());
      assertThatThrownBy(() -> envelope.decrypt(tampered, v.associatedData()))
          .isInstanceOf(GeneralSecurityException.class).hasMessage(EnvelopeFormat.INVALID);
    }
  }
}
