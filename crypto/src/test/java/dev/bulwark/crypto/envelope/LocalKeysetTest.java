package dev.bulwark.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.secrets.Secret;
import dev.bulwark.testkit.ratelimit.ConcurrentAttempts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
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

  /** Fast Argon2id parameters at OWASP's minimum row (7 MiB x 5), to keep the tests quick. */
  private static KeysetProtection passphrase(String text) {
    return KeysetProtection.passphrase(Secret.ofChars(text.toCharArray()), 7168, 5, 1);
  }

  private static Secret phrase(String text) {
    return Secret.ofChars(text.toCharArray());
  }

  @Test
  void passphrase_createThenLoad_roundTrips() throws Exception {
    Path file = dir.resolve("p.keyset");
    LocalKeyset.create(file, passphrase("correct horse battery"), false);
    assertThat(LocalKeyset.protectionOf(file)).isEqualTo(KeysetProtection.Kind.PASSPHRASE);
    byte[] ciphertext = open(file, phrase("correct horse battery")).encrypt(new byte[] {3}, AD);
    assertThat(open(file, phrase("correct horse battery")).decrypt(ciphertext, AD))
        .containsExactly(3);
    assertThatThrownBy(() -> open(file, phrase("correct horse batterz")))
        .isExactlyInstanceOf(GeneralSecurityException.class)
        .hasMessage("keyset file does not decrypt under this passphrase");
  }

  @Test
  void passphrase_canonicallyEqualSpellings_openTheSameKeyset() throws Exception {
    Path file = dir.resolve("p.keyset");
    LocalKeyset.create(file, passphrase("caf\u00e9 au lait, s'il vous pla\u00eet"), false);
    // e + combining acute, i + combining circumflex: NFD, as some keyboards and file systems give
    assertThat(LocalKeyset.keys(file, phrase("cafe\u0301 au lait, s'il vous plai\u0302t")))
        .hasSize(1);
  }

  @Test
  void passphrase_twoFilesSamePassphrase_useDifferentSalts() throws Exception {
    LocalKeyset.create(dir.resolve("a"), passphrase("correct horse battery"), false);
    LocalKeyset.create(dir.resolve("b"), passphrase("correct horse battery"), false);
    byte[] a = Arrays.copyOfRange(Files.readAllBytes(dir.resolve("a")), 16, 32);
    byte[] b = Arrays.copyOfRange(Files.readAllBytes(dir.resolve("b")), 16, 32);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void passphrase_tooShortOrWeakParameters_areRefused() {
    assertThatThrownBy(() -> KeysetProtection.passphrase(phrase("short pass")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 12 bytes");
    assertThatThrownBy(() -> KeysetProtection.passphrase(phrase("correct horse battery"),
        7168, 4, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OWASP");
    assertThatThrownBy(() -> KeysetProtection.passphrase(phrase("correct horse battery"),
        KeysetFileFormat.MAX_MEMORY_KIB + 1024, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    assertThatThrownBy(() -> KeysetProtection.passphrase(phrase("correct horse battery"),
        65536, 17, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("iterations 17");
    assertThat(KeysetProtection.passphrase(phrase("correct horse battery")).toString())
        .isEqualTo("KeysetProtection[passphrase, Argon2id m=65536 KiB, t=3, p=1]")
        .doesNotContain("horse");
  }

  @Test
  void keys_listsInCreationOrderWithThePrimaryLast() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    LocalKeyset.rotate(file, MASTER);
    LocalKeyset.rotate(file, MASTER);
    List<LocalKeyset.KeyInfo> keys = LocalKeyset.keys(file, MASTER);
    assertThat(keys).hasSize(3);
    assertThat(keys).extracting(LocalKeyset.KeyInfo::primary).containsExactly(false, false, true);
    assertThat(keys).extracting(LocalKeyset.KeyInfo::enabled).containsOnly(true);
    assertThat(keys).extracting(LocalKeyset.KeyInfo::id).doesNotHaveDuplicates();
  }

  @Test
  void disableEnableDestroy_retireAnOldKey() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    byte[] old = open(file, MASTER).encrypt(new byte[] {5}, AD);
    LocalKeyset.rotate(file, MASTER);
    int oldId = LocalKeyset.keys(file, MASTER).get(0).id();
    int primaryId = LocalKeyset.keys(file, MASTER).get(1).id();

    assertThatThrownBy(() -> LocalKeyset.destroy(file, MASTER, oldId))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disable it first");
    LocalKeyset.disable(file, MASTER, oldId);
    assertThat(LocalKeyset.keys(file, MASTER).get(0).enabled()).isFalse();
    assertThatThrownBy(() -> open(file, MASTER).decrypt(old, AD))
        .isInstanceOf(GeneralSecurityException.class);
    LocalKeyset.enable(file, MASTER, oldId);
    assertThat(open(file, MASTER).decrypt(old, AD)).containsExactly(5);

    LocalKeyset.disable(file, MASTER, oldId);
    LocalKeyset.destroy(file, MASTER, oldId);
    assertThat(LocalKeyset.keys(file, MASTER)).extracting(LocalKeyset.KeyInfo::id)
        .containsExactly(primaryId);
    assertThatThrownBy(() -> open(file, MASTER).decrypt(old, AD))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void disableOrDestroy_primaryOrUnknownKey_isRefusedAndFileUntouched() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    int primary = LocalKeyset.keys(file, MASTER).get(0).id();
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> LocalKeyset.disable(file, MASTER, primary))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is the primary");
    assertThatThrownBy(() -> LocalKeyset.destroy(file, MASTER, primary))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is the primary");
    assertThatThrownBy(() -> LocalKeyset.disable(file, MASTER, primary + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no key");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void rekey_masterSecretToPassphraseAndBack_keepsTheKeys() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    byte[] old = open(file, MASTER).encrypt(new byte[] {9}, AD);
    List<LocalKeyset.KeyInfo> keys = LocalKeyset.keys(file, MASTER);

    LocalKeyset.rekey(file, MASTER, passphrase("a new passphrase"));
    assertThat(LocalKeyset.protectionOf(file)).isEqualTo(KeysetProtection.Kind.PASSPHRASE);
    assertThatThrownBy(() -> open(file, MASTER)).isInstanceOf(GeneralSecurityException.class);
    assertThat(LocalKeyset.keys(file, phrase("a new passphrase"))).isEqualTo(keys);
    assertThat(open(file, phrase("a new passphrase")).decrypt(old, AD)).containsExactly(9);

    Secret next = Secret.ofBytes(filled(40, 3));
    LocalKeyset.rekey(file, phrase("a new passphrase"), KeysetProtection.masterSecret(next));
    assertThat(open(file, Secret.ofBytes(filled(40, 3))).decrypt(old, AD)).containsExactly(9);
  }

  @Test
  void rekey_wrongCurrentSecret_leavesTheFileUntouched() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> LocalKeyset.rekey(file, Secret.ofBytes(filled(32, 9)),
        passphrase("a new passphrase"))).isInstanceOf(GeneralSecurityException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void rotate_concurrently_everyRotationApplies() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    int rotations = ConcurrentAttempts.countAdmitted(4, 2, thread -> {
      try {
        LocalKeyset.rotate(file, MASTER);
        return true;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(rotations).isEqualTo(8);
    // Defined behaviour: rotations apply one after the other, none is lost.
    assertThat(LocalKeyset.keys(file, MASTER)).hasSize(9);
  }

  @Test
  void rotate_leftoverTemporaryFileOfTheOldFixedName_doesNotBlock() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    Files.writeString(dir.resolve("kek.keyset.tmp"), "left by a crash");
    LocalKeyset.rotate(file, MASTER);
    assertThat(LocalKeyset.keys(file, MASTER)).hasSize(2);
  }

  @Test
  void createAndRotate_fileIsOwnerOnly() throws Exception {
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, MASTER);
    LocalKeyset.rotate(file, MASTER);
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }
}
