package dev.bulwark.crypto.envelope;

import dev.bulwark.crypto.internal.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where {@link TenantEnvelopes} keeps each tenant's key, already encrypted under the master KEK.
 * Crypto-shredding is only as final as {@link #delete(String)}: a copy of the stored bytes in a
 * backup or replica brings the tenant's data back (with the master KEK), so let such copies
 * expire. Tenant ids reaching a store are already validated (1 to 128 characters of
 * {@code [A-Za-z0-9._-]}, not starting with a dot); the directory store checks them again.
 *
 * <p>Implementations must be thread-safe; {@link #putIfAbsent} must be atomic.
 */
public interface TenantKeyStore {

  /**
   * Returns the stored key of {@code tenantId}.
   *
   * @param tenantId the tenant
   * @return the encrypted key bytes, or empty if there is none
   * @throws IOException if the store cannot be read
   */
  Optional<byte[]> get(String tenantId) throws IOException;

  /**
   * Stores {@code encryptedKey} unless the tenant already has a key.
   *
   * @param tenantId the tenant
   * @param encryptedKey the key, encrypted under the master KEK
   * @return {@code true} if stored, {@code false} if a key was already there
   * @throws IOException if the store cannot be written
   */
  boolean putIfAbsent(String tenantId, byte[] encryptedKey) throws IOException;

  /**
   * Deletes the key of {@code tenantId}.
   *
   * @param tenantId the tenant
   * @return {@code true} if a key was deleted
   * @throws IOException if the store cannot be written
   */
  boolean delete(String tenantId) throws IOException;

  /**
   * A store in this JVM's memory, for tests and for keys that may die with the process.
   *
   * @return a new, empty store
   */
  static TenantKeyStore inMemory() {
    ConcurrentMap<String, byte[]> keys = new ConcurrentHashMap<>();
    return new TenantKeyStore() {
      @Override
      public Optional<byte[]> get(String tenantId) {
        return Optional.ofNullable(keys.get(tenantId)).map(byte[]::clone);
      }

      @Override
      public boolean putIfAbsent(String tenantId, byte[] encryptedKey) {
        return keys.putIfAbsent(tenantId, encryptedKey.clone()) == null;
      }

      @Override
      public boolean delete(String tenantId) {
        return keys.remove(tenantId) != null;
      }
    };
  }

  /**
   * A store of one file per tenant, {@code DIRECTORY/TENANT.key} (owner-only on POSIX). A file
   * is written whole under a unique temporary name, synced and hard-linked into place
   * ({@link AtomicFile}), so a crash never leaves half a key and two writers never overwrite
   * each other.
   *
   * @param directory an existing directory
   * @return the store
   */
  static TenantKeyStore directory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("the tenant key directory does not exist; create it "
          + "(owner-only) first");
    }
    return new TenantKeyStore() {
      private Path file(String tenantId) {
        TenantEnvelopes.checkTenantId(tenantId); // also when called directly: ids name files
        return directory.resolve(tenantId + ".key");
      }

      @Override
      public Optional<byte[]> get(String tenantId) throws IOException {
        try (InputStream in = Files.newInputStream(file(tenantId))) {
          byte[] bytes = in.readNBytes(TenantEnvelopes.MAX_KEY_BYTES + 1);
          if (bytes.length > TenantEnvelopes.MAX_KEY_BYTES) {
            throw new IOException("tenant key file is larger than "
                + TenantEnvelopes.MAX_KEY_BYTES + " bytes");
          }
          return Optional.of(bytes);
        } catch (NoSuchFileException e) {
          return Optional.empty();
        }
      }

      @Override
      public boolean putIfAbsent(String tenantId, byte[] encryptedKey) throws IOException {
        try {
          AtomicFile.write(file(tenantId), encryptedKey, false);
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        }
      }

      @Override
      public boolean delete(String tenantId) throws IOException {
        return Files.deleteIfExists(file(tenantId));
      }
    };
  }
}
