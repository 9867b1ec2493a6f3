package dev.bulwark.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.secrets.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeysetTest {

  private static final byte[] AD = "row-17".getBytes(StandardCharsets.UTF_8);
  private static final Secret MASTER = Secret.ofBytes(filled(32, 7));

  @TempDir
  Path dir;

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private EnvelopeEncryptor open(Path file, Secret master) throws Exception {
    return EnvelopeEncryptor.builder().localKeyset(file, master).kekId("local").build();
  }

  @Test
  void create_thenBuild_roundTrips() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    byte[] ciphertext = open(file, MASTER).encrypt(new byte[] {1, 2}, AD);
    assertThat(open(file, MASTER).decrypt(ciphertext, AD)).containsExactly(1, 2);
  }

  @Test
  void create_existingFile_isRefused() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    assertThatThrownBy(() -> LocalKeyset.create(file, MASTER)).isInstanceOf(IOException.class);
  }

  @Test
  void build_wrongMasterSecret_throwsWithoutNamingIt() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    assertThatThrownBy(() -> open(file, Secret.ofBytes(filled(32, 8))))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessage("keyset file does not decrypt under this master secret");
  }

  @Test
  void create_shortMasterSecret_isRejected() {
    assertThatThrownBy(() -> LocalKeyset.create(dir.resolve("k"), Secret.ofBytes(filled(31, 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
  }

  @Test
  void build_oversizedFile_isRefused() throws Exception {
    Path file = dir.resolve("big.keyset");
    Files.write(file, new byte[LocalKeyset.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> open(file, MASTER)).isInstanceOf(IOException.class);
  }

  @Test
  void rotate_oldCiphertextsStillDecrypt_andNewKeysWrapUnderTheNewPrimary() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    byte[] old = open(file, MASTER).encrypt(new byte[] {5}, AD);
    LocalKeyset.rotate(file, MASTER);
    EnvelopeEncryptor rotated = open(file, MASTER);
    assertThat(rotated.decrypt(old, AD)).containsExactly(5);
    byte[] fresh = rotated.encrypt(new byte[] {6}, AD);
    // Tink keyset ciphertexts start with 0x01 and the 4-byte id of the key that made them.
    byte[] oldPrefix = Arrays.copyOf(EnvelopeFormat.parse(old).wrappedKey, 5);
    byte[] freshPrefix = Arrays.copyOf(EnvelopeFormat.parse(fresh).wrappedKey, 5);
    assertThat(freshPrefix).isNotEqualTo(oldPrefix);
  }

  @Test
  void rewrap_afterRotation_movesTheDataKeyToTheNewPrimaryAndKeepsThePayload() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    byte[] old = open(file, MASTER).encrypt(new byte[] {5}, AD);
    LocalKeyset.rotate(file, MASTER);
    EnvelopeEncryptor rotated = open(file, MASTER);
    byte[] rewrapped = rotated.rewrap(old, AD);
    EnvelopeFormat.Parsed before = EnvelopeFormat.parse(old);
    EnvelopeFormat.Parsed after = EnvelopeFormat.parse(rewrapped);
    assertThat(after.payload).isEqualTo(before.payload);
    assertThat(Arrays.copyOf(after.wrappedKey, 5))
        .isEqualTo(Arrays.copyOf(EnvelopeFormat.parse(rotated.encrypt(new byte[0], AD))
            .wrappedKey, 5));
    assertThat(rotated.decrypt(rewrapped, AD)).containsExactly(5);
  }

  @Test
  void rewrap_wrongAssociatedData_throwsCleanException() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    EnvelopeEncryptor envelope = open(file, MASTER);
    byte[] ciphertext = envelope.encrypt(new byte[] {5}, AD);
    assertThatThrownBy(() -> envelope.rewrap(ciphertext, new byte[] {1}))
        .isExactlyInstanceOf(GeneralSecurityException.class).hasMessage(EnvelopeFormat.INVALID);
  }
}
