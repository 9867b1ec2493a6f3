package dev.bulwark.benchmarks;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.bulwark.crypto.envelope.EnvelopeEncryptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One-shot envelope encryption and decryption: Bulwark's {@link EnvelopeEncryptor} with and
 * without its data-key cache, Tink's {@code KmsEnvelopeAead} over the same local KEK, and raw
 * AES-256-GCM through JCE as the ceiling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@BenchmarkDescription({
    "**What is measured.** One `encrypt` or one `decrypt` of a `size`-byte message with 9 bytes"
        + " of associated data, on one thread. The key-encryption key is the same for Bulwark"
        + " and Tink: an in-process Tink AES-256-GCM `Aead` (a local keyset; a real KMS would"
        + " add 20–300 ms to every KEK call). `bulwarkCached` keeps data keys in the cache"
        + " (`dataKeyCache(5 min, 2^32 messages, 2^40 bytes)`): one KEK call per data key, and"
        + " decryption finds the unwrapped key by its wrapped bytes. `bulwarkUncached` makes a"
        + " new data key and one KEK call per `encrypt`, and one KEK call per `decrypt`, as"
        + " Tink's `KmsEnvelopeAead` (AES256_GCM data keys) does. `jceAesGcm` is AES-256-GCM"
        + " through `javax.crypto.Cipher` with a fresh 12-byte IV and one fixed key, one `Cipher`"
        + " re-initialised per call: no key management at all, the ceiling.",
    "",
    "**How to read it.** The speed-up column compares every row with `bulwarkCached`. Issue 8's"
        + " targets: `bulwarkCached` at least 5× `tinkKmsEnvelope` on 1 KiB, and at least 0.9×"
        + " `jceAesGcm` (a speed-up of 0.9 or more) on 1 MiB. Figures come from a shared 2-core"
        + " machine with short runs: read them as orders of magnitude."
})
public class EnvelopeBenchmark {

  private static final byte[] AD = "tenant-42".getBytes(StandardCharsets.US_ASCII);

  /** Plaintext size in bytes: 1 KiB and 1 MiB. */
  @Param({"1024", "1048576"})
  public int size;

  /** {@code encrypt} or {@code decrypt}. */
  @Param({"encrypt", "decrypt"})
  public String op;

  private boolean encrypt;
  private JceAesGcmCeiling ceiling;
  private byte[] plaintext;
  private EnvelopeEncryptor cached;
  private EnvelopeEncryptor uncached;
  private Aead tink;
  private byte[] cachedCiphertext;
  private byte[] uncachedCiphertext;
  private byte[] tinkCiphertext;

  /**
   * Builds the encryptors over one KEK and one ciphertext each, and checks they decrypt.
   *
   * @throws IOException never here (no keyset file)
   * @throws GeneralSecurityException if Tink fails
   */
  @Setup
  public void setUp() throws IOException, GeneralSecurityException {
    encrypt = op.equals("encrypt");
    plaintext = JceAesGcmCeiling.randomBytes(size);
    Aead kek = JceAesGcmCeiling.localKek();
    cached = EnvelopeEncryptor.builder().keyEncryptionKey(kek)
        .dataKeyCache(Duration.ofMinutes(5), 1L << 32, 1L << 40).build();
    uncached = EnvelopeEncryptor.builder().keyEncryptionKey(kek).build();
    tink = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kek);
    ceiling = new JceAesGcmCeiling(plaintext, AD);
    cachedCiphertext = cached.encrypt(plaintext, AD);
    uncachedCiphertext = uncached.encrypt(plaintext, AD);
    tinkCiphertext = tink.encrypt(plaintext, AD);
    if (!Arrays.equals(cached.decrypt(cachedCiphertext, AD), plaintext)
        || !Arrays.equals(uncached.decrypt(uncachedCiphertext, AD), plaintext)
        || !Arrays.equals(tink.decrypt(tinkCiphertext, AD), plaintext)) {
      throw new IllegalStateException("a set-up ciphertext does not decrypt");
    }
  }

  /**
   * Bulwark with the data-key cache on.
   *
   * @return the ciphertext or plaintext
   * @throws GeneralSecurityException never here
   */
  @Benchmark
  public byte[] bulwarkCached() throws GeneralSecurityException {
    return encrypt ? cached.encrypt(plaintext, AD) : cached.decrypt(cachedCiphertext, AD);
  }

  /**
   * Bulwark without the cache: a data key and a KEK call per message.
   *
   * @return the ciphertext or plaintext
   * @throws GeneralSecurityException never here
   */
  @Benchmark
  public byte[] bulwarkUncached() throws GeneralSecurityException {
    return encrypt ? uncached.encrypt(plaintext, AD) : uncached.decrypt(uncachedCiphertext, AD);
  }

  /**
   * Tink's KmsEnvelopeAead over the same KEK.
   *
   * @return the ciphertext or plaintext
   * @throws GeneralSecurityException never here
   */
  @Benchmark
  @Peer("Tink 1.20 KmsEnvelopeAead")
  public byte[] tinkKmsEnvelope() throws GeneralSecurityException {
    return encrypt ? tink.encrypt(plaintext, AD) : tink.decrypt(tinkCiphertext, AD);
  }

  /**
   * Raw AES-256-GCM through JCE, one fixed key: the ceiling.
   *
   * @return the ciphertext or plaintext
   * @throws GeneralSecurityException never here
   */
  @Benchmark
  @Peer("JCE AES-256-GCM (no key management; ceiling)")
  public byte[] jceAesGcm() throws GeneralSecurityException {
    return ceiling.run(encrypt);
  }
}
