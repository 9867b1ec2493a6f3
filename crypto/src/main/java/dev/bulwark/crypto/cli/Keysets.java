package dev.bulwark.crypto.cli;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.bulwark.crypto.envelope.EnvelopeEncryptor;
import dev.bulwark.crypto.envelope.KeysetProtection;
import dev.bulwark.crypto.envelope.LocalKeyset;
import dev.bulwark.crypto.internal.AtomicFile;
import dev.bulwark.secrets.Secret;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Keyset files for the tool: encrypted under a master secret or a passphrase
 * ({@link LocalKeyset}, the default), or in cleartext only when the caller passed
 * {@code --insecure-cleartext} (then only {@code keygen}, {@code rotate} and the
 * encrypt/decrypt/rewrap commands work).
 */
final class Keysets {

  /** Larger keyset files are refused before parsing (the same cap as {@link LocalKeyset}). */
  private static final int MAX_FILE_BYTES = 1 << 20;

  private Keysets() {
  }

  static void generate(Path file, boolean force, boolean cleartext, Credentials credentials,
      Credentials.Argon2Options argon2)
      throws CliException, IOException, GeneralSecurityException {
    AeadConfig.register();
    AtomicOutput.checkTarget(file, force); // before asking for a passphrase
    try {
      if (cleartext) {
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        AtomicFile.write(file, TinkProtoKeysetFormat.serializeKeyset(handle,
            InsecureSecretKeyAccess.get()), force);
        return;
      }
      KeysetProtection protection = credentials.forNew(false, argon2);
      try {
        LocalKeyset.create(file, protection, force);
      } finally {
        protection.destroy();
      }
    } catch (FileAlreadyExistsException e) {
      throw AtomicOutput.exists(file);
    }
  }

  static EnvelopeEncryptor open(Path file, boolean cleartext, Credentials credentials)
      throws CliException, IOException, GeneralSecurityException {
    AeadConfig.register();
    if (cleartext) {
      return EnvelopeEncryptor.builder().keyEncryptionKey(parseCleartext(read(file))
          .getPrimitive(ConfigurationV0.get(), Aead.class)).build();
    }
    return withSecret(file, credentials,
        secret -> EnvelopeEncryptor.builder().localKeyset(file, secret).build());
  }

  static void rotate(Path file, boolean cleartext, Credentials credentials)
      throws CliException, IOException, GeneralSecurityException {
    AeadConfig.register();
    if (cleartext) {
      read(file); // a clear "keyset not found"
      try {
        AtomicFile.update(file, MAX_FILE_BYTES, bytes -> {
          KeysetHandle current;
          try {
            current = parseCleartext(bytes);
          } catch (CliException e) {
            throw new GeneralSecurityException(e.getMessage());
          }
          return TinkProtoKeysetFormat.serializeKeyset(KeysetHandle.newBuilder(current)
              .addEntry(KeysetHandle.generateEntryFromParameters(
                  PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
              .build(), InsecureSecretKeyAccess.get());
        });
      } catch (GeneralSecurityException e) {
        throw new CliException(ExitCodes.KEYSET, String.valueOf(e.getMessage()));
      }
      return;
    }
    withSecret(file, credentials, secret -> {
      LocalKeyset.rotate(file, secret);
      return null;
    });
  }

  static List<LocalKeyset.KeyInfo> keys(Path file, Credentials credentials)
      throws CliException, IOException {
    return withSecret(file, credentials, secret -> LocalKeyset.keys(file, secret));
  }

  /** disable, enable or destroy one key. */
  static void changeKey(Path file, Credentials credentials, String action, int keyId)
      throws CliException, IOException {
    withSecret(file, credentials, secret -> {
      try {
        switch (action) {
          case "disable":
            LocalKeyset.disable(file, secret, keyId);
            break;
          case "enable":
            LocalKeyset.enable(file, secret, keyId);
            break;
          default:
            LocalKeyset.destroy(file, secret, keyId);
            break;
        }
      } catch (IllegalArgumentException e) {
        // no such key, the primary, or still enabled: the request is wrong, not the keyset
        throw new CliException(ExitCodes.USAGE, String.valueOf(e.getMessage()));
      }
      return null;
    });
  }

  static void rekey(Path file, Credentials credentials, Credentials.Argon2Options argon2)
      throws CliException, IOException {
    withSecret(file, credentials, secret -> {
      KeysetProtection next = credentials.forNew(true, argon2);
      try {
        LocalKeyset.rekey(file, secret, next);
      } finally {
        next.destroy();
      }
      return null;
    });
  }

  /** What to do with the secret; it is destroyed afterwards. */
  private interface SecretAction<T extends @Nullable Object> {
    T apply(Secret secret) throws CliException, IOException, GeneralSecurityException;
  }

  /** Reads the header, asks for the kind of secret it names, runs {@code action}. */
  private static <T extends @Nullable Object> T withSecret(Path file, Credentials credentials,
      SecretAction<T> action) throws CliException, IOException {
    byte[] bytes = read(file);
    KeysetProtection.Kind kind;
    try {
      kind = LocalKeyset.protectionOf(file);
    } catch (GeneralSecurityException e) {
      throw new CliException(ExitCodes.KEYSET, "keyset " + file + ": " + e.getMessage());
    }
    if (kind == KeysetProtection.Kind.MASTER_SECRET && isCleartext(bytes)) {
      throw new CliException(ExitCodes.KEYSET, "keyset " + file + " is not encrypted; pass "
          + "--insecure-cleartext to use it anyway, or make an encrypted one with keygen");
    }
    Secret secret = credentials.toOpen(kind);
    try {
      return action.apply(secret);
    } catch (GeneralSecurityException e) {
      throw new CliException(ExitCodes.KEYSET, "keyset " + file + " does not open with this "
          + (kind == KeysetProtection.Kind.MASTER_SECRET ? "master secret" : "passphrase"));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.KEYSET, e.getMessage()); // "at least 32 bytes", no value
    } finally {
      secret.destroy();
    }
  }

  private static byte[] read(Path file) throws CliException, IOException {
    try {
      return AtomicFile.readCapped(file, MAX_FILE_BYTES);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.IO, "keyset not found: " + file);
    } catch (FileSystemException e) {
      throw e; // permission denied and the like: reported as I/O errors
    } catch (IOException e) {
      throw new CliException(ExitCodes.KEYSET, "keyset " + file + " is larger than "
          + MAX_FILE_BYTES + " bytes; it is not a keyset");
    }
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
}
