package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The streaming envelope: the same layout as {@link EnvelopeFormat} with version byte
 * {@code 0x11}, a wrapped Tink AES-GCM-HKDF streaming keyset (AES-256, HKDF-SHA256, 64 KiB
 * ciphertext segments; constant memory), and Tink's streaming ciphertext as the payload. Labels
 * {@code 0x03} (wrapped key) and {@code 0x04} (stream) separate the associated data from the
 * one-shot format's. The segment size travels inside the wrapped keyset, so streams written with
 * Tink's {@code AES256_GCM_HKDF_1MB} preset (1 MiB segments, Bulwark's first choice) still
 * decrypt; no other parameters are accepted.
 */
final class StreamEnvelope {

  static final byte VERSION = 0x11;
  static final byte LABEL_WRAPPED_KEY = 3;
  static final byte LABEL_STREAM = 4;
  /**
   * The ciphertext segment size of new streams. 64 KiB rather than 1 MiB: Tink's two segment
   * buffers then stay in the CPU's L2 cache and are small enough to allocate quickly, which made
   * 1 MiB streams about 1.5x faster here (docs/benchmarks.md), at 16 bytes of tag per 64 KiB.
   */
  static final int SEGMENT = 64 * 1024;
  /**
   * The read size: one segment. A write larger than the room left in Tink's plaintext segment
   * buffer is encrypted straight from the caller's array instead of being copied in first.
   */
  private static final int BUFFER = SEGMENT;
  /** The parameters of new streams' keys. */
  static final AesGcmHkdfStreamingParameters PARAMETERS = parameters();

  private StreamEnvelope() {
  }

  private static AesGcmHkdfStreamingParameters parameters() {
    try {
      return AesGcmHkdfStreamingParameters.builder()
          .setKeySizeBytes(32)
          .setDerivedAesGcmKeySizeBytes(32)
          .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
          .setCiphertextSegmentSizeBytes(SEGMENT)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink refused the stream parameters", e);
    }
  }

  static byte[] header(String kekId) {
    byte[] header = EnvelopeFormat.header(kekId);
    header[0] = VERSION;
    return header;
  }

  static void encrypt(Aead kek, byte[] header, InputStream in, OutputStream out,
      byte[] associatedData) throws IOException, GeneralSecurityException {
    TinkRegistration.ensure();
    KeysetHandle handle = KeysetHandle.generateNew(PARAMETERS);
    byte[] serialized = TinkProtoKeysetFormat.serializeKeyset(handle,
        InsecureSecretKeyAccess.get());
    byte[] wrapped;
    try {
      wrapped = EnvelopeFormat.wrap(kek, header, LABEL_WRAPPED_KEY, serialized, associatedData);
    } finally {
      Arrays.fill(serialized, (byte) 0);
    }
    StreamingAead streaming = handle.getPrimitive(ConfigurationV0.get(), StreamingAead.class);
    out.write(EnvelopeFormat.serialize(header, wrapped, new byte[0]));
    OutputStream encrypting = streaming.newEncryptingStream(new NonClosing(out),
        EnvelopeFormat.associatedData(header, LABEL_STREAM, associatedData));
    byte[] buffer = new byte[BUFFER];
    try (encrypting) {
      int n;
      while ((n = in.readNBytes(buffer, 0, BUFFER)) > 0) {
        encrypting.write(buffer, 0, n);
      }
    }
    out.flush();
  }

  static void decrypt(Aead kek, byte[] header, InputStream in, OutputStream out,
      byte[] associatedData) throws IOException, GeneralSecurityException {
    decryptOrRewrap(kek, header, in, out, associatedData, false);
  }

  /**
   * Re-wraps the streaming key under the KEK's current primary and copies the stream ciphertext
   * unchanged. The copied stream is decrypted on the way (into nothing), so a tampered or
   * truncated input fails here as it would in {@link #decrypt}; on failure discard {@code out}.
   */
  static void rewrap(Aead kek, byte[] header, InputStream in, OutputStream out,
      byte[] associatedData) throws IOException, GeneralSecurityException {
    decryptOrRewrap(kek, header, in, out, associatedData, true);
  }

  private static void decryptOrRewrap(Aead kek, byte[] header, InputStream in, OutputStream out,
      byte[] associatedData, boolean rewrap) throws IOException, GeneralSecurityException {
    TinkRegistration.ensure();
    byte[] serialized = unwrap(kek, header, readWrappedKey(header, in), associatedData);
    StreamingAead streaming;
    byte[] wrapped = null;
    try {
      streaming = streamingAead(serialized);
      if (rewrap) {
        wrapped = EnvelopeFormat.wrap(kek, header, LABEL_WRAPPED_KEY, serialized, associatedData);
      }
    } finally {
      Arrays.fill(serialized, (byte) 0);
    }
    Tracking source = new Tracking(in);
    OutputStream plaintext = out;
    if (wrapped != null) {
      out.write(EnvelopeFormat.serialize(header, wrapped, new byte[0]));
      source.copyTo = out;
      plaintext = OutputStream.nullOutputStream();
    }
    drain(streaming, header, source, plaintext, associatedData);
    out.flush();
  }

  /** Reads the header and the wrapped key, checking the header and the length cap first. */
  private static byte[] readWrappedKey(byte[] header, InputStream in)
      throws IOException, GeneralSecurityException {
    byte[] seen = in.readNBytes(header.length + 4);
    if (seen.length != header.length + 4
        || !Arrays.equals(Arrays.copyOf(seen, header.length), header)) {
      throw invalid();
    }
    int at = header.length;
    long length = EnvelopeFormat.readLength(seen, at);
    if (length == 0 || length > EnvelopeFormat.MAX_WRAPPED_KEY_LENGTH) {
      throw invalid();
    }
    byte[] wrapped = in.readNBytes((int) length);
    if (wrapped.length != length) {
      throw invalid();
    }
    return wrapped;
  }

  /** Unwraps the streaming keyset and checks it; the caller zeroes the returned bytes. */
  private static byte[] unwrap(Aead kek, byte[] header, byte[] wrapped, byte[] associatedData)
      throws GeneralSecurityException {
    byte[] serialized;
    try {
      serialized = kek.decrypt(wrapped,
          EnvelopeFormat.associatedData(header, LABEL_WRAPPED_KEY, associatedData));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw invalid();
    }
    try {
      streamingAead(serialized);
      return serialized;
    } catch (GeneralSecurityException | RuntimeException e) {
      Arrays.fill(serialized, (byte) 0);
      throw invalid();
    }
  }

  private static StreamingAead streamingAead(byte[] serialized) throws GeneralSecurityException {
    try {
      KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(serialized,
          InsecureSecretKeyAccess.get());
      Parameters parameters = handle.getPrimary().getKey().getParameters();
      if (handle.size() != 1 || !(parameters.equals(PARAMETERS)
          || parameters.equals(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB))) {
        throw invalid();
      }
      return handle.getPrimitive(ConfigurationV0.get(), StreamingAead.class);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw invalid();
    }
  }

  private static void drain(StreamingAead streaming, byte[] header, Tracking source,
      OutputStream out, byte[] associatedData) throws IOException, GeneralSecurityException {
    byte[] buffer = new byte[BUFFER];
    try (InputStream decrypting = streaming.newDecryptingStream(source,
        EnvelopeFormat.associatedData(header, LABEL_STREAM, associatedData))) {
      int n;
      while ((n = decrypting.read(buffer)) != -1) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      if (source.failed) {
        throw e; // the caller's stream failed: an I/O error, not a forgery
      }
      throw invalid(); // Tink found a tampered, truncated or extended stream
    }
  }

  private static GeneralSecurityException invalid() {
    return new GeneralSecurityException(EnvelopeFormat.INVALID);
  }

  /** Remembers whether the underlying stream itself threw, to tell I/O errors from forgeries. */
  private static final class Tracking extends FilterInputStream {
    boolean failed;
    /** Where rewrap copies every byte read, or {@code null}. */
    @Nullable OutputStream copyTo;

    Tracking(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        if (b != -1 && copyTo != null) {
          copyTo.write(b);
        }
        return b;
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = super.read(b, off, len);
        if (n > 0 && copyTo != null) {
          copyTo.write(b, off, n);
        }
        return n;
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes would not be copied; read them instead.
      if (n <= 0) {
        return 0;
      }
      return Math.max(0, read(new byte[(int) Math.min(n, BUFFER)]));
    }

    @Override
    public void close() {
      // The caller owns the input stream.
    }
  }

  /** Lets Tink's encrypting stream finish the ciphertext without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
