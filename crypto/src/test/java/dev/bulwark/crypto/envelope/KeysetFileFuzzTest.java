package dev.bulwark.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.bulwark.secrets.Secret;
import java.security.GeneralSecurityException;

/**
 * Fuzzes the local keyset file parser. Contract: for any file content, the header parser returns
 * or throws {@link GeneralSecurityException}; a parsed header never asks for more than the caps;
 * a master-secret file decrypts or throws {@link GeneralSecurityException}; never another
 * exception, never an allocation of attacker-chosen size. Passphrase files are parsed, not
 * derived (Argon2id at the caps is seconds per input, which would stall the fuzzer; the caps
 * themselves are what this test checks). Seeds are replayed from
 * {@code src/test/resources/dev/bulwark/crypto/envelope/KeysetFileFuzzTestInputs}; run with
 * {@code JAZZER_FUZZ=1} to search for new inputs.
 */
class KeysetFileFuzzTest {

  private static final Secret MASTER = Secret.ofBytes(new byte[32]);
  private static final byte[] VALID = valid();

  private static byte[] valid() {
    try {
      TinkRegistration.ensure();
      return KeysetFileFormat.encrypt(
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
          KeysetProtection.masterSecret(MASTER));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest
  void keysetFile_anyContent_parsesWithinCapsOrThrowsGeneralSecurityException(
      FuzzedDataProvider data) {
    byte[] file = FuzzInputs.mutatedOrRaw(data, VALID);
    KeysetFileFormat.Header header;
    try {
      header = KeysetFileFormat.parseHeader(file);
    } catch (GeneralSecurityException e) {
      assertThat(e).hasMessageStartingWith("not a Bulwark keyset file, or a damaged one: ");
      return;
    }
    assertThat(header.memoryKiB).isBetween(0, KeysetFileFormat.MAX_MEMORY_KIB);
    assertThat(header.iterations).isBetween(0, KeysetFileFormat.MAX_ITERATIONS);
    assertThat(header.parallelism).isBetween(0, KeysetFileFormat.MAX_PARALLELISM);
    assertThat(header.bytes.length).isLessThanOrEqualTo(file.length);
    if (header.kind == KeysetProtection.Kind.MASTER_SECRET) {
      try {
        KeysetFileFormat.decrypt(file, MASTER);
      } catch (GeneralSecurityException e) {
        assertThat(e).hasMessage("keyset file does not decrypt under this master secret");
      }
    }
  }
}
