package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.bulwark.crypto.internal.AtomicFile;
import dev.bulwark.secrets.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A key-encryption keyset kept in a local file, encrypted under a master secret or a passphrase
 * ({@link KeysetProtection}): the embedded default for one machine. The file holds a Tink keyset
 * of AES-256-GCM keys, encrypted with AES-256-GCM under a key derived with HKDF-SHA256 from a
 * master secret (at least 32 bytes of key material) or with Argon2id from a passphrase; a
 * versioned header says which (docs/formats.md). Every method that opens a file takes "the
 * secret": the master secret or the passphrase, whichever the file's header asks for.
 *
 * <p>Rotation: {@link #rotate(Path, Secret)} adds a new primary key; data keys are then wrapped
 * under it while keys wrapped under older keys still decrypt, and
 * {@link EnvelopeEncryptor#rewrap(byte[], byte[])} moves them to the new primary. Retiring:
 * {@link #disable} stops a key from decrypting (reversibly, with {@link #enable}); {@link #destroy}
 * deletes a disabled key for good. {@link #rekey} re-encrypts the file under a new secret without
 * changing the keys.
 *
 * <p>Files are written whole or not at all, owner-only ({@code rw-------}) on POSIX, by
 * {@link AtomicFile}. Thread safety: every change is a read-modify-write under a lock (in this
 * JVM and an OS file lock on {@code .NAME.lock} beside the file), so concurrent rotations from
 * threads or processes both apply, one after the other; readers see the old or the new file.
 */
public final class LocalKeyset {

  static final int MIN_MASTER_SECRET_BYTES = KeysetFileFormat.MIN_MASTER_SECRET_BYTES;
  static final int MAX_FILE_BYTES = KeysetFileFormat.MAX_FILE_BYTES;

  /**
   * One key of the keyset, without its material.
   *
   * @param id the Tink key id (an unsigned 32-bit number; print it with
   *     {@link Integer#toUnsignedString(int)}); envelopes name it in their wrapped key
   * @param enabled whether the key decrypts
   * @param primary whether new data keys are wrapped under it
   */
  public record KeyInfo(int id, boolean enabled, boolean primary) {
  }

  private LocalKeyset() {
  }

  /**
   * Creates a new keyset file holding one AES-256-GCM key, encrypted under a master secret.
   * Fails if the file exists.
   *
   * @param file where to write the keyset
   * @param masterSecret the master secret (at least 32 bytes)
   * @throws IOException if the file exists or cannot be written
   * @throws GeneralSecurityException if Tink fails
   */
  public static void create(Path file, Secret masterSecret)
      throws IOException, GeneralSecurityException {
    create(file, KeysetProtection.masterSecret(masterSecret), false);
  }

  /**
   * Creates a new keyset file holding one AES-256-GCM key.
   *
   * @param file where to write the keyset
   * @param protection the master secret or passphrase to encrypt it under
   * @param replaceExisting whether an existing file is replaced; its keys are then lost, and
   *     every envelope wrapped under them with it
   * @throws java.nio.file.FileAlreadyExistsException if the file exists and
   *     {@code replaceExisting} is off
   * @throws IOException if the file cannot be written
   * @throws GeneralSecurityException if Tink fails
   */
  public static void create(Path file, KeysetProtection protection, boolean replaceExisting)
      throws IOException, GeneralSecurityException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(protection, "protection");
    TinkRegistration.ensure();
    KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    AtomicFile.write(file, KeysetFileFormat.encrypt(handle, protection), replaceExisting);
  }

  /**
   * Says which kind of secret opens the file, from its header alone (no secret needed).
   *
   * @param file the keyset file
   * @return master secret or passphrase
   * @throws IOException if the file cannot be read or is over 1 MiB
   * @throws GeneralSecurityException if the header is damaged, of an unknown version, or asks
   *     for Argon2id parameters beyond the caps (the message names the field)
   */
  public static KeysetProtection.Kind protectionOf(Path file)
      throws IOException, GeneralSecurityException {
    return KeysetFileFormat.parseHeader(AtomicFile.readCapped(file, MAX_FILE_BYTES)).kind;
  }

  /**
   * Loads the keyset file as an {@link Aead} that encrypts under the primary key and decrypts
   * under any enabled key of the set, e.g. as the master key of {@link TenantEnvelopes}.
   *
   * @param file the keyset file
   * @param secret the master secret or passphrase it is encrypted under
   * @return the keyset's primitive
   * @throws IOException if the file cannot be read
   * @throws GeneralSecurityException if the file does not decrypt under the secret
   */
  public static Aead load(Path file, Secret secret) throws IOException, GeneralSecurityException {
    return read(file, secret).getPrimitive(ConfigurationV0.get(), Aead.class);
  }

  /**
   * Lists the keys in the order they were added (the first is the oldest), without their
   * material.
   *
   * @param file the keyset file
   * @param secret the master secret or passphrase it is encrypted under
   * @return the keys
   * @throws IOException if the file cannot be read
   * @throws GeneralSecurityException if the file does not decrypt under the secret
   */
  public static List<KeyInfo> keys(Path file, Secret secret)
      throws IOException, GeneralSecurityException {
    KeysetHandle handle = read(file, secret);
    List<KeyInfo> keys = new ArrayList<>();
    for (int i = 0; i < handle.size(); i++) {
      KeysetHandle.Entry entry = handle.getAt(i);
      keys.add(new KeyInfo(entry.getId(), entry.getStatus().equals(KeyStatus.ENABLED),
          entry.isPrimary()));
    }
    return List.copyOf(keys);
  }

  /**
   * Adds a new AES-256-GCM key to the keyset file and makes it the primary; the older keys stay
   * for decryption. The file is replaced atomically.
   *
   * @param file the keyset file
   * @param secret the master secret or passphrase the file is encrypted under
   * @throws IOException if the file cannot be read or written
   * @throws GeneralSecurityException if the file does not decrypt under the secret
   */
  public static void rotate(Path file, Secret secret)
      throws IOException, GeneralSecurityException {
    change(file, secret, old -> KeysetHandle.newBuilder(old)
        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
            .withRandomId().makePrimary())
        .build());
  }

  /**
   * Disables a key: envelopes whose data key it wrapped stop decrypting until it is enabled
   * again. A reversible step before {@link #destroy}.
   *
   * @param file the keyset file
   * @param secret the master secret or passphrase
   * @param keyId the key's id, as {@link #keys} lists it
   * @throws IllegalArgumentException if there is no such key or it is the primary
   * @throws IOException if the file cannot be read or written
   * @throws GeneralSecurityException if the file does not decrypt under the secret
   */
  public static void disable(Path file, Secret secret, int keyId)
      throws IOException, GeneralSecurityException {
    setStatus(file, secret, keyId, KeyStatus.DISABLED);
  }

  /**
   * Enables a disabled key again.
   *
   * @param file the keyset file
   * @param secret the master secret or passphrase
   * @param keyId the key's id
   * @throws IllegalArgumentException if there is no such key
   * @throws IOException if the file cannot be read or written
   * @throws GeneralSecurityException if the file does not decrypt under the secret
   */
  public static void enable(Path file, Secret secret, int keyId)
      throws IOException, GeneralSecurityException {
    setStatus(file, secret, keyId, KeyStatus.ENABLED);
  }

  /**
   * Deletes a disabled key and its material from the file. Irreversible: every envelope whose
   * data key it wrapped becomes unreadable (unless an older copy of the keyset file survives).
   * Rewrap such envelopes first.
   *
   * @param file the keyset file
   * @param secret the master secret or passphrase
   * @param keyId the key's id
   * @throws IllegalArgumentException if there is no such key, it is the primary, or it is still
   *     enabled (disable it first)
   * @throws IOException if the file cannot be read or written
   * @throws GeneralSecurityException if the file does not decrypt under the secret
   */
  public static void destroy(Path file, Secret secret, int keyId)
      throws IOException, GeneralSecurityException {
    change(file, secret, old -> {
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(old);
      int index = indexOf(old, keyId, "destroy");
      if (!old.getAt(index).getStatus().equals(KeyStatus.DISABLED)) {
        throw new IllegalArgumentException("key " + Integer.toUnsignedString(keyId)
            + " is enabled; disable it first and check that nothing still needs it");
      }
      return builder.deleteAt(index).build();
    });
  }

  /**
   * Re-encrypts the keyset file under a new master secret or passphrase, keeping every key.
   *
   * @param file the keyset file
   * @param current the master secret or passphrase it is encrypted under now
   * @param next what to encrypt it under from now on
   * @throws IOException if the file cannot be read or written
   * @throws GeneralSecurityException if the file does not decrypt under {@code current}
   */
  public static void rekey(Path file, Secret current, KeysetProtection next)
      throws IOException, GeneralSecurityException {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(current, "current");
    AtomicFile.update(file, MAX_FILE_BYTES,
        bytes -> KeysetFileFormat.encrypt(KeysetFileFormat.decrypt(bytes, current), next));
  }

  private static void setStatus(Path file, Secret secret, int keyId, KeyStatus status)
      throws IOException, GeneralSecurityException {
    change(file, secret, old -> {
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(old);
      builder.getAt(indexOf(old, keyId, status.equals(KeyStatus.ENABLED) ? "enable" : "disable"))
          .setStatus(status);
      return builder.build();
    });
  }

  private static int indexOf(KeysetHandle keyset, int keyId, String action) {
    for (int i = 0; i < keyset.size(); i++) {
      if (keyset.getAt(i).getId() == keyId) {
        if (keyset.getAt(i).isPrimary() && !action.equals("enable")) {
          throw new IllegalArgumentException("key " + Integer.toUnsignedString(keyId)
              + " is the primary; rotate first, then " + action + " the old key");
        }
        return i;
      }
    }
    throw new IllegalArgumentException("the keyset has no key " + Integer.toUnsignedString(keyId));
  }

  private static void change(Path file, Secret secret, KeysetFileFormat.Change change)
      throws IOException, GeneralSecurityException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(secret, "secret");
    AtomicFile.update(file, MAX_FILE_BYTES,
        bytes -> KeysetFileFormat.change(bytes, secret, change));
  }

  private static KeysetHandle read(Path file, Secret secret)
      throws IOException, GeneralSecurityException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(secret, "secret");
    return KeysetFileFormat.decrypt(AtomicFile.readCapped(file, MAX_FILE_BYTES), secret);
  }
}
