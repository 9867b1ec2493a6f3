package dev.bulwark.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantEnvelopesTest {

  private static final byte[] AD = "row-7".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SECRET = "tenant data".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  private static TenantEnvelopes tenants(TenantKeyStore store) {
    return TenantEnvelopes.builder().masterKey(new CountingAead(1)).keyStore(store).build();
  }

  private static byte[] streamEncrypt(EnvelopeEncryptor envelope, byte[] plaintext)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    envelope.encrypt(new ByteArrayInputStream(plaintext), out, AD);
    return out.toByteArray();
  }

  private static byte[] streamDecrypt(EnvelopeEncryptor envelope, byte[] ciphertext)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    envelope.decrypt(new ByteArrayInputStream(ciphertext), out, AD);
    return out.toByteArray();
  }

  @Test
  void shred_makesExactlyThatTenantUnreadable() throws Exception {
    TenantKeyStore store = TenantKeyStore.directory(dir);
    TenantEnvelopes tenants = tenants(store);
    byte[] a = tenants.forTenant("acme").encrypt(SECRET, AD);
    byte[] aStream = streamEncrypt(tenants.forTenant("acme"), SECRET);
    byte[] b = tenants.forTenant("globex").encrypt(SECRET, AD);

    assertThat(tenants.shred("acme")).isTrue();
    assertThat(dir.resolve("acme.key")).doesNotExist();

    // Neither this instance, nor a fresh one over the same store, can read acme's data.
    for (TenantEnvelopes reader : List.of(tenants, tenants(store))) {
      assertInvalid(() -> reader.forTenant("acme").decrypt(a, AD));
      assertInvalid(() -> streamDecrypt(reader.forTenant("acme"), aStream));
      assertThat(reader.forTenant("globex").decrypt(b, AD)).isEqualTo(SECRET);
    }
    assertThat(tenants.shred("nobody")).isFalse();
  }

  @Test
  void directoryStore_keyFileIsOwnerOnlyAndNeverReplaced() throws Exception {
    TenantKeyStore store = TenantKeyStore.directory(dir);
    assertThat(store.putIfAbsent("acme", new byte[] {1})).isTrue();
    assertThat(store.putIfAbsent("acme", new byte[] {2})).isFalse();
    assertThat(store.get("acme")).hasValueSatisfying(key -> assertThat(key).containsExactly(1));
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("acme.key");
    }
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dir.resolve("acme.key")))).isEqualTo("rw-------");
    }
  }

  @Test
  void tenantCiphertext_neverDecryptsUnderAnotherTenant() throws Exception {
    TenantEnvelopes tenants = tenants(TenantKeyStore.inMemory());
    byte[] a = tenants.forTenant("a").encrypt(SECRET, AD);
    byte[] aStream = streamEncrypt(tenants.forTenant("a"), SECRET);
    assertInvalid(() -> tenants.forTenant("b").decrypt(a, AD));
    assertInvalid(() -> tenants.forTenant("b").rewrap(a, AD));
    assertInvalid(() -> streamDecrypt(tenants.forTenant("b"), aStream));
    assertThat(tenants.forTenant("a").decrypt(a, AD)).isEqualTo(SECRET);
    assertThat(streamDecrypt(tenants.forTenant("a"), aStream)).isEqualTo(SECRET);
  }

  @Test
  void directoryStore_keysOutliveTheInstance() throws Exception {
    byte[] a = tenants(TenantKeyStore.directory(dir)).forTenant("t-1").encrypt(SECRET, AD);
    assertThat(tenants(TenantKeyStore.directory(dir)).forTenant("t-1").decrypt(a, AD))
        .isEqualTo(SECRET);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("t-1.key");
    }
  }

  @Test
  void storedKey_copiedToAnotherTenant_isRefused() throws Exception {
    TenantEnvelopes tenants = tenants(TenantKeyStore.directory(dir));
    tenants.forTenant("a");
    Files.copy(dir.resolve("a.key"), dir.resolve("b.key"));
    assertThatThrownBy(() -> tenants(TenantKeyStore.directory(dir)).forTenant("b"))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void storedKey_underAnotherMasterKey_isRefused() throws Exception {
    TenantKeyStore store = TenantKeyStore.inMemory();
    tenants(store).forTenant("a");
    TenantEnvelopes other = TenantEnvelopes.builder().masterKey(new CountingAead(2))
        .keyStore(store).build();
    assertThatThrownBy(() -> other.forTenant("a")).isInstanceOf(GeneralSecurityException.class)
        .hasNoCause();
  }

  @Test
  void twoInstancesOverOneStore_shareOneKeyPerTenant() throws Exception {
    TenantKeyStore store = TenantKeyStore.inMemory();
    TenantEnvelopes first = tenants(store);
    TenantEnvelopes second = tenants(store);
    byte[] a = first.forTenant("x").encrypt(SECRET, AD);
    assertThat(second.forTenant("x").decrypt(a, AD)).isEqualTo(SECRET);
    // After another instance shreds, evict() makes this one see it.
    second.forTenant("x");
    first.shred("x");
    second.evict("x");
    assertInvalid(() -> second.forTenant("x").decrypt(a, AD));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".hidden", "../etc", "a/b", "a\\b", "tenant id", "é",
      "x\u0000"})
  void tenantId_unsafe_isRejected(String id) {
    TenantEnvelopes tenants = tenants(TenantKeyStore.inMemory());
    assertThatThrownBy(() -> tenants.forTenant(id)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tenants.shred(id)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void directoryStore_calledDirectlyWithAnUnsafeId_isRejected() {
    TenantKeyStore store = TenantKeyStore.directory(dir);
    assertThatThrownBy(() -> store.get("../outside"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.putIfAbsent("../outside", new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.delete("../outside"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tenantId_tooLong_isRejected() {
    TenantEnvelopes tenants = tenants(TenantKeyStore.inMemory());
    assertThatThrownBy(() -> tenants.forTenant("a".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_missingParts_failsNamingThem() {
    assertThatThrownBy(() -> TenantEnvelopes.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("masterKey");
    assertThatThrownBy(() -> TenantKeyStore.directory(dir.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void capacity_evictsLeastRecentlyUsed_butKeysStayInTheStore() throws Exception {
    CountingAead master = new CountingAead(1);
    TenantEnvelopes tenants = TenantEnvelopes.builder().masterKey(master)
        .keyStore(TenantKeyStore.inMemory()).capacity(1).build();
    byte[] a = tenants.forTenant("a").encrypt(SECRET, AD);
    tenants.forTenant("b");
    int before = master.decrypts.get();
    assertThat(tenants.forTenant("a").decrypt(a, AD)).isEqualTo(SECRET);
    assertThat(master.decrypts.get()).isEqualTo(before + 1); // reloaded from the store
  }

  private static TenantEnvelopes kmsTenants(FakeKms kms) {
    return TenantEnvelopes.builder()
        .kmsKeyUriTemplate(kms, "fake-kms://keys/tenant-{tenant}")
        .dataKeyCache(Duration.ofMinutes(5), 1000, 1L << 30).build();
  }

  @Test
  void kmsKeyPerTenant_destroyingOneKey_makesExactlyThatTenantUnreadable() throws Exception {
    FakeKms kms = new FakeKms();
    TenantEnvelopes tenants = kmsTenants(kms);
    byte[] a = tenants.forTenant("acme").encrypt(SECRET, AD);
    byte[] aStream = streamEncrypt(tenants.forTenant("acme"), SECRET);
    byte[] b = tenants.forTenant("globex").encrypt(SECRET, AD);
    assertThat(kms.keys).containsOnlyKeys("fake-kms://keys/tenant-acme",
        "fake-kms://keys/tenant-globex");

    kms.keys.remove("fake-kms://keys/tenant-acme"); // destroyed in the KMS
    tenants.evict("acme");
    for (TenantEnvelopes reader : List.of(tenants, kmsTenants(kms))) {
      assertInvalid(() -> reader.forTenant("acme").decrypt(a, AD));
      assertInvalid(() -> streamDecrypt(reader.forTenant("acme"), aStream));
      assertThat(reader.forTenant("globex").decrypt(b, AD)).isEqualTo(SECRET);
    }
    assertThatThrownBy(() -> tenants.shred("globex"))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("KMS");
  }

  @Test
  void kmsKeyPerTenant_neverDecryptsUnderAnotherTenant_andCachesDataKeys() throws Exception {
    FakeKms kms = new FakeKms();
    TenantEnvelopes tenants = kmsTenants(kms);
    byte[] a = null;
    for (int i = 0; i < 50; i++) {
      a = tenants.forTenant("acme").encrypt(SECRET, AD);
      assertThat(tenants.forTenant("acme").decrypt(a, AD)).isEqualTo(SECRET);
    }
    CountingAead acmeKey = kms.keys.get("fake-kms://keys/tenant-acme");
    assertThat(acmeKey.encrypts.get()).isEqualTo(1); // one KMS call for 50 messages
    assertThat(acmeKey.decrypts.get()).isEqualTo(1);
    byte[] acmeCiphertext = a;
    assertInvalid(() -> tenants.forTenant("globex").decrypt(acmeCiphertext, AD));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fake-kms://keys/fixed", "fake-kms://{tenant}/{tenant}",
      "other-kms://keys/{tenant}"})
  void kmsKeyUriTemplate_withoutOneTenantPlaceholderOrUnsupported_isRejected(String template) {
    assertThatThrownBy(() -> TenantEnvelopes.builder()
        .kmsKeyUriTemplate(new FakeKms(), template))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kmsKeyUriTemplate");
  }

  @Test
  void builder_kmsAndStoredKeysTogether_isRejected() {
    assertThatThrownBy(() -> TenantEnvelopes.builder().masterKey(new CountingAead(1))
        .keyStore(TenantKeyStore.inMemory())
        .kmsKeyUriTemplate(new FakeKms(), "fake-kms://keys/{tenant}").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
  }

  @Test
  void builder_badCacheLimits_areRejected() {
    assertThatThrownBy(() -> TenantEnvelopes.builder().dataKeyCache(Duration.ZERO, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private interface Call {
    void run() throws Exception;
  }

  private static void assertInvalid(Call call) {
    assertThatThrownBy(call::run).isExactlyInstanceOf(GeneralSecurityException.class)
        .hasMessage(EnvelopeFormat.INVALID).hasNoCause();
  }
}
