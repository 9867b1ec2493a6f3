package dev.bulwark.crypto.cli;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.bulwark.crypto.envelope.EnvelopeEncryptor;
import dev.bulwark.crypto.envelope.LocalKeyset;
import dev.bulwark.secrets.Secret;
import dev.bulwark.secrets.SecretsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;

/**
 * Keyset files for the tool: encrypted under the master secret ({@link LocalKeyset}, the
 * default), or in cleartext only when the caller passed {@code --insecure-cleartext}.
 */
final class Keysets {

  /** Larger keyset files are refused before parsing (the same cap as {@link LocalKeyset}). */
  private static final int MAX_FILE_BYTES = 1 << 20;

  /** Supplies the master secret only when it is needed, so cleartext keysets never ask. */
  interface MasterSecretSource {
    Secret get() throws CliException;
  }

  private Keysets() {
  }

  static void generate(Path file, boolean force, boolean cleartext, MasterSecretSource master)
      throws CliException, IOException, GeneralSecurityException {
    AeadConfig.register();
    if (cleartext) {
      KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      write(file, force, TinkProtoKeysetFormat.serializeKeyset(handle,
          InsecureSecretKeyAccess.get()));
      return;
    }
    Secret secret = master.get();
    try (AtomicOutput out = AtomicOutput.open(file, force)) {
      // LocalKeyset.create writes with CREATE_NEW: hand it the (owner-only) temporary file's
      // name freshly emptied, then rename it into place like any other output.
      Path temp = out.tempFile();
      Files.delete(temp);
      try {
        LocalKeyset.create(temp, secret);
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.KEYSET, e.getMessage());
      }
      out.commit();
    } finally {
      secret.destroy();
    }
  }

  static EnvelopeEncryptor open(Path file, boolean cleartext, MasterSecretSource master)
      throws CliException, IOException, GeneralSecurityException {
    AeadConfig.register();
    byte[] bytes = read(file);
    if (cleartext) {
      return EnvelopeEncryptor.builder().keyEncryptionKey(parseCleartext(bytes).getPrimitive(
          ConfigurationV0.get(), Aead.class)).build();
    }
    refuseCleartext(file, bytes);
    return withMasterSecret(file, master,
        secret -> EnvelopeEncryptor.builder().localKeyset(file, secret).build());
  }

  static void rotate(Path file, boolean cleartext, MasterSecretSource master)
      throws CliException, IOException, GeneralSecurityException {
    AeadConfig.register();
    byte[] bytes = read(file);
    if (cleartext) {
      KeysetHandle rotated = KeysetHandle.newBuilder(parseCleartext(bytes))
          .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
              .withRandomId().makePrimary())
          .build();
      write(file, true, TinkProtoKeysetFormat.serializeKeyset(rotated,
          InsecureSecretKeyAccess.get()));
      return;
    }
    refuseCleartext(file, bytes);
    withMasterSecret(file, master, secret -> {
      LocalKeyset.rotate(file, secret);
      return null;
    });
  }

  /** What to do with the master secret; it is destroyed afterwards. */
  private interface SecretAction<T extends @Nullable Object> {
    T apply(Secret secret) throws IOException, GeneralSecurityException;
  }

  private static <T extends @Nullable Object> T withMasterSecret(Path file, MasterSecretSource master,
      SecretAction<T> action) throws CliException, IOException {
    Secret secret = master.get();
    try {
      return action.apply(secret);
    } catch (GeneralSecurityException e) {
      throw new CliException(ExitCodes.KEYSET, "keyset " + file
          + " does not open with this master secret");
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.KEYSET, e.getMessage()); // "at least 32 bytes", no value
    } finally {
      secret.destroy();
    }
  }

  private static void refuseCleartext(Path file, byte[] bytes) throws CliException {
    if (isCleartext(bytes)) {
      throw new CliException(ExitCodes.KEYSET, "keyset " + file + " is not encrypted; pass "
          + "--insecure-cleartext to use it anyway, or make an encrypted one with keygen");
    }
  }

  private static void write(Path file, boolean force, byte[] bytes)
      throws CliException, IOException {
    try (AtomicOutput out = AtomicOutput.open(file, force)) {
      out.stream().write(bytes);
      out.commit();
    }
  }

  private static byte[] read(Path file) throws CliException, IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.IO, "keyset not found: " + file);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new CliException(ExitCodes.KEYSET, "keyset " + file + " is larger than "
          + MAX_FILE_BYTES + " bytes; it is not a keyset");
    }
    return bytes;
  }

  private static boolean isCleartext(byte[] bytes) {
    try {
      parseCleartext(bytes);
      return true;
    } catch (CliException e) {
      return false;
    }
  }

  private static KeysetHandle parseCleartext(byte[] bytes) throws CliException {
    try {
      KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(bytes,
          InsecureSecretKeyAccess.get());
      handle.getPrimitive(ConfigurationV0.get(), Aead.class);
      return handle;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CliException(ExitCodes.KEYSET, "keyset is not a cleartext AEAD keyset (drop "
          + "--insecure-cleartext to open an encrypted one)");
    }
  }

  /** Maps the secrets loader's failures (their messages never hold a value) to exit code 4. */
  static CliException secretProblem(SecretsException e) {
    return new CliException(ExitCodes.KEYSET, e.getMessage());
  }
}
