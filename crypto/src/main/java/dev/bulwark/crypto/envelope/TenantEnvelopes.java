package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Envelope encryption with one key-encryption key per tenant, for crypto-shredding: each tenant
 * gets its own AES-256-GCM keyset, created on first use, stored in a {@link TenantKeyStore}
 * encrypted under the master KEK (bound to the tenant id), and used as the KEK of that tenant's
 * {@link EnvelopeEncryptor}. {@link #shred(String)} deletes the tenant's key: from then on none
 * of that tenant's envelopes decrypt, anywhere, while every other tenant's still do.
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

  private final Aead master;
  private final TenantKeyStore store;
  private final Map<String, EnvelopeEncryptor> loaded;

  private TenantEnvelopes(Aead master, TenantKeyStore store, int capacity) {
    this.master = master;
    this.store = store;
    this.loaded = DataKeyCache.lru(capacity);
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
   * @throws GeneralSecurityException if the stored key does not decrypt under the master KEK
   */
  public EnvelopeEncryptor forTenant(String tenantId)
      throws IOException, GeneralSecurityException {
    checkTenantId(tenantId);
    synchronized (loaded) {
      EnvelopeEncryptor envelope = loaded.get(tenantId);
      if (envelope != null) {
        return envelope;
      }
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
      envelope = EnvelopeEncryptor.builder().keyEncryptionKey(parse(tenantId, key))
          .kekId("tenant").build();
      loaded.put(tenantId, envelope);
      return envelope;
    }
  }

  /**
   * Crypto-shreds a tenant: deletes its key from the store and from this instance's memory.
   * Every envelope of the tenant becomes undecryptable.
   *
   * @param tenantId the tenant
   * @return {@code true} if the store held a key for it
   * @throws IOException if the key store fails
   */
  public boolean shred(String tenantId) throws IOException {
    checkTenantId(tenantId);
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

  private Aead parse(String tenantId, byte[] stored) throws GeneralSecurityException {
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
    return "TenantEnvelopes[store=" + store.getClass().getSimpleName() + "]";
  }

  /** Builds {@link TenantEnvelopes}; the master key and the store are required. */
  public static final class Builder {
    private @Nullable Aead master;
    private @Nullable TenantKeyStore store;
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
     * @throws IllegalStateException if the master key or the store is missing
     */
    public TenantEnvelopes build() {
      if (master == null || store == null) {
        throw new IllegalStateException("TenantEnvelopes needs masterKey(aead) and "
            + "keyStore(TenantKeyStore.directory(path) or inMemory())");
      }
      return new TenantEnvelopes(master, store, capacity);
    }
  }
}
