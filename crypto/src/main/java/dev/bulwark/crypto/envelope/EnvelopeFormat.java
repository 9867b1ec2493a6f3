package dev.bulwark.crypto.envelope;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The envelope wire format, version 1 (documented in {@code docs/formats.md}):
 *
 * <pre>
 * version      1 byte   0x01
 * kekIdLength  1 byte   1..64
 * kekId        kekIdLength bytes, US-ASCII
 * wrappedLen   4 bytes  big-endian, 1..4096
 * wrappedKey   wrappedLen bytes (the data keyset, encrypted by the key-encryption key)
 * payload      the rest (Tink AES-256-GCM ciphertext, at least 1 byte)
 * </pre>
 *
 * <p>The header is {@code version || kekIdLength || kekId}. The wrapped key is encrypted with
 * associated data {@code header || 0x01 || associatedData}, the payload with
 * {@code header || 0x02 || associatedData}. The header is self-delimiting, so the concatenation
 * is unambiguous, and the label byte separates the two uses.
 */
final class EnvelopeFormat {

  static final byte VERSION = 1;
  static final int MAX_KEK_ID_LENGTH = 64;
  static final int MAX_WRAPPED_KEY_LENGTH = 4096;
  static final byte LABEL_WRAPPED_KEY = 1;
  static final byte LABEL_PAYLOAD = 2;

  /** The one message for every malformed input; it names no offset, length or value. */
  static final String INVALID = "invalid envelope ciphertext";

  private EnvelopeFormat() {
  }

  /** A parsed envelope; arrays are owned by this value. */
  static final class Parsed {
    final byte[] header;
    final byte[] wrappedKey;
    final byte[] payload;

    Parsed(byte[] header, byte[] wrappedKey, byte[] payload) {
      this.header = header;
      this.wrappedKey = wrappedKey;
      this.payload = payload;
    }
  }

  static byte[] header(String kekId) {
    byte[] id = kekId.getBytes(StandardCharsets.US_ASCII);
    byte[] header = new byte[2 + id.length];
    header[0] = VERSION;
    header[1] = (byte) id.length;
    System.arraycopy(id, 0, header, 2, id.length);
    return header;
  }

  static boolean isValidKekId(String kekId) {
    if (kekId.isEmpty() || kekId.length() > MAX_KEK_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < kekId.length(); i++) {
      char c = kekId.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  static byte[] associatedData(byte[] header, byte label, byte[] associatedData) {
    byte[] out = new byte[header.length + 1 + associatedData.length];
    System.arraycopy(header, 0, out, 0, header.length);
    out[header.length] = label;
    System.arraycopy(associatedData, 0, out, header.length + 1, associatedData.length);
    return out;
  }

  /**
   * Wraps a data key under the KEK, bound to {@code header || label || associatedData}, and
   * checks that the KEK's output fits the format (1 to {@link #MAX_WRAPPED_KEY_LENGTH} bytes).
   */
  static byte[] wrap(Aead kek, byte[] header, byte label, byte[] dataKey, byte[] associatedData)
      throws GeneralSecurityException {
    byte[] wrapped = kek.encrypt(dataKey, associatedData(header, label, associatedData));
    if (wrapped.length == 0 || wrapped.length > MAX_WRAPPED_KEY_LENGTH) {
      throw new GeneralSecurityException("the key-encryption key returned a wrapped key of "
          + "unsupported length");
    }
    return wrapped;
  }

  /** Reads the 4-byte big-endian wrapped-key length at {@code at}. */
  static long readLength(byte[] in, int at) {
    return ((in[at] & 0xffL) << 24) | ((in[at + 1] & 0xffL) << 16)
        | ((in[at + 2] & 0xffL) << 8) | (in[at + 3] & 0xffL);
  }

  /** The length of {@code header || wrappedLen || wrappedKey}, where the payload starts. */
  static int headLength(byte[] header, byte[] wrappedKey) {
    return header.length + 4 + wrappedKey.length;
  }

  /** Writes {@code header || wrappedLen || wrappedKey} at the start of {@code out}. */
  static void writeHead(byte[] out, byte[] header, byte[] wrappedKey) {
    System.arraycopy(header, 0, out, 0, header.length);
    int at = header.length;
    int n = wrappedKey.length;
    out[at] = (byte) (n >>> 24);
    out[at + 1] = (byte) (n >>> 16);
    out[at + 2] = (byte) (n >>> 8);
    out[at + 3] = (byte) n;
    System.arraycopy(wrappedKey, 0, out, at + 4, n);
  }

  static byte[] serialize(byte[] header, byte[] wrappedKey, byte[] payload) {
    int head = headLength(header, wrappedKey);
    byte[] out = new byte[head + payload.length];
    writeHead(out, header, wrappedKey);
    System.arraycopy(payload, 0, out, head, payload.length);
    return out;
  }

  /** Where the parts of a well-formed envelope lie in its array; nothing is copied. */
  static final class Layout {
    final int headerLength;
    final int wrappedOffset;
    final int wrappedLength;

    Layout(int headerLength, int wrappedOffset, int wrappedLength) {
      this.headerLength = headerLength;
      this.wrappedOffset = wrappedOffset;
      this.wrappedLength = wrappedLength;
    }

    int payloadOffset() {
      return wrappedOffset + wrappedLength;
    }

    boolean hasHeader(byte[] in, byte[] header) {
      return Arrays.equals(in, 0, headerLength, header, 0, header.length);
    }
  }

  /**
   * Checks the framing of an envelope and says where its parts lie. Every length is checked
   * against both its cap and the bytes that remain, so no later read or allocation can exceed
   * the input.
   */
  static Layout locate(byte[] in) throws GeneralSecurityException {
    if (in.length < 2 || in[0] != VERSION) {
      throw new GeneralSecurityException(INVALID);
    }
    int idLength = in[1] & 0xff;
    if (idLength == 0 || idLength > MAX_KEK_ID_LENGTH || in.length < 2 + idLength + 4) {
      throw new GeneralSecurityException(INVALID);
    }
    int at = 2 + idLength;
    long wrappedLength = readLength(in, at);
    at += 4;
    if (wrappedLength == 0 || wrappedLength > MAX_WRAPPED_KEY_LENGTH
        || wrappedLength >= in.length - at) {
      // ">=" rather than ">": the payload must hold at least one byte.
      throw new GeneralSecurityException(INVALID);
    }
    return new Layout(2 + idLength, at, (int) wrappedLength);
  }

  /** Parses an envelope into copies of its parts (rewrapping and tests). */
  static Parsed parse(byte[] in) throws GeneralSecurityException {
    Layout layout = locate(in);
    return new Parsed(Arrays.copyOfRange(in, 0, layout.headerLength),
        Arrays.copyOfRange(in, layout.wrappedOffset, layout.payloadOffset()),
        Arrays.copyOfRange(in, layout.payloadOffset(), in.length));
  }
}
