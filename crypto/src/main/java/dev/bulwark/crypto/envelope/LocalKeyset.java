package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.util.SecretBytes;
import dev.bulwark.secrets.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A key-encryption keyset kept in a local file, encrypted under a master secret: the embedded
 * default for one machine. The file holds a Tink keyset of AES-256-GCM keys in Tink's encrypted
 * proto keyset format. The keyset is encrypted with Tink's AES-256-GCM under a key derived from
 * the master secret with HKDF-SHA256 (Tink's {@code Hkdf}; empty salt, info
 * {@code "bulwark envelope local keyset v1"}), with associated data
 * {@code "bulwark-local-keyset"}. The master secret must hold at least 32 bytes of entropy (it is
 * not a password: no work factor is applied); load it with {@code dev.bulwark.secrets.Secrets}.
 *
 * <p>Rotation: {@link #rotate(Path, Secret)} adds a new primary key; data keys are then wrapped
 * under it while keys wrapped under older keys still decrypt, and
 * {@link EnvelopeEncryptor#rewrap(byte[], byte[])} moves them to the new primary.
 *
 * <p>Thread safety: the methods are stateless; do not rotate one file from two processes at
 * once.
 */
public final class LocalKeyset {

  static final int MIN_MASTER_SECRET_BYTES = 32;
  static final int MAX_FILE_BYTES = 1 << 20;
  private static final byte[] HKDF_INFO =
      "bulwark envelope local keyset v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEYSET_AD =
      "bulwark-local-keyset".getBytes(StandardCharsets.US_ASCII);

  private LocalKeyset() {
  }

  /**
   * Creates a new keyset file holding one AES-256-GCM key, readable by its owner only on POSIX
   * file systems. Fails if the file exists.
   *
   * @param file where to write the keyset
   * @param masterSecret the master secret (at least 32 bytes)
   * @throws IOException if the file exists or cannot be written
   * @throws GeneralSecurityException if Tink fails
   */
  public static void create(Path file, Secret masterSecret)
      throws IOException, GeneralSecurityException {
    Objects.requireNonNull(file, "file");
    Aead master = masterAead(masterSecret);
    KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    byte[] bytes = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master, KEYSET_AD);
    writeNew(file, bytes);
  }

  /**
   * Adds a new AES-256-GCM key to the keyset file and makes it the primary; the older keys stay
   * for decryption. The file is replaced atomically.
   *
   * @param file the keyset file
   * @param masterSecret the master secret the file is encrypted under
   * @throws IOException if the file cannot be read or written
   * @throws GeneralSecurityException if the file does not decrypt under the master secret
   */
  public static void rotate(Path file, Secret masterSecret)
      throws IOException, GeneralSecurityException {
    Aead master = masterAead(masterSecret);
    KeysetHandle old = read(file, master);
    KeysetHandle rotated = KeysetHandle.newBuilder(old)
        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
            .withRandomId().makePrimary())
        .build();
    byte[] bytes = TinkProtoKeysetFormat.serializeEncryptedKeyset(rotated, master, KEYSET_AD);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    writeNew(temp, bytes);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Creates {@code file} (never replacing one), owner-only where the file system is POSIX. */
  private static void writeNew(Path file, byte[] bytes) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    boolean posix = parent != null
        && Files.getFileStore(parent).supportsFileAttributeView(PosixFileAttributeView.class);
    if (posix) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
      Files.write(file, bytes, StandardOpenOption.WRITE);
    } else {
      Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
  }

  /**
   * Loads the keyset file as an {@link Aead} that encrypts under the primary key and decrypts
   * under any key of the set, e.g. as the master key of {@link TenantEnvelopes}.
   *
   * @param file the keyset file
   * @param masterSecret the master secret it is encrypted under
   * @return the keyset's primitive
   * @throws IOException if the file cannot be read
   * @throws GeneralSecurityException if the file does not decrypt under the master secret
   */
  public static Aead load(Path file, Secret masterSecret) throws IOException, GeneralSecurityException {
    return read(file, masterAead(masterSecret)).getPrimitive(ConfigurationV0.get(),
        Aead.class);
  }

  private static KeysetHandle read(Path file, Aead master)
      throws IOException, GeneralSecurityException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new IOException("keyset file is larger than " + MAX_FILE_BYTES + " bytes");
    }
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(bytes, master, KEYSET_AD);
    } catch (GeneralSecurityException e) {
      throw new GeneralSecurityException("keyset file does not decrypt under this master secret");
    }
  }

  private static Aead masterAead(Secret masterSecret) throws GeneralSecurityException {
    Objects.requireNonNull(masterSecret, "masterSecret");
    TinkRegistration.ensure();
    byte[] ikm = masterSecret.bytes();
    byte[] key = null;
    try {
      if (ikm.length < MIN_MASTER_SECRET_BYTES) {
        throw new IllegalArgumentException("master secret must hold at least "
            + MIN_MASTER_SECRET_BYTES + " bytes");
      }
      key = Hkdf.computeHkdf("HMACSHA256", ikm, new byte[0], HKDF_INFO, 32);
      AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(32)
          .setIvSizeBytes(12).setTagSizeBytes(16)
          .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
      return AesGcmJce.create(AesGcmKey.builder().setParameters(parameters)
          .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build());
    } finally {
      Arrays.fill(ikm, (byte) 0);
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }
}
