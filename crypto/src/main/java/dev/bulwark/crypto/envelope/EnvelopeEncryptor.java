package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import dev.bulwark.crypto.envelope.DataKeyCache.Keyed;
import dev.bulwark.crypto.envelope.DataKeyCache.Lease;
import dev.bulwark.crypto.envelope.DataKeys.DataKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Envelope encryption: every message is encrypted under an AES-256-GCM data key (Tink preset),
 * and the data key is wrapped by a key-encryption key (KEK). Build one with {@link #builder()}.
 *
 * <p>Security guarantees: the wrapped data key and the payload are both bound to the associated
 * data and to the envelope header, so neither a whole ciphertext nor its wrapped key can be moved
 * to another record or tenant; the format ({@code docs/formats.md}) is versioned and every length
 * read is capped before anything is allocated; every decryption failure (truncated, oversized,
 * unknown version, tampered, wrong associated data, wrong KEK) throws a
 * {@link GeneralSecurityException} with the same fixed message, which names no input, key or
 * offset.
 *
 * <p>Defaults: no data-key cache, so every {@code encrypt} makes one new data key and one KEK
 * call, and every {@code decrypt} one KEK call. With
 * {@link EnvelopeEncryptorBuilder#dataKeyCache} a data key is reused per associated data within
 * the configured limits, and unwrapped keys are cached for decryption.
 *
 * <p>Thread safety: instances are immutable apart from the cache, which is synchronized; share
 * one instance.
 */
public final class EnvelopeEncryptor {

  private final Aead kek;
  private final String kekId;
  private final byte[] header;
  /** The streaming format's header: the same KEK id under the stream version byte. */
  private final byte[] streamHeader;
  private final @Nullable DataKeyCache cache;

  EnvelopeEncryptor(Aead kek, String kekId, @Nullable DataKeyCache cache) {
    this.kek = kek;
    this.kekId = kekId;
    this.header = EnvelopeFormat.header(kekId);
    this.streamHeader = StreamEnvelope.header(kekId);
    this.cache = cache;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static EnvelopeEncryptorBuilder builder() {
    return new EnvelopeEncryptorBuilder();
  }

  /**
   * Encrypts {@code plaintext}, bound to {@code associatedData}.
   *
   * @param plaintext the data to protect
   * @param associatedData data that is authenticated but not encrypted (a record or tenant id);
   *     the same bytes are needed to decrypt
   * @return the envelope ciphertext
   * @throws GeneralSecurityException if the KEK or Tink fails
   */
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(associatedData, "associatedData");
    Lease lease = cache == null ? null : cache.lease(associatedData, plaintext.length);
    if (lease == null) {
      lease = newLease(associatedData);
      if (cache != null) {
        cache.put(associatedData, lease, plaintext.length);
      }
    }
    // The payload is encrypted straight into the envelope, after room left for its head.
    byte[] envelope = lease.cipher.encrypt(plaintext,
        EnvelopeFormat.headLength(header, lease.wrappedKey), lease.payloadAssociatedData);
    EnvelopeFormat.writeHead(envelope, header, lease.wrappedKey);
    return envelope;
  }

  /** Makes a data key and wraps it under the KEK, bound to the header and associated data. */
  private Lease newLease(byte[] associatedData) throws GeneralSecurityException {
    DataKey key = DataKeys.generate();
    byte[] wrapped;
    try {
      wrapped = EnvelopeFormat.wrap(kek, header, EnvelopeFormat.LABEL_WRAPPED_KEY,
          key.serialized, associatedData);
    } finally {
      Arrays.fill(key.serialized, (byte) 0);
    }
    return new Lease(key.cipher, payloadAssociatedData(associatedData), wrapped, cacheNow());
  }

  /** When a cache entry is made; no clock is read without a cache. */
  private Instant cacheNow() {
    return cache == null ? Instant.EPOCH : cache.now();
  }

  private byte[] payloadAssociatedData(byte[] associatedData) {
    return EnvelopeFormat.associatedData(header, EnvelopeFormat.LABEL_PAYLOAD, associatedData);
  }

  /**
   * Decrypts an envelope made by {@link #encrypt(byte[], byte[])}.
   *
   * @param ciphertext the envelope
   * @param associatedData the associated data given to {@code encrypt}
   * @return the plaintext
   * @throws GeneralSecurityException if the input is malformed, tampered with, bound to other
   *     associated data or wrapped by another KEK; the message is always the same
   */
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(associatedData, "associatedData");
    EnvelopeFormat.Layout layout = EnvelopeFormat.locate(ciphertext);
    if (!layout.hasHeader(ciphertext, header)) {
      throw invalid();
    }
    Keyed dataKey = unwrap(ciphertext, layout, associatedData);
    try {
      return dataKey.cipher.decrypt(ciphertext, layout.payloadOffset(),
          dataKey.payloadAssociatedData);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw invalid();
    }
  }

  /**
   * Re-wraps the data key of {@code ciphertext} under the KEK's current primary key, leaving the
   * payload untouched. Use it after rotating a keyset KEK so that old keys can be retired.
   *
   * @param ciphertext the envelope
   * @param associatedData the associated data given to {@code encrypt}
   * @return the envelope with a newly wrapped data key
   * @throws GeneralSecurityException as {@link #decrypt(byte[], byte[])} does
   */
  public byte[] rewrap(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(associatedData, "associatedData");
    EnvelopeFormat.Parsed parsed = parseOwn(ciphertext);
    byte[] wrapAd = EnvelopeFormat.associatedData(header, EnvelopeFormat.LABEL_WRAPPED_KEY,
        associatedData);
    byte[] dataKey;
    try {
      dataKey = kek.decrypt(parsed.wrappedKey, wrapAd);
      DataKeys.parse(dataKey);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw invalid();
    }
    try {
      byte[] wrapped = EnvelopeFormat.wrap(kek, header, EnvelopeFormat.LABEL_WRAPPED_KEY, dataKey,
          associatedData);
      return EnvelopeFormat.serialize(header, wrapped, parsed.payload);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /**
   * Encrypts text for a database column: UTF-8, then {@link #encrypt(byte[], byte[])}, then
   * URL-safe base64 without padding.
   *
   * @param plaintext the text to protect
   * @param associatedData as for {@link #encrypt(byte[], byte[])}
   * @return a URL-safe base64 token
   * @throws GeneralSecurityException as {@link #encrypt(byte[], byte[])} does
   */
  public String encryptToString(String plaintext, byte[] associatedData)
      throws GeneralSecurityException {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(encrypt(bytes, associatedData));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Decrypts a token made by {@link #encryptToString(String, byte[])}.
   *
   * @param token the URL-safe base64 token
   * @param associatedData the associated data given to {@code encryptToString}
   * @return the text
   * @throws GeneralSecurityException if the token is not base64, not a valid envelope, or not
   *     UTF-8 text; the message is always the same
   */
  public String decryptToString(String token, byte[] associatedData)
      throws GeneralSecurityException {
    Objects.requireNonNull(token, "token");
    byte[] ciphertext;
    try {
      ciphertext = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    byte[] plaintext = decrypt(ciphertext, associatedData);
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(plaintext));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw invalid();
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * Encrypts a stream of any size in constant memory: a fresh Tink AES-GCM-HKDF streaming key
   * (AES-256, 64 KiB segments) per call, wrapped by the KEK and bound to {@code associatedData}
   * (format in {@code docs/formats.md}). Neither stream is closed. The data-key cache is not used.
   *
   * @param in the plaintext
   * @param out receives the streaming envelope
   * @param associatedData as for {@link #encrypt(byte[], byte[])}
   * @throws IOException if reading or writing fails
   * @throws GeneralSecurityException if the KEK or Tink fails
   */
  public void encrypt(InputStream in, OutputStream out, byte[] associatedData)
      throws IOException, GeneralSecurityException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(associatedData, "associatedData");
    StreamEnvelope.encrypt(kek, streamHeader, in, out, associatedData);
  }

  /**
   * Decrypts a stream made by {@link #encrypt(InputStream, OutputStream, byte[])}. Each segment
   * (64 KiB, or 1 MiB in streams written by earlier versions) is authenticated before its
   * plaintext is written, but truncation is only detected at the end: if this throws, discard
   * everything written to {@code out}. Neither stream is closed.
   *
   * @param in the streaming envelope
   * @param out receives the plaintext
   * @param associatedData the associated data given to {@code encrypt}
   * @throws IOException if reading {@code in} or writing {@code out} fails
   * @throws GeneralSecurityException if the envelope is malformed, tampered with, truncated,
   *     bound to other associated data or wrapped by another KEK; the message is always the same
   */
  public void decrypt(InputStream in, OutputStream out, byte[] associatedData)
      throws IOException, GeneralSecurityException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(associatedData, "associatedData");
    StreamEnvelope.decrypt(kek, streamHeader, in, out, associatedData);
  }

  /**
   * Re-wraps the key of a streaming envelope made by
   * {@link #encrypt(InputStream, OutputStream, byte[])} under the KEK's current primary key and
   * copies the stream ciphertext unchanged (the payload is not re-encrypted). The stream is
   * authenticated on the way, so a tampered or truncated input fails as {@code decrypt} would: if
   * this throws, discard everything written to {@code out}. Neither stream is closed.
   *
   * @param in the streaming envelope
   * @param out receives the streaming envelope with a newly wrapped key
   * @param associatedData the associated data given to {@code encrypt}
   * @throws IOException if reading {@code in} or writing {@code out} fails
   * @throws GeneralSecurityException as {@link #decrypt(InputStream, OutputStream, byte[])} does
   */
  public void rewrap(InputStream in, OutputStream out, byte[] associatedData)
      throws IOException, GeneralSecurityException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(associatedData, "associatedData");
    StreamEnvelope.rewrap(kek, streamHeader, in, out, associatedData);
  }

  /** Empties the data-key cache, if there is one (for example after rotating the KEK). */
  public void flush() {
    if (cache != null) {
      cache.flush();
    }
  }

  private EnvelopeFormat.Parsed parseOwn(byte[] ciphertext) throws GeneralSecurityException {
    EnvelopeFormat.Parsed parsed = EnvelopeFormat.parse(ciphertext);
    if (!Arrays.equals(parsed.header, header)) {
      throw invalid();
    }
    return parsed;
  }

  private Keyed unwrap(byte[] envelope, EnvelopeFormat.Layout layout, byte[] associatedData)
      throws GeneralSecurityException {
    int from = layout.wrappedOffset;
    int to = layout.payloadOffset();
    if (cache != null) {
      Keyed hit = cache.unwrapped(envelope, from, to, associatedData);
      if (hit != null) {
        return hit;
      }
    }
    byte[] dataKey = null;
    try {
      dataKey = kek.decrypt(Arrays.copyOfRange(envelope, from, to), EnvelopeFormat
          .associatedData(header, EnvelopeFormat.LABEL_WRAPPED_KEY, associatedData));
      Keyed keyed = new Keyed(DataKeys.parse(dataKey), payloadAssociatedData(associatedData),
          cacheNow());
      if (cache != null) {
        cache.putUnwrapped(envelope, from, to, associatedData, keyed);
      }
      return keyed;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw invalid();
    } finally {
      if (dataKey != null) {
        Arrays.fill(dataKey, (byte) 0);
      }
    }
  }

  private static GeneralSecurityException invalid() {
    return new GeneralSecurityException(EnvelopeFormat.INVALID);
  }

  @Override
  public String toString() {
    return "EnvelopeEncryptor[kekId=" + kekId + ", cache=" + (cache == null ? "off" : "on") + "]";
  }
}
