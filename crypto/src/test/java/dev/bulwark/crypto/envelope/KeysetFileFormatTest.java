package dev.bulwark.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.util.SecretBytes;
import dev.bulwark.secrets.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyset file header (docs/formats.md): one named negative test per field and cap. A hostile
 * header must be refused before any key derivation, so none of these tests waits for Argon2id.
 */
class KeysetFileFormatTest {

  private static final byte[] AD = {7};
  private static final Secret MASTER = Secret.ofBytes(new byte[32]);

  @TempDir Path dir;

  /** A version 2 Argon2id header with the given fields, followed by some keyset bytes. */
  private static byte[] argon2Header(int version, int kdf, int memoryKiB, int iterations,
      int parallelism, int saltLength, int saltBytesPresent) {
    ByteBuffer out = ByteBuffer.allocate(4 + 12 + saltBytesPresent + 8);
    out.put("BWKS".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) kdf)
        .putInt(memoryKiB).putInt(iterations).put((byte) parallelism).put((byte) saltLength);
    out.put(new byte[saltBytesPresent]).put(new byte[8]);
    return out.array();
  }

  private static byte[] argon2(int memoryKiB, int iterations, int parallelism, int saltLength) {
    return argon2Header(2, 2, memoryKiB, iterations, parallelism, saltLength, saltLength);
  }

  private static void assertRefused(byte[] file, String message) {
    assertThatThrownBy(() -> KeysetFileFormat.parseHeader(file))
        .isExactlyInstanceOf(GeneralSecurityException.class)
        .hasMessageStartingWith("not a Bulwark keyset file, or a damaged one: ")
        .hasMessageContaining(message);
  }

  @Test
  void header_validArgon2_parses() throws Exception {
    KeysetFileFormat.Header header = KeysetFileFormat.parseHeader(argon2(65536, 3, 1, 16));
    assertThat(header.kind).isEqualTo(KeysetProtection.Kind.PASSPHRASE);
    assertThat(header.memoryKiB).isEqualTo(65536);
    assertThat(header.iterations).isEqualTo(3);
    assertThat(header.parallelism).isEqualTo(1);
    assertThat(header.bytes).hasSize(4 + 12 + 16);
  }

  @Test
  void header_memoryAboveCap_isRefused() {
    assertRefused(argon2(KeysetFileFormat.MAX_MEMORY_KIB + 1, 1, 1, 16),
        "memory 262145 KiB is outside 8..262144 KiB");
  }

  @Test
  void header_memoryNegativeAsSigned_isRefusedAsAHugeValue() {
    assertRefused(argon2(-1, 1, 1, 16), "memory 4294967295 KiB");
  }

  @Test
  void header_memoryBelowEightPerLane_isRefused() {
    assertRefused(argon2(31, 1, 4, 16), "memory 31 KiB is outside 32..262144 KiB");
  }

  @Test
  void header_iterationsAboveCap_isRefused() {
    assertRefused(argon2(65536, KeysetFileFormat.MAX_ITERATIONS + 1, 1, 16),
        "iterations 17 is outside 1..16");
  }

  @Test
  void header_iterationsHuge_isRefused() {
    assertRefused(argon2(65536, Integer.MAX_VALUE, 1, 16), "iterations 2147483647");
  }

  @Test
  void header_iterationsZero_isRefused() {
    assertRefused(argon2(65536, 0, 1, 16), "iterations 0 is outside 1..16");
  }

  @Test
  void header_parallelismAboveCap_isRefused() {
    assertRefused(argon2(65536, 3, KeysetFileFormat.MAX_PARALLELISM + 1, 16),
        "parallelism 17 is outside 1..16");
  }

  @Test
  void header_parallelismZero_isRefused() {
    assertRefused(argon2(65536, 3, 0, 16), "parallelism 0 is outside 1..16");
  }

  @Test
  void header_saltShorterThanMinimum_isRefused() {
    assertRefused(argon2(65536, 3, 1, 15), "salt length 15 is outside 16..64");
  }

  @Test
  void header_saltLongerThanCap_isRefused() {
    assertRefused(argon2(65536, 3, 1, 65), "salt length 65 is outside 16..64");
  }

  @Test
  void header_truncatedSalt_isRefused() {
    byte[] file = argon2Header(2, 2, 65536, 3, 1, 16, 0);
    assertRefused(Arrays.copyOf(file, 4 + 12 + 5), "truncated salt");
  }

  @Test
  void header_truncatedParameters_isRefused() {
    assertRefused(Arrays.copyOf(argon2(65536, 3, 1, 16), 4 + 2 + 9),
        "truncated Argon2id parameters");
  }

  @Test
  void header_magicOnly_isRefused() {
    assertRefused("BWKS".getBytes(StandardCharsets.US_ASCII), "truncated header");
  }

  @Test
  void header_unknownVersion_isRefused() {
    assertRefused(argon2Header(3, 2, 65536, 3, 1, 16, 16), "unknown version 3");
  }

  @Test
  void header_unknownKdf_isRefused() {
    assertRefused(argon2Header(2, 9, 65536, 3, 1, 16, 16), "unknown key derivation 9");
  }

  @Test
  void load_hostileHeader_failsBeforeAnyDerivation() throws Exception {
    // 4 GiB and 2^31 passes would take years; the cap refuses it at once.
    Path file = dir.resolve("hostile.keyset");
    Files.write(file, argon2(-1, Integer.MAX_VALUE, 1, 16));
    assertThatThrownBy(() -> LocalKeyset.load(file, Secret.ofChars("a passphrase!".toCharArray())))
        .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("outside");
    assertThatThrownBy(() -> LocalKeyset.protectionOf(file))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void versionOneFile_withoutHeader_stillOpensAndIsUpgradedOnRotate() throws Exception {
    // A file as LocalKeyset wrote it before the header existed: the bare Tink encrypted keyset
    // under HKDF-SHA256(master secret, info "bulwark envelope local keyset v1").
    TinkRegistration.ensure();
    KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    byte[] key = Hkdf.computeHkdf("HMACSHA256", new byte[32], new byte[0],
        "bulwark envelope local keyset v1".getBytes(StandardCharsets.US_ASCII), 32);
    Aead kek = AesGcmJce.create(AesGcmKey.builder()
        .setParameters(AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12)
            .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build())
        .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build());
    Path file = dir.resolve("v1.keyset");
    Files.write(file, TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, kek,
        "bulwark-local-keyset".getBytes(StandardCharsets.US_ASCII)));
    assertThat(LocalKeyset.protectionOf(file)).isEqualTo(KeysetProtection.Kind.MASTER_SECRET);
    byte[] old = EnvelopeEncryptor.builder().localKeyset(file, MASTER).build().encrypt(
        new byte[] {1}, AD);

    LocalKeyset.rotate(file, MASTER);
    assertThat(new String(Arrays.copyOf(Files.readAllBytes(file), 4),
        StandardCharsets.US_ASCII)).isEqualTo("BWKS");
    assertThat(LocalKeyset.keys(file, MASTER)).hasSize(2);
    assertThat(EnvelopeEncryptor.builder().localKeyset(file, MASTER).build().decrypt(old, AD))
        .containsExactly(1);
  }

  @Test
  void header_changedParameterOfAValidFile_doesNotDecrypt() throws Exception {
    Path file = dir.resolve("p.keyset");
    Secret passphrase = Secret.ofChars("correct horse battery".toCharArray());
    LocalKeyset.create(file, KeysetProtection.passphrase(passphrase, 7168, 5, 1), false);
    byte[] bytes = Files.readAllBytes(file);
    bytes[4 + 2 + 7] = 6; // iterations 5 -> 6: another key, and the header is authenticated
    Files.write(file, bytes);
    assertThatThrownBy(() -> LocalKeyset.load(file, passphrase))
        .isExactlyInstanceOf(GeneralSecurityException.class)
        .hasMessage("keyset file does not decrypt under this passphrase");
  }
}
