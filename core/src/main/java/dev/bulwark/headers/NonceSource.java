package dev.bulwark.headers;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Hands out CSP nonces: {@value SecurityHeadersEngine#NONCE_BYTES} bytes from the injected
 * {@link SecureRandom}, base64-encoded (24 characters, no padding since 18 bytes fill whole
 * groups).
 *
 * <p>A {@code SecureRandom} call has a fixed cost far above the cost of its bytes (the default
 * {@code NativePRNG} takes a lock and reads {@code /dev/urandom} on every call), so the bytes are
 * drawn {@value #PER_REFILL} nonces at a time into small buffers, one of which a thread picks by
 * its id. Each buffer is guarded by its own lock, a byte is handed out once and zeroed when
 * used, and the stream of bytes is the random's own: nonce {@code n} of a buffer is bytes
 * {@code 18n..18n+17} of one {@code nextBytes} call. Thread-safe.
 */
final class NonceSource {

  /** Nonces drawn per {@code nextBytes} call. */
  static final int PER_REFILL = 16;

  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
          .getBytes(StandardCharsets.US_ASCII);

  private final SecureRandom random;
  private final Stripe[] stripes;
  private final int mask;

  NonceSource(SecureRandom random) {
    this.random = random;
    int wanted = Math.min(64, 2 * Runtime.getRuntime().availableProcessors());
    int size = Integer.highestOneBit(Math.max(1, wanted - 1)) << 1;
    this.stripes = new Stripe[size];
    for (int i = 0; i < size; i++) {
      stripes[i] = new Stripe();
    }
    this.mask = size - 1;
  }

  /**
   * A fresh nonce.
   *
   * @return 24 base64 characters
   */
  @SuppressWarnings("deprecation") // Thread.getId(): the replacement threadId() is Java 19+
  String next() {
    return stripes[(int) Thread.currentThread().getId() & mask].next(random);
  }

  /** Base64 (RFC 4648, standard alphabet) of 18 bytes at {@code offset}: 24 characters. */
  static String encode(byte[] bytes, int offset) {
    byte[] out = new byte[SecurityHeadersEngine.NONCE_BYTES / 3 * 4];
    for (int in = offset, o = 0; o < out.length; in += 3, o += 4) {
      int group = (bytes[in] & 0xff) << 16 | (bytes[in + 1] & 0xff) << 8 | bytes[in + 2] & 0xff;
      out[o] = ALPHABET[group >>> 18];
      out[o + 1] = ALPHABET[group >>> 12 & 0x3f];
      out[o + 2] = ALPHABET[group >>> 6 & 0x3f];
      out[o + 3] = ALPHABET[group & 0x3f];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  private static final class Stripe {
    private final byte[] buffer = new byte[SecurityHeadersEngine.NONCE_BYTES * PER_REFILL];
    private int position = buffer.length;

    synchronized String next(SecureRandom random) {
      if (position == buffer.length) {
        random.nextBytes(buffer);
        position = 0;
      }
      String nonce = encode(buffer, position);
      Arrays.fill(buffer, position, position + SecurityHeadersEngine.NONCE_BYTES, (byte) 0);
      position += SecurityHeadersEngine.NONCE_BYTES;
      return nonce;
    }
  }
}
