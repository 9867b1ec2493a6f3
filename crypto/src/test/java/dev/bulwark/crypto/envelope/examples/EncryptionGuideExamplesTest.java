package dev.bulwark.crypto.envelope.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.crypto.envelope.EnvelopeEncryptor;
import dev.bulwark.crypto.envelope.KeysetProtection;
import dev.bulwark.crypto.envelope.LocalKeyset;
import dev.bulwark.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of {@code docs/encryption.md}, compiled and run. */
class EncryptionGuideExamplesTest {

  @TempDir
  Path dir;

  @Test
  void guide_localKeysetExample_roundTrips() throws Exception {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 3);
    Secret master = Secret.ofBytes(key); // in an application: secrets.require("...")
    Path file = dir.resolve("kek.keyset");
    LocalKeyset.create(file, master);

    EnvelopeEncryptor envelope = EnvelopeEncryptor.builder()
        .localKeyset(file, master)
        .kekId("local")
        .dataKeyCache(Duration.ofMinutes(5), 10_000, 1L << 30)
        .build();
    byte[] tenantId = "tenant-42".getBytes(StandardCharsets.UTF_8);
    byte[] plaintext = "hello".getBytes(StandardCharsets.UTF_8);

    byte[] ciphertext = envelope.encrypt(plaintext, tenantId);
    assertThat(envelope.decrypt(ciphertext, tenantId)).isEqualTo(plaintext);
    String column = envelope.encryptToString("4111 1111 1111 1111", tenantId);
    assertThat(envelope.decryptToString(column, tenantId)).isEqualTo("4111 1111 1111 1111");

    LocalKeyset.rotate(file, master);
    EnvelopeEncryptor rotated = EnvelopeEncryptor.builder().localKeyset(file, master)
        .kekId("local").build();
    byte[] rewrapped = rotated.rewrap(ciphertext, tenantId);
    assertThat(rotated.decrypt(rewrapped, tenantId)).isEqualTo(plaintext);

    List<LocalKeyset.KeyInfo> keys = LocalKeyset.keys(file, master);
    int oldest = keys.get(0).id();
    LocalKeyset.disable(file, master, oldest);
    LocalKeyset.destroy(file, master, oldest);
    Secret newMaster = Secret.ofBytes(new byte[40]);
    LocalKeyset.rekey(file, master, KeysetProtection.masterSecret(newMaster));
    EnvelopeEncryptor rekeyed = EnvelopeEncryptor.builder().localKeyset(file, newMaster)
        .kekId("local").build();
    assertThat(rekeyed.decrypt(rewrapped, tenantId)).isEqualTo(plaintext);
  }
}
