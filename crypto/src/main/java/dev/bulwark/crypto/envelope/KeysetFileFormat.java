package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.util.SecretBytes;
import dev.bulwark.crypto.internal.Argon2id;
import dev.bulwark.crypto.internal.PasswordText;
import dev.bulwark.secrets.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The local keyset file (docs/formats.md, "Local keyset file"). Version 2:
 * {@code "BWKS" || 0x02 || kdf || kdf parameters || Tink encrypted keyset}, the keyset encrypted
 * with AES-256-GCM under the key the KDF derives, with associated data
 * {@code "bulwark-local-keyset" || 0x00 || header}. kdf {@code 0x01} is HKDF-SHA256 of a master
 * secret (no parameters); {@code 0x02} is Argon2id of a passphrase: memory KiB (4 bytes),
 * iterations (4 bytes), parallelism (1 byte), salt length (1 byte), salt. Version 1 (still read,
 * never written) is the bare Tink encrypted keyset under HKDF, associated data
 * {@code "bulwark-local-keyset"}; a Tink proto starts with {@code 0x12}, never with the magic.
 *
 * <p>Every stored parameter is checked against a cap before any work: a hostile file cannot ask
 * for more than 256 MiB or more than 16 passes.
 */
final class KeysetFileFormat {

  static final int MAX_FILE_BYTES = 1 << 20;
  static final int MIN_MASTER_SECRET_BYTES = 32;
  static final int MAX_MEMORY_KIB = 256 * 1024;
  static final int MAX_ITERATIONS = 16;
  static final int MAX_PARALLELISM = 16;
  static final int MIN_SALT_BYTES = 16;
  static final int MAX_SALT_BYTES = 64;
  static final int SALT_BYTES = 16;
  static final byte VERSION = 2;
  static final byte KDF_HKDF = 1;
  static final byte KDF_ARGON2ID = 2;
  private static final byte[] MAGIC = {'B', 'W', 'K', 'S'};
  private static final byte[] HKDF_INFO =
      "bulwark envelope local keyset v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEYSET_AD =
      "bulwark-local-keyset".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeysetFileFormat() {
  }

  /** A parsed header: what the file needs to be opened. */
  static final class Header {
    final int version;
    final KeysetProtection.Kind kind;
    final int memoryKiB;
    final int iterations;
    final int parallelism;
    final byte[] salt;
    /** The header's bytes (empty for version 1); the keyset follows them. */
    final byte[] bytes;

    Header(int version, KeysetProtection.Kind kind, int memoryKiB, int iterations,
        int parallelism, byte[] salt, byte[] bytes) {
      this.version = version;
      this.kind = kind;
      this.memoryKiB = memoryKiB;
      this.iterations = iterations;
      this.parallelism = parallelism;
      this.salt = salt.clone();
      this.bytes = bytes.clone();
    }

    byte[] associatedData() {
      if (version == 1) {
        return KEYSET_AD.clone();
      }
      byte[] ad = Arrays.copyOf(KEYSET_AD, KEYSET_AD.length + 1 + bytes.length);
      System.arraycopy(bytes, 0, ad, KEYSET_AD.length + 1, bytes.length);
      return ad;
    }
  }

  /** A file that is not a keyset this version can open; the message names the field. */
  static GeneralSecurityException invalid(String what) {
    return new GeneralSecurityException("not a Bulwark keyset file, or a damaged one: " + what);
  }

  static Header parseHeader(byte[] file) throws GeneralSecurityException {
    if (file.length < MAGIC.length
        || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
      return new Header(1, KeysetProtection.Kind.MASTER_SECRET, 0, 0, 0, new byte[0],
          new byte[0]);
    }
    ByteBuffer in = ByteBuffer.wrap(file);
    in.position(MAGIC.length);
    if (in.remaining() < 2) {
      throw invalid("truncated header");
    }
    int version = in.get() & 0xff;
    if (version != VERSION) {
      throw invalid("unknown version " + version + " (this Bulwark reads versions 1 and 2)");
    }
    int kdf = in.get() & 0xff;
    if (kdf == KDF_HKDF) {
      return new Header(version, KeysetProtection.Kind.MASTER_SECRET, 0, 0, 0, new byte[0],
          Arrays.copyOf(file, in.position()));
    }
    if (kdf != KDF_ARGON2ID) {
      throw invalid("unknown key derivation " + kdf);
    }
    if (in.remaining() < 10) {
      throw invalid("truncated Argon2id parameters");
    }
    long memoryKiB = in.getInt() & 0xffffffffL;
    long iterations = in.getInt() & 0xffffffffL;
    int parallelism = in.get() & 0xff;
    int saltLength = in.get() & 0xff;
    String problem = checkArgon2(memoryKiB, iterations, parallelism);
    if (problem != null) {
      throw invalid(problem);
    }
    if (saltLength < MIN_SALT_BYTES || saltLength > MAX_SALT_BYTES) {
      throw invalid("salt length " + saltLength + " is outside " + MIN_SALT_BYTES + ".."
          + MAX_SALT_BYTES);
    }
    if (in.remaining() < saltLength) {
      throw invalid("truncated salt");
    }
    byte[] salt = new byte[saltLength];
    in.get(salt);
    return new Header(version, KeysetProtection.Kind.PASSPHRASE, (int) memoryKiB,
        (int) iterations, parallelism, salt, Arrays.copyOf(file, in.position()));
  }

  /** Returns what is wrong with these Argon2id parameters, or {@code null}. */
  static @Nullable String checkArgon2(long memoryKiB, long iterations, int parallelism) {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      return "Argon2id parallelism " + parallelism + " is outside 1.." + MAX_PARALLELISM;
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      return "Argon2id iterations " + iterations + " is outside 1.." + MAX_ITERATIONS;
    }
    if (memoryKiB < 8L * parallelism || memoryKiB > MAX_MEMORY_KIB) {
      return "Argon2id memory " + memoryKiB + " KiB is outside " + 8 * parallelism + ".."
          + MAX_MEMORY_KIB + " KiB";
    }
    return null;
  }

  static void checkMasterSecretLength(Secret masterSecret) {
    if (masterSecret.withBytes(bytes -> bytes.length) < MIN_MASTER_SECRET_BYTES) {
      throw new IllegalArgumentException("master secret must hold at least "
          + MIN_MASTER_SECRET_BYTES + " bytes");
    }
  }

  /** Changes a decrypted keyset. */
  interface Change {
    KeysetHandle apply(KeysetHandle keyset) throws GeneralSecurityException;
  }

  /** Decrypts a keyset file's content with the secret its header asks for. */
  static KeysetHandle decrypt(byte[] file, Secret secret) throws GeneralSecurityException {
    Header header = parseHeader(file);
    return decrypt(file, header, keysetKey(header, secret));
  }

  private static KeysetHandle decrypt(byte[] file, Header header, Aead key)
      throws GeneralSecurityException {
    byte[] keyset = Arrays.copyOfRange(file, header.bytes.length, file.length);
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(keyset, key, header.associatedData());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new GeneralSecurityException("keyset file does not decrypt under this "
          + (header.kind == KeysetProtection.Kind.MASTER_SECRET ? "master secret"
              : "passphrase"));
    }
  }

  /**
   * Decrypts, changes and re-encrypts a keyset file's content under the same secret, header and
   * salt (one key derivation); a version 1 file comes back as version 2.
   */
  static byte[] change(byte[] file, Secret secret, Change change)
      throws GeneralSecurityException {
    Header header = parseHeader(file);
    Aead key = keysetKey(header, secret);
    KeysetHandle changed = change.apply(decrypt(file, header, key));
    Header written = header.version == 1 ? parseHeader(hkdfHeader()) : header;
    return concat(written.bytes, TinkProtoKeysetFormat.serializeEncryptedKeyset(changed, key,
        written.associatedData()));
  }

  /** Encrypts {@code handle} as a version 2 file under {@code protection}, with a fresh salt. */
  static byte[] encrypt(KeysetHandle handle, KeysetProtection protection)
      throws GeneralSecurityException {
    byte[] headerBytes;
    if (protection.kind() == KeysetProtection.Kind.MASTER_SECRET) {
      headerBytes = hkdfHeader();
    } else {
      byte[] salt = new byte[SALT_BYTES];
      RANDOM.nextBytes(salt);
      headerBytes = ByteBuffer.allocate(MAGIC.length + 12 + salt.length).put(MAGIC).put(VERSION)
          .put(KDF_ARGON2ID).putInt(protection.memoryKiB()).putInt(protection.iterations())
          .put((byte) protection.parallelism()).put((byte) salt.length).put(salt).array();
    }
    Header header = parseHeader(headerBytes);
    return concat(headerBytes, TinkProtoKeysetFormat.serializeEncryptedKeyset(handle,
        keysetKey(header, protection.secret()), header.associatedData()));
  }

  private static byte[] hkdfHeader() {
    byte[] header = Arrays.copyOf(MAGIC, MAGIC.length + 2);
    header[MAGIC.length] = VERSION;
    header[MAGIC.length + 1] = KDF_HKDF;
    return header;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A passphrase as Argon2id hashes it: NFC, UTF-8, as the password hasher does. */
  private static byte[] passphraseBytes(Secret passphrase) throws GeneralSecurityException {
    char[] chars;
    try {
      chars = passphrase.chars();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new GeneralSecurityException("the passphrase is not text");
    }
    try {
      byte[] bytes = PasswordText.utf8Nfc(chars);
      if (bytes == null) {
        throw new GeneralSecurityException("the passphrase is not text");
      }
      return bytes;
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static Aead keysetKey(Header header, Secret secret) throws GeneralSecurityException {
    TinkRegistration.ensure();
    if (header.kind == KeysetProtection.Kind.MASTER_SECRET) {
      checkMasterSecretLength(secret);
    }
    byte[] input = header.kind == KeysetProtection.Kind.MASTER_SECRET ? secret.bytes()
        : passphraseBytes(secret);
    byte[] key = null;
    try {
      key = header.kind == KeysetProtection.Kind.MASTER_SECRET
          ? Hkdf.computeHkdf("HMACSHA256", input, new byte[0], HKDF_INFO, 32)
          : Argon2id.hash(input, header.salt, header.memoryKiB, header.iterations,
              header.parallelism, null, 32);
      AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(32)
          .setIvSizeBytes(12).setTagSizeBytes(16)
          .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
      return AesGcmJce.create(AesGcmKey.builder().setParameters(parameters)
          .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build());
    } finally {
      Arrays.fill(input, (byte) 0);
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }
}
