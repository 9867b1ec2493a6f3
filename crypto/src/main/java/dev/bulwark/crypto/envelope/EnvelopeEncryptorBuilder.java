package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import dev.bulwark.secrets.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link EnvelopeEncryptor}. Exactly one key-encryption key source is required:
 * {@link #keyEncryptionKey(Aead)}, {@link #keyEncryptionKey(KmsClient, String)} or
 * {@link #localKeyset(Path, Secret)}. Every setting is checked when it is set; {@link #build()}
 * checks the combination. Not thread-safe.
 */
public final class EnvelopeEncryptorBuilder {

  private static final String TWO_SOURCES =
      "a key-encryption key is already set; choose one of keyEncryptionKey and localKeyset";

  private @Nullable Aead kek;
  private @Nullable KmsClient kmsClient;
  private @Nullable String kmsKeyUri;
  private @Nullable Path keysetFile;
  private @Nullable Secret masterSecret;
  private String kekId = "kek";
  private @Nullable Duration cacheMaxAge;
  private long cacheMaxMessages;
  private long cacheMaxBytes;
  private int cacheCapacity = 1000;
  private InstantSource clock = InstantSource.system();

  EnvelopeEncryptorBuilder() {
  }

  private boolean hasSource() {
    return kek != null || kmsClient != null || keysetFile != null;
  }

  /**
   * Uses a Tink {@link Aead} as the key-encryption key.
   *
   * @param keyEncryptionKey the KEK
   * @return this builder
   */
  public EnvelopeEncryptorBuilder keyEncryptionKey(Aead keyEncryptionKey) {
    Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey");
    if (hasSource()) {
      throw new IllegalStateException(TWO_SOURCES);
    }
    this.kek = keyEncryptionKey;
    return this;
  }

  /**
   * Uses a KMS key, through Tink's {@link KmsClient} (AWS or GCP plug in), as the KEK.
   *
   * @param client the KMS client
   * @param keyUri the key URI, e.g. {@code aws-kms://arn:...}; the client must support it
   * @return this builder
   */
  public EnvelopeEncryptorBuilder keyEncryptionKey(KmsClient client, String keyUri) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(keyUri, "keyUri");
    if (hasSource()) {
      throw new IllegalStateException(TWO_SOURCES);
    }
    if (!client.doesSupport(keyUri)) {
      throw new IllegalArgumentException("the KMS client does not support this key URI");
    }
    this.kmsClient = client;
    this.kmsKeyUri = keyUri;
    return this;
  }

  /**
   * Uses a local keyset file encrypted under a master secret or a passphrase as the KEK (see
   * {@link LocalKeyset}). The file is read in {@link #build()}.
   *
   * @param file the keyset file, made by {@link LocalKeyset#create(Path, Secret)} or
   *     {@link LocalKeyset#create(Path, KeysetProtection, boolean)}
   * @param masterSecret the master secret (at least 32 bytes) or passphrase the file is
   *     encrypted under (its header says which)
   * @return this builder
   */
  public EnvelopeEncryptorBuilder localKeyset(Path file, Secret masterSecret) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(masterSecret, "masterSecret");
    if (hasSource()) {
      throw new IllegalStateException(TWO_SOURCES);
    }
    this.keysetFile = file;
    this.masterSecret = masterSecret;
    return this;
  }

  /**
   * Names the KEK in every envelope header (default {@code "kek"}); decryption requires the same
   * name. 1 to 64 printable US-ASCII characters, no spaces.
   *
   * @param id the KEK identifier
   * @return this builder
   */
  public EnvelopeEncryptorBuilder kekId(String id) {
    Objects.requireNonNull(id, "id");
    if (!EnvelopeFormat.isValidKekId(id)) {
      throw new IllegalArgumentException("kekId must be 1 to 64 printable US-ASCII characters");
    }
    this.kekId = id;
    return this;
  }

  /**
   * Turns on the data-key cache. Encryption reuses one data key per associated data while it is
   * younger than {@code maxAge} and has protected fewer than {@code maxMessages} messages and
   * {@code maxBytes} bytes; decryption caches unwrapped keys for {@code maxAge}.
   *
   * @param maxAge the longest a data key is used or kept, positive
   * @param maxMessages the most messages per data key, at least 1
   * @param maxBytes the most plaintext bytes per data key, at least 1
   * @return this builder
   */
  public EnvelopeEncryptorBuilder dataKeyCache(Duration maxAge, long maxMessages, long maxBytes) {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive");
    }
    if (maxMessages < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("maxMessages and maxBytes must be at least 1");
    }
    this.cacheMaxAge = maxAge;
    this.cacheMaxMessages = maxMessages;
    this.cacheMaxBytes = maxBytes;
    return this;
  }

  /**
   * Sets how many data keys each side of the cache holds (default 1000), least recently used
   * first out.
   *
   * @param entries at least 1
   * @return this builder
   */
  public EnvelopeEncryptorBuilder cacheCapacity(int entries) {
    if (entries < 1) {
      throw new IllegalArgumentException("cacheCapacity must be at least 1");
    }
    this.cacheCapacity = entries;
    return this;
  }

  /**
   * Sets the clock for the cache's age limit (default the system clock); tests pass a fake.
   *
   * @param clock the clock
   * @return this builder
   */
  public EnvelopeEncryptorBuilder clock(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Builds the encryptor.
   *
   * @return a new encryptor
   * @throws IllegalStateException if no key-encryption key was given
   * @throws IOException if the local keyset file cannot be read
   * @throws GeneralSecurityException if the KMS client or the keyset file fails
   */
  public EnvelopeEncryptor build() throws IOException, GeneralSecurityException {
    Aead resolved;
    if (kek != null) {
      resolved = kek;
    } else if (kmsClient != null && kmsKeyUri != null) {
      resolved = kmsClient.getAead(kmsKeyUri);
    } else if (keysetFile != null && masterSecret != null) {
      resolved = LocalKeyset.load(keysetFile, masterSecret);
    } else {
      throw new IllegalStateException("no key-encryption key: call keyEncryptionKey(...) or "
          + "localKeyset(file, masterSecret)");
    }
    DataKeyCache cache = cacheMaxAge == null ? null : new DataKeyCache(cacheMaxAge,
        cacheMaxMessages, cacheMaxBytes, cacheCapacity, clock);
    return new EnvelopeEncryptor(resolved, kekId, cache);
  }
}
