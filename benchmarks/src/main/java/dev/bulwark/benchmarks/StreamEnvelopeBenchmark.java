package dev.bulwark.benchmarks;

import dev.bulwark.crypto.envelope.EnvelopeEncryptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
 * Streaming envelope encryption (the backup path) next to one-shot raw AES-256-GCM through JCE
 * on the same number of bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@BenchmarkDescription({
    "**What is measured.** `bulwarkStream`: `EnvelopeEncryptor.encrypt(InputStream,"
        + " OutputStream, ad)` or `decrypt(...)` of `size` bytes from a `ByteArrayInputStream`"
        + " into a discarding stream: a fresh Tink AES-256 GCM-HKDF streaming key wrapped by a"
        + " local AES-256-GCM KEK, then 64 KiB segments (HKDF per stream, AES-GCM per segment)."
        + " `jceAesGcm`: one `Cipher.doFinal` over the whole array with one fixed key, the"
        + " ceiling (it holds the whole message in memory; the stream never does).",
    "",
    "**How to read it.** Issue 8's target is streaming at least 0.8× raw AES-GCM (a speed-up"
        + " of 0.8 or more in the `jceAesGcm` rows). Figures come from a shared 2-core machine"
        + " with short runs: read them as orders of magnitude."
})
public class StreamEnvelopeBenchmark {

  private static final byte[] AD = "backup-2026".getBytes(StandardCharsets.US_ASCII);

  /** Bytes per stream: 1 MiB and 16 MiB. */
  @Param({"1048576", "16777216"})
  public int size;

  /** {@code encrypt} or {@code decrypt}. */
  @Param({"encrypt", "decrypt"})
  public String op;

  private boolean encrypt;
  private JceAesGcmCeiling ceiling;
  private byte[] plaintext;
  private byte[] streamCiphertext;
  private EnvelopeEncryptor envelope;

  /**
   * Builds the encryptor and one ciphertext for each side, and checks they decrypt.
   *
   * @throws IOException never here (streams over arrays)
   * @throws GeneralSecurityException if Tink fails
   */
  @Setup
  public void setUp() throws IOException, GeneralSecurityException {
    encrypt = op.equals("encrypt");
    plaintext = JceAesGcmCeiling.randomBytes(size);
    envelope = EnvelopeEncryptor.builder().keyEncryptionKey(JceAesGcmCeiling.localKek()).build();
    ceiling = new JceAesGcmCeiling(plaintext, AD);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    envelope.encrypt(new ByteArrayInputStream(plaintext), out, AD);
    streamCiphertext = out.toByteArray();
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    envelope.decrypt(new ByteArrayInputStream(streamCiphertext), back, AD);
    if (!Arrays.equals(back.toByteArray(), plaintext)) {
      throw new IllegalStateException("the set-up stream does not decrypt");
    }
  }

  /**
   * Bulwark's streaming envelope.
   *
   * @throws IOException never here
   * @throws GeneralSecurityException never here
   */
  @Benchmark
  public void bulwarkStream() throws IOException, GeneralSecurityException {
    OutputStream sink = OutputStream.nullOutputStream();
    if (encrypt) {
      envelope.encrypt(new ByteArrayInputStream(plaintext), sink, AD);
    } else {
      envelope.decrypt(new ByteArrayInputStream(streamCiphertext), sink, AD);
    }
  }

  /**
   * Raw AES-256-GCM through JCE over the whole message: the ceiling.
   *
   * @return the ciphertext or plaintext
   * @throws GeneralSecurityException never here
   */
  @Benchmark
  @Peer("JCE AES-256-GCM, one shot (no key management; ceiling)")
  public byte[] jceAesGcm() throws GeneralSecurityException {
    return ceiling.run(encrypt);
  }
}
