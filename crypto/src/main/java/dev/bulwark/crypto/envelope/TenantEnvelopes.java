package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Envelope encryption with one key-encryption key per tenant, for crypto-shredding. Two ways to
 * get a tenant's KEK:
 *
 * <ul>
 *   <li>Stored keys ({@code masterKey} + {@code keyStore}): each tenant gets its own AES-256-GCM
 *       keyset, created on first use, stored in a {@link TenantKeyStore} encrypted under the
 *       master KEK (bound to the tenant id). {@link #shred(String)} deletes the tenant's key.
 *   <li>A KMS key per tenant ({@code kmsKeyUriTemplate}): the tenant id is put into a key-URI
 *       template such as {@code aws-kms://arn:aws:kms:eu-west-1:111122223333:alias/tenant-{tenant}}
 *       and the key is used through Tink's {@link KmsClient}. Keys are created and destroyed in
 *       the KMS (Bulwark cannot delete them through Tink); shred a tenant by destroying its KMS
 *       key, then call {@link #evict(String)} in every running process.
 * </ul>
 *
 * <p>Either way, once a tenant's KEK is gone none of that tenant's envelopes decrypt, anywhere,
 * while every other tenant's still do.
 *
 * <pre>{@code
 * TenantEnvelopes tenants = TenantEnvelopes.builder()
 *     .masterKey(kek)                                       // a Tink Aead, e.g. a KMS key
 *     .keyStore(TenantKeyStore.directory(Path.of("/var/lib/app/tenant-keys")))
 *     .build();
 * byte[] ciphertext = tenants.forTenant("acme").encrypt(record, rowId);
 * tenants.shred("acme");                                    // acme's data is now unreadable
 * }</pre>
 *
 * <p>Security guarantees: a tenant's envelopes are wrapped by that tenant's key alone, so they
 * never decrypt under another tenant (a clean {@link GeneralSecurityException}); a stored tenant
 * key is bound to its tenant id, so copying one tenant's key file onto another's does not work.
 * After {@code shred}, decryption throws {@link GeneralSecurityException} and encryption for the
 * same id creates a new, unrelated key. Shredding is as final as the store's delete (see
 * {@link TenantKeyStore}); other processes drop the key from their memory when they restart or
 * call {@link #evict(String)}.
 *
 * <p>Thread safety: thread-safe; unwrapped tenant keys are kept in a bounded LRU map (default
 * 1000 tenants).
 */
public final class TenantEnvelopes {

  /** Stored tenant keys larger than this are refused before parsing. */
  static final int MAX_KEY_BYTES = 64 * 1024;
  private static final int MAX_TENANT_ID_LENGTH = 128;
  private static final byte[] KEY_AD_PREFIX =
      "bulwark-tenant-key\0".getBytes(StandardCharsets.US_ASCII);

  /** Where tenant key placeholders go in a key-URI template. */
  public static final String TENANT_PLACEHOLDER = "{tenant}";

  private final @Nullable Aead master;
  private final @Nullable TenantKeyStore store;
  private final @Nullable KmsClient kms;
  private final @Nullable String keyUriTemplate;
  private final @Nullable CacheLimits cacheLimits;
  private final Map<String, EnvelopeEncryptor> loaded;

  private TenantEnvelopes(Builder b) {
    this.master = b.master;
    this.store = b.store;
    this.kms = b.kms;
    this.keyUriTemplate = b.keyUriTemplate;
    this.cacheLimits = b.cacheLimits;
    this.loaded = DataKeyCache.lru(b.capacity);
  }

  /** The data-key cache limits given to every tenant's encryptor. */
  private record CacheLimits(Duration maxAge, long maxMessages, long maxBytes) {
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the encryptor of {@code tenantId}, creating and storing the tenant's key on first
   * use.
   *
   * @param tenantId 1 to 128 characters of {@code [A-Za-z0-9._-]}, not starting with a dot
   * @return the tenant's envelope encryptor (its KEK id is {@code "tenant"})
   * @throws IOException if the key store fails
   * @throws GeneralSecurityException if the stored key does not decrypt under the master KEK,
   *     or the KMS client cannot make the tenant's key
   */
  public EnvelopeEncryptor forTenant(String tenantId)
      throws IOException, GeneralSecurityException {
    checkTenantId(tenantId);
    synchronized (loaded) {
      EnvelopeEncryptor envelope = loaded.get(tenantId);
      if (envelope != null) {
        return envelope;
      }
      EnvelopeEncryptorBuilder builder = EnvelopeEncryptor.builder()
          .keyEncryptionKey(tenantKek(tenantId)).kekId("tenant");
      if (cacheLimits != null) {
        builder.dataKeyCache(cacheLimits.maxAge(), cacheLimits.maxMessages(),
            cacheLimits.maxBytes());
      }
      envelope = builder.build();
      loaded.put(tenantId, envelope);
      return envelope;
    }
  }

  /** The tenant's KEK: its KMS key, or its stored key (created on first use). */
  private Aead tenantKek(String tenantId) throws IOException, GeneralSecurityException {
    if (kms != null && keyUriTemplate != null) {
      return kms.getAead(keyUri(keyUriTemplate, tenantId));
    }
    TenantKeyStore store = Objects.requireNonNull(this.store);
    Aead master = Objects.requireNonNull(this.master);
    Optional<byte[]> stored = store.get(tenantId);
    if (stored.isEmpty()) {
      TinkRegistration.ensure();
      KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      store.putIfAbsent(tenantId,
          TinkProtoKeysetFormat.serializeEncryptedKeyset(fresh, master, keyAd(tenantId)));
      stored = store.get(tenantId); // the key that won, if another process raced us
    }
    byte[] key = stored.orElseThrow(
        () -> new IOException("the tenant key store lost a key it just stored"));
    return parse(master, tenantId, key);
  }

  static String keyUri(String template, String tenantId) {
    return template.replace(TENANT_PLACEHOLDER, tenantId);
  }

  /**
   * Crypto-shreds a tenant: deletes its key from the store and from this instance's memory.
   * Every envelope of the tenant becomes undecryptable.
   *
   * @param tenantId the tenant
   * @return {@code true} if the store held a key for it
   * @throws IOException if the key store fails
   * @throws UnsupportedOperationException with KMS keys per tenant: destroy the tenant's key in
   *     the KMS instead, then call {@link #evict(String)}
   */
  public boolean shred(String tenantId) throws IOException {
    checkTenantId(tenantId);
    if (store == null) {
      throw new UnsupportedOperationException("tenants with a KMS key each are shredded by "
          + "destroying the tenant's key in the KMS (Tink's KmsClient cannot delete keys); "
          + "then call evict(tenantId) in every running process");
    }
    synchronized (loaded) {
      loaded.remove(tenantId);
      return store.delete(tenantId);
    }
  }

  /**
   * Drops a tenant's unwrapped key from this instance's memory (for example when another process
   * shredded it); the next use reads the store again.
   *
   * @param tenantId the tenant
   */
  public void evict(String tenantId) {
    synchronized (loaded) {
      loaded.remove(tenantId);
    }
  }

  private static Aead parse(Aead master, String tenantId, byte[] stored)
      throws GeneralSecurityException {
    if (stored.length > MAX_KEY_BYTES) {
      throw new GeneralSecurityException("stored tenant key is too large");
    }
    TinkRegistration.ensure();
    KeysetHandle handle;
    try {
      handle = TinkProtoKeysetFormat.parseEncryptedKeyset(stored, master, keyAd(tenantId));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new GeneralSecurityException("stored tenant key does not decrypt under the master "
          + "key for this tenant");
    }
    return handle.getPrimitive(ConfigurationV0.get(), Aead.class);
  }

  private static byte[] keyAd(String tenantId) {
    byte[] id = tenantId.getBytes(StandardCharsets.US_ASCII);
    byte[] ad = new byte[KEY_AD_PREFIX.length + id.length];
    System.arraycopy(KEY_AD_PREFIX, 0, ad, 0, KEY_AD_PREFIX.length);
    System.arraycopy(id, 0, ad, KEY_AD_PREFIX.length, id.length);
    return ad;
  }

  static void checkTenantId(String tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    boolean ok = !tenantId.isEmpty() && tenantId.length() <= MAX_TENANT_ID_LENGTH
        && tenantId.charAt(0) != '.';
    for (int i = 0; ok && i < tenantId.length(); i++) {
      char c = tenantId.charAt(i);
      ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
          || c == '_' || c == '-';
    }
    if (!ok) {
      throw new IllegalArgumentException("tenantId must be 1 to 128 characters of "
          + "[A-Za-z0-9._-], not starting with a dot; map other ids (e.g. by hashing) first");
    }
  }

  @Override
  public String toString() {
    return store != null ? "TenantEnvelopes[store=" + store.getClass().getSimpleName() + "]"
        : "TenantEnvelopes[kms key per tenant]";
  }

  /**
   * Builds {@link TenantEnvelopes}: either the master key and the store, or a KMS key-URI
   * template, is required.
   */
  public static final class Builder {
    private @Nullable Aead master;
    private @Nullable TenantKeyStore store;
    private @Nullable KmsClient kms;
    private @Nullable String keyUriTemplate;
    private @Nullable CacheLimits cacheLimits;
    private int capacity = 1000;

    private Builder() {
    }

    /**
     * Sets the master KEK that encrypts every tenant key (a Tink {@code Aead}: a KMS key or a
     * {@link LocalKeyset}).
     *
     * @param masterKey the master KEK
     * @return this builder
     */
    public Builder masterKey(Aead masterKey) {
      this.master = Objects.requireNonNull(masterKey, "masterKey");
      return this;
    }

    /**
     * Sets where tenant keys are kept.
     *
     * @param keyStore the store
     * @return this builder
     */
    public Builder keyStore(TenantKeyStore keyStore) {
      this.store = Objects.requireNonNull(keyStore, "keyStore");
      return this;
    }

    /**
     * Uses a KMS key per tenant as the tenant's KEK, instead of stored keys: the key URI is
     * {@code keyUriTemplate} with {@value #TENANT_PLACEHOLDER} replaced by the tenant id (tenant
     * ids are restricted to {@code [A-Za-z0-9._-]}, so they cannot change the rest of the URI).
     *
     * @param client the KMS client (AWS or GCP through Tink)
     * @param keyUriTemplate a key URI containing {@value #TENANT_PLACEHOLDER} exactly once
     * @return this builder
     * @throws IllegalArgumentException if the template has no or several placeholders, or the
     *     client does not support its URIs
     */
    public Builder kmsKeyUriTemplate(KmsClient client, String keyUriTemplate) {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(keyUriTemplate, "keyUriTemplate");
      int first = keyUriTemplate.indexOf(TENANT_PLACEHOLDER);
      if (first < 0 || keyUriTemplate.indexOf(TENANT_PLACEHOLDER, first + 1) >= 0) {
        throw new IllegalArgumentException("kmsKeyUriTemplate must contain " + TENANT_PLACEHOLDER
            + " exactly once, e.g. aws-kms://arn:aws:kms:REGION:ACCOUNT:alias/tenant-"
            + TENANT_PLACEHOLDER);
      }
      if (!client.doesSupport(keyUri(keyUriTemplate, "tenant"))) {
        throw new IllegalArgumentException("the KMS client does not support the URIs of "
            + "kmsKeyUriTemplate; use the client of that KMS (for example Tink's AwsKmsClient "
            + "for aws-kms:// URIs)");
      }
      this.kms = client;
      this.keyUriTemplate = keyUriTemplate;
      return this;
    }

    /**
     * Gives every tenant's encryptor a data-key cache with these limits (see
     * {@link EnvelopeEncryptorBuilder#dataKeyCache(Duration, long, long)}); off by default. With
     * a KMS key per tenant this saves a KMS round trip per message. Cached keys outlive the
     * destruction of a tenant's KEK in this process until {@code maxAge} or
     * {@link TenantEnvelopes#evict(String)}.
     *
     * @param maxAge how long a data key is used and an unwrapped key kept
     * @param maxMessages messages per data key
     * @param maxBytes plaintext bytes per data key
     * @return this builder
     * @throws IllegalArgumentException if a limit is not positive
     */
    public Builder dataKeyCache(Duration maxAge, long maxMessages, long maxBytes) {
      // Validated by the same rules as a single encryptor's cache.
      EnvelopeEncryptor.builder().dataKeyCache(maxAge, maxMessages, maxBytes);
      this.cacheLimits = new CacheLimits(maxAge, maxMessages, maxBytes);
      return this;
    }

    /**
     * Sets how many tenants' unwrapped keys are kept in memory (default 1000).
     *
     * @param tenants at least 1
     * @return this builder
     */
    public Builder capacity(int tenants) {
      if (tenants < 1) {
        throw new IllegalArgumentException("capacity must be at least 1");
      }
      this.capacity = tenants;
      return this;
    }

    /**
     * Builds the instance.
     *
     * @return a new {@link TenantEnvelopes}
     * @throws IllegalStateException if neither key source is complete, or both are given
     */
    public TenantEnvelopes build() {
      boolean stored = master != null || store != null;
      if (stored && kms != null) {
        throw new IllegalStateException("TenantEnvelopes takes either masterKey(aead) with "
            + "keyStore(...) or kmsKeyUriTemplate(client, template), not both");
      }
      if (kms == null && (master == null || store == null)) {
        throw new IllegalStateException("TenantEnvelopes needs masterKey(aead) and "
            + "keyStore(TenantKeyStore.directory(path) or inMemory()), or "
            + "kmsKeyUriTemplate(client, template)");
      }
      return new TenantEnvelopes(this);
    }
  }
}
